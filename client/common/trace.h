// trace.h - machine-readable lines on stdout for tests and benchmarks (--trace): what the screen
// has actually drawn, prompts and ratings. Off by default.
#pragma once
#include <chrono>
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

// Microseconds on the monotonic clock, comparable between processes on one machine (benchmarks).
inline std::string mono_us(std::chrono::steady_clock::time_point t = std::chrono::steady_clock::now()) {
    return std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count());
}

}  // namespace hallq
