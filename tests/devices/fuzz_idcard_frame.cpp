// fuzz_idcard_frame.cpp - libFuzzer target: arbitrary reader output through the ID-card frame
// parser and the read-response decoder. Built only with clang (see CMakeLists.txt).
#include <cstdlib>

#include "idcard/idcard_card.h"
#include "idcard/idcard_frame.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hallq::idcard;
    FrameParser p;
    std::vector<ParseEvent> out;
    // Split the input in two feeds so frames that straddle reads are exercised.
    const std::size_t half = size / 2;
    p.feed(std::span(data, half), out);
    p.feed(std::span(data + half, size - half), out);
    if (p.buffered() > max_frame_len + 7) std::abort();
    for (auto& ev : out)
        if (!ev.error)
            if (auto r = as_response(ev.payload)) {
                (void)status_message_zh(r->status());
                (void)decode_read_data(r->data);
            }
    (void)decode_card_text(std::span(data, size));  // short input: returns an empty text
    (void)p.finish();
    return 0;
}
