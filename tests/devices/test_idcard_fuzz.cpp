// test_idcard_fuzz.cpp - random and hostile streams through the ID-card frame parser: it never
// throws, never buffers more than one frame, and still finds a good frame after the noise.
#include <catch2/catch.hpp>

#include <random>

#include "idcard/idcard_card.h"
#include "idcard/idcard_frame.h"

using namespace hallq::idcard;

TEST_CASE("thousands of random buffers never break the parser and memory stays bounded") {
    std::mt19937 rng(20261122);
    std::uniform_int_distribution<int> byte(0, 255), size(0, 600), biased(0, 9);
    FrameParser p;
    std::size_t events = 0;
    for (int i = 0; i < 3000; ++i) {
        Bytes buf(static_cast<std::size_t>(size(rng)));
        for (auto& b : buf) {
            // Headers and plausible lengths are frequent so the deeper paths run too.
            const int k = biased(rng);
            b = k == 0 ? 0xAA : k == 1 ? 0x96 : k == 2 ? 0x69 : k == 3 ? 0x00 : static_cast<std::uint8_t>(byte(rng));
        }
        if (i % 7 == 0) {
            const Bytes h{0xAA, 0xAA, 0xAA, 0x96, 0x69, static_cast<std::uint8_t>(byte(rng) & 0x0F),
                          static_cast<std::uint8_t>(byte(rng))};
            buf.insert(buf.begin(), h.begin(), h.end());
        }
        std::vector<ParseEvent> out;
        REQUIRE_NOTHROW(p.feed(buf, out));
        REQUIRE(p.buffered() <= max_frame_len + 7);
        for (auto& ev : out)
            if (!ev.error)
                if (auto r = as_response(ev.payload)) (void)decode_read_data(r->data);
        events += out.size();
    }
    (void)p.finish();
    CHECK(p.buffered() == 0);
    // After all the noise a real frame still parses.
    std::vector<ParseEvent> out;
    p.feed(build_response(0x90), out);
    REQUIRE(out.size() == 1);
    CHECK_FALSE(out[0].error);
    CHECK(events > 0);
}

TEST_CASE("an endless stream of header bytes does not grow the buffer") {
    FrameParser p;
    std::vector<ParseEvent> out;
    const Bytes h{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x0F, 0xFF};  // claims 4095 bytes
    for (int i = 0; i < 2000; ++i) {
        p.feed(h, out);
        REQUIRE(p.buffered() <= max_frame_len + 7);
        out.clear();
    }
    const Bytes aa(100000, 0xAA);
    p.feed(aa, out);
    CHECK(p.buffered() <= max_frame_len + 7);
}
