// errors.cpp - names and messages of the reason codes.
#include "errors.h"

namespace hallq {

namespace {
struct Row {
    std::string_view name, zh, en;
};
constexpr Row kRows[] = {
#define X(name, zh, en) {#name, zh, en},
    HALLQ_ERRORS(X)
#undef X
};
}  // namespace

std::string_view to_string(ErrorCode code) { return kRows[static_cast<int>(code)].name; }
std::string_view message_zh(ErrorCode code) { return kRows[static_cast<int>(code)].zh; }
std::string_view message_en(ErrorCode code) { return kRows[static_cast<int>(code)].en; }

bool parse_error_code(std::string_view text, ErrorCode& out) {
    for (size_t i = 0; i < std::size(kRows); ++i) {
        if (kRows[i].name == text) {
            out = static_cast<ErrorCode>(i);
            return true;
        }
    }
    return false;
}

}  // namespace hallq
