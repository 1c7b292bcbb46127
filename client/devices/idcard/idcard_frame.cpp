// idcard_frame.cpp - GA/T 467 frames: building requests, parsing the reader's byte stream, SW3 codes.
#include "idcard/idcard_frame.h"

namespace hallq::idcard {

CommandCode command_code(Command c) {
    switch (c) {
    case Command::reset_sam: return {0x10, 0xFF};
    case Command::sam_status: return {0x11, 0xFF};
    case Command::read_sam_id: return {0x12, 0xFF};
    case Command::find_card: return {0x20, 0x01};
    case Command::select_card: return {0x20, 0x02};
    case Command::read_text_photo: return {0x30, 0x01};
    case Command::read_text_photo_finger: return {0x30, 0x10};
    case Command::read_appended_address: return {0x30, 0x03};
    }
    return {0x00, 0x00};
}

std::uint8_t xor_checksum(std::span<const std::uint8_t> bytes) {
    std::uint8_t x = 0;
    for (auto b : bytes) x ^= b;
    return x;
}

Bytes build_frame(std::span<const std::uint8_t> payload) {
    const std::size_t len = payload.size() + 1;
    Bytes f(std::begin(frame_header), std::end(frame_header));
    f.push_back(static_cast<std::uint8_t>(len >> 8));
    f.push_back(static_cast<std::uint8_t>(len & 0xFF));
    f.insert(f.end(), payload.begin(), payload.end());
    f.push_back(xor_checksum(std::span(f).subspan(5)));
    return f;
}

Bytes build_request(Command c) {
    const auto code = command_code(c);
    const std::uint8_t payload[2] = {code.cmd, code.para};
    return build_frame(payload);
}

Bytes build_response(std::uint8_t sw3, std::span<const std::uint8_t> data, std::uint8_t sw1,
                     std::uint8_t sw2) {
    Bytes payload{sw1, sw2, sw3};
    payload.insert(payload.end(), data.begin(), data.end());
    return build_frame(payload);
}

Status status_from_sw3(std::uint8_t sw3) {
    switch (sw3) {
    case 0x90: return Status::ok;
    case 0x9F: return Status::card_found;
    case 0x91: return Status::field_empty;
    case 0x10: return Status::checksum_error;
    case 0x11: return Status::length_error;
    case 0x21: return Status::bad_command;
    case 0x23: return Status::unauthorised;
    case 0x24: return Status::unknown_error;
    case 0x31: case 0x32: case 0x33: return Status::auth_failed;
    case 0x40: return Status::wrong_card_type;
    case 0x41: return Status::read_failed;
    case 0x47: return Status::random_failed;
    case 0x60: return Status::sam_self_test;
    case 0x66: return Status::sam_not_authorised;
    case 0x80: return Status::find_failed;
    case 0x81: return Status::select_failed;
    default: return Status::unrecognised;
    }
}

const char* status_message_zh(Status s) {
    switch (s) {
    case Status::ok: return "操作成功";
    case Status::card_found: return "找到卡";
    case Status::field_empty: return "无卡";
    case Status::checksum_error: return "校验和错误";
    case Status::length_error: return "长度错误";
    case Status::bad_command: return "命令错误";
    case Status::unauthorised: return "越权操作";
    case Status::unknown_error: return "未知错误";
    case Status::auth_failed: return "卡认证失败";
    case Status::wrong_card_type: return "卡类型错误";
    case Status::read_failed: return "读卡失败";
    case Status::random_failed: return "取随机数失败";
    case Status::sam_self_test: return "SAM自检失败";
    case Status::sam_not_authorised: return "SAM未经授权";
    case Status::find_failed: return "寻卡失败";
    case Status::select_failed: return "选卡失败";
    case Status::unrecognised: return "未知状态码";
    }
    return "未知状态码";
}

const char* status_message_en(Status s) {
    switch (s) {
    case Status::ok: return "OK";
    case Status::card_found: return "card found";
    case Status::field_empty: return "no card in the field";
    case Status::checksum_error: return "checksum error";
    case Status::length_error: return "length error";
    case Status::bad_command: return "bad command";
    case Status::unauthorised: return "unauthorised operation";
    case Status::unknown_error: return "unknown error";
    case Status::auth_failed: return "card authentication failed";
    case Status::wrong_card_type: return "wrong card type";
    case Status::read_failed: return "card read failed";
    case Status::random_failed: return "random number failed";
    case Status::sam_self_test: return "SAM self-test failed";
    case Status::sam_not_authorised: return "SAM not authorised";
    case Status::find_failed: return "no card found";
    case Status::select_failed: return "card select failed";
    case Status::unrecognised: return "unrecognised status code";
    }
    return "unrecognised status code";
}

std::optional<ResponseFrame> as_response(const Bytes& payload) {
    if (payload.size() < 3) return std::nullopt;
    ResponseFrame r;
    r.sw1 = payload[0];
    r.sw2 = payload[1];
    r.sw3 = payload[2];
    r.data.assign(payload.begin() + 3, payload.end());
    return r;
}

const char* frame_error_message(FrameError e) {
    switch (e) {
    case FrameError::bad_length: return "frame length out of range";
    case FrameError::bad_checksum: return "frame checksum mismatch";
    case FrameError::truncated: return "frame truncated (stream ended mid-frame)";
    }
    return "frame error";
}

void FrameParser::feed(std::span<const std::uint8_t> bytes, std::vector<ParseEvent>& out) {
    for (auto b : bytes) {
        buf_.push_back(b);
        process(out);
    }
}

bool FrameParser::in_frame() const { return buf_.size() >= sizeof frame_header; }

void FrameParser::process(std::vector<ParseEvent>& out) {
    for (;;) {
        // Header: drop bytes until the buffer starts with a (prefix of the) header.
        const std::size_t h = std::min(buf_.size(), sizeof frame_header);
        bool prefix_ok = true;
        for (std::size_t i = 0; i < h; ++i)
            if (buf_[i] != frame_header[i]) {
                prefix_ok = false;
                break;
            }
        if (!prefix_ok) {
            buf_.pop_front();
            ++skipped_;
            continue;
        }
        if (buf_.size() < sizeof frame_header + 2) return;
        const std::size_t len = (std::size_t{buf_[5]} << 8) | buf_[6];
        if (len < min_frame_len || len > max_frame_len) {
            out.push_back({FrameError::bad_length, {}});
            buf_.pop_front();  // resynchronise on the next header
            continue;
        }
        if (buf_.size() < 7 + len) return;
        std::uint8_t x = 0;
        for (std::size_t i = 5; i < 7 + len - 1; ++i) x ^= buf_[i];
        if (x != buf_[7 + len - 1]) {
            out.push_back({FrameError::bad_checksum, {}});
            buf_.pop_front();
            continue;
        }
        ParseEvent ev;
        ev.payload.assign(buf_.begin() + 7, buf_.begin() + static_cast<std::ptrdiff_t>(7 + len - 1));
        out.push_back(std::move(ev));
        buf_.erase(buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(7 + len));
    }
}

std::optional<FrameError> FrameParser::finish() {
    const bool had_frame = in_frame();
    reset();
    if (had_frame) return FrameError::truncated;
    return std::nullopt;
}

void FrameParser::reset() { buf_.clear(); }

}  // namespace hallq::idcard
