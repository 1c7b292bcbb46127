// trace.h - machine-readable lines on stdout for tests and benchmarks (--trace): what the screen
// has actually drawn, prompts and ratings. Off by default.
#pragma once
#include <cstdio>
#include <string>

namespace hallq {

inline bool& trace_enabled() {
    static bool on = false;
    return on;
}

inline void trace(const std::string& line) {
    if (!trace_enabled()) return;
    std::fputs((line + "\n").c_str(), stdout);
    std::fflush(stdout);
}

}  // namespace hallq
