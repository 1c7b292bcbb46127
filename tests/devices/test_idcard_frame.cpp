// test_idcard_frame.cpp - the GA/T 467 frame codec: command frames, checksums, status codes, the
// sample frames of domain-facts.md, the parser's resynchronisation, and the card text layout.
#include <catch2/catch.hpp>

#include "core/idnumber.h"
#include "idcard/idcard_card.h"
#include "idcard/idcard_frame.h"
#include "idcard/idcard_simulator.h"

using namespace hallq::idcard;

namespace {

Bytes with_header(std::initializer_list<std::uint8_t> rest) {
    Bytes b(rest);
    const Bytes header(std::begin(frame_header), std::end(frame_header));
    b.insert(b.begin(), header.begin(), header.end());
    return b;
}

std::vector<ParseEvent> parse(const Bytes& bytes, FrameParser& p) {
    std::vector<ParseEvent> out;
    p.feed(bytes, out);
    return out;
}

}  // namespace

TEST_CASE("every command frame equals the bytes of the protocol") {
    CHECK(build_request(Command::reset_sam) == with_header({0x00, 0x03, 0x10, 0xFF, 0xEC}));
    CHECK(build_request(Command::sam_status) == with_header({0x00, 0x03, 0x11, 0xFF, 0xED}));
    CHECK(build_request(Command::read_sam_id) == with_header({0x00, 0x03, 0x12, 0xFF, 0xEE}));
    CHECK(build_request(Command::find_card) == with_header({0x00, 0x03, 0x20, 0x01, 0x22}));
    CHECK(build_request(Command::select_card) == with_header({0x00, 0x03, 0x20, 0x02, 0x21}));
    CHECK(build_request(Command::read_text_photo) == with_header({0x00, 0x03, 0x30, 0x01, 0x32}));
    CHECK(build_request(Command::read_text_photo_finger) == with_header({0x00, 0x03, 0x30, 0x10, 0x23}));
    CHECK(build_request(Command::read_appended_address) == with_header({0x00, 0x03, 0x30, 0x03, 0x30}));
}

TEST_CASE("the sample response frames parse with their status codes") {
    FrameParser p;
    const Bytes found = with_header({0x00, 0x08, 0x00, 0x00, 0x9F, 0x00, 0x00, 0x00, 0x00, 0x97});
    const Bytes none = with_header({0x00, 0x04, 0x00, 0x00, 0x80, 0x84});
    const Bytes failed = with_header({0x00, 0x04, 0x00, 0x00, 0x41, 0x45});
    CHECK(build_response(0x9F, Bytes{0, 0, 0, 0}) == found);
    CHECK(build_response(0x80) == none);
    CHECK(build_response(0x41) == failed);

    Bytes stream = found;
    stream.insert(stream.end(), none.begin(), none.end());
    stream.insert(stream.end(), failed.begin(), failed.end());
    auto ev = parse(stream, p);
    REQUIRE(ev.size() == 3);
    for (auto& e : ev) REQUIRE_FALSE(e.error);
    CHECK(as_response(ev[0].payload)->status() == Status::card_found);
    CHECK(as_response(ev[0].payload)->data == Bytes{0, 0, 0, 0});
    CHECK(as_response(ev[1].payload)->status() == Status::find_failed);
    CHECK(as_response(ev[2].payload)->status() == Status::read_failed);
    CHECK(p.buffered() == 0);
    CHECK(p.skipped() == 0);
}

TEST_CASE("status codes map to enums and messages in Chinese and English") {
    CHECK(status_from_sw3(0x90) == Status::ok);
    CHECK(status_from_sw3(0x91) == Status::field_empty);
    CHECK(status_from_sw3(0x10) == Status::checksum_error);
    CHECK(status_from_sw3(0x11) == Status::length_error);
    CHECK(status_from_sw3(0x21) == Status::bad_command);
    CHECK(status_from_sw3(0x23) == Status::unauthorised);
    CHECK(status_from_sw3(0x24) == Status::unknown_error);
    CHECK(status_from_sw3(0x31) == Status::auth_failed);
    CHECK(status_from_sw3(0x33) == Status::auth_failed);
    CHECK(status_from_sw3(0x40) == Status::wrong_card_type);
    CHECK(status_from_sw3(0x47) == Status::random_failed);
    CHECK(status_from_sw3(0x60) == Status::sam_self_test);
    CHECK(status_from_sw3(0x66) == Status::sam_not_authorised);
    CHECK(status_from_sw3(0x81) == Status::select_failed);
    CHECK(status_from_sw3(0x55) == Status::unrecognised);
    CHECK(std::string(status_message_zh(Status::read_failed)) == "读卡失败");
    CHECK(std::string(status_message_en(Status::find_failed)) == "no card found");
}

TEST_CASE("the parser skips noise and resynchronises on the header") {
    FrameParser p;
    Bytes stream{0x00, 0xAA, 0x12, 0xAA, 0xAA, 0x96};
    const Bytes ok = build_response(0x90);
    stream.insert(stream.end(), ok.begin(), ok.end());
    auto ev = parse(stream, p);
    REQUIRE(ev.size() == 1);
    CHECK_FALSE(ev[0].error);
    CHECK(p.skipped() == 6);
}

TEST_CASE("a frame fed one byte at a time parses") {
    FrameParser p;
    const Bytes f = build_response(0x90, Bytes(300, 0x5A));
    std::vector<ParseEvent> ev;
    for (auto b : f) p.feed(std::span(&b, 1), ev);
    REQUIRE(ev.size() == 1);
    CHECK(as_response(ev[0].payload)->data.size() == 300);
}

TEST_CASE("a bad checksum is rejected and the following frame still parses") {
    FrameParser p;
    Bytes bad = build_response(0x90);
    bad.back() ^= 0x01;
    const Bytes good = build_response(0x9F, Bytes{0, 0, 0, 0});
    bad.insert(bad.end(), good.begin(), good.end());
    auto ev = parse(bad, p);
    REQUIRE(ev.size() == 2);
    CHECK(ev[0].error == FrameError::bad_checksum);
    CHECK_FALSE(ev[1].error);
    CHECK(as_response(ev[1].payload)->status() == Status::card_found);
}

TEST_CASE("lengths out of range are rejected") {
    FrameParser p;
    auto ev = parse(with_header({0x00, 0x02, 0x90, 0x92}), p);
    REQUIRE_FALSE(ev.empty());
    CHECK(ev[0].error == FrameError::bad_length);
    FrameParser q;
    auto ev2 = parse(with_header({0xFF, 0xFF, 0x00}), q);
    REQUIRE_FALSE(ev2.empty());
    CHECK(ev2[0].error == FrameError::bad_length);
    CHECK(q.buffered() < 8);
}

TEST_CASE("a truncated frame is reported at the end of the stream") {
    FrameParser p;
    Bytes f = build_response(0x90, Bytes(100, 1));
    f.resize(40);
    CHECK(parse(f, p).empty());
    CHECK(p.in_frame());
    CHECK(p.finish() == FrameError::truncated);
    CHECK(p.buffered() == 0);
    FrameParser q;
    CHECK_FALSE(q.finish());
}

TEST_CASE("a response too short for SW1 SW2 SW3 is not a response") {
    CHECK_FALSE(as_response(Bytes{0x00, 0x90}));
}

TEST_CASE("UTF-16LE text converts to UTF-8 and back") {
    const std::string s = "张三 长期 AB 𠀀";  // includes a character outside the BMP
    CHECK(utf16le_to_utf8(utf8_to_utf16le(s)) == s);
    CHECK(utf16le_to_utf8(Bytes{0x00, 0xD8, 0x41, 0x00}) == "\xEF\xBF\xBD" "A");  // unpaired surrogate
}

TEST_CASE("the 30 01 read response decodes into the holder's fields") {
    const CardText holder = IdCardSimulator::sample_holder();
    const Bytes photo(card_photo_size, 0x42);
    const Bytes frame = build_response(0x90, encode_read_data(holder, photo));
    REQUIRE(frame.size() == 1295);
    CHECK(frame[5] == 0x05);
    CHECK(frame[6] == 0x08);
    CHECK(frame[10] == 0x01);  // text length 0x0100
    CHECK(frame[11] == 0x00);
    CHECK(frame[12] == 0x04);  // photo length 0x0400
    CHECK(frame[13] == 0x00);
    CHECK(frame[14] == 0x20);  // text at byte 14: 张 is U+5F20, little-endian
    CHECK(frame[15] == 0x5F);

    FrameParser p;
    auto ev = parse(frame, p);
    REQUIRE(ev.size() == 1);
    auto card = decode_read_data(as_response(ev[0].payload)->data);
    REQUIRE(card);
    CHECK(card->text.type == CardType::resident);
    CHECK(card->text.name == "张三");
    CHECK(card->text.gender == "2");
    CHECK(card->text.nation == "01");
    CHECK(card->text.birth == "19491231");
    CHECK(card->text.address == holder.address);
    CHECK(hallq::mask_id_number(card->text.id_number) == "110105********002X");
    CHECK(card->text.id_number == holder.id_number);
    CHECK(card->text.issuing_authority == holder.issuing_authority);
    CHECK(card->text.valid_from == "20200101");
    CHECK(card->text.valid_to == "长期");
    CHECK(card->photo == photo);
}

TEST_CASE("byte 248 gives the card type") {
    CardText t = IdCardSimulator::sample_holder();
    t.type = CardType::hk_macao_taiwan_permit;
    Bytes text = encode_card_text(t);
    CHECK(text[248] == 'J');
    CHECK(decode_card_text(text).type == CardType::hk_macao_taiwan_permit);
    CHECK(decode_card_text(text).name == "张三");
    text[248] = 'Y';
    CHECK(decode_card_text(text).type == CardType::foreigner_permanent);
    text[248] = 'I';
    CHECK(decode_card_text(text).type == CardType::foreigner_permanent);
}

TEST_CASE("read data whose lengths do not add up is rejected") {
    std::string why;
    Bytes data = encode_read_data(IdCardSimulator::sample_holder(), Bytes(card_photo_size, 0));
    data.pop_back();
    CHECK_FALSE(decode_read_data(data, &why));
    CHECK_FALSE(why.empty());
    CHECK_FALSE(decode_read_data(Bytes{0x01}, &why));
    Bytes wrong_text = encode_read_data(IdCardSimulator::sample_holder(), {});
    wrong_text[0] = 0x02;
    CHECK_FALSE(decode_read_data(wrong_text, &why));
}
