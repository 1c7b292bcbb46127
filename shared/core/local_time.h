// local_time.h - a time (ms since the epoch) as local wall-clock text, e.g. "09:05" or
// "2026-11-23 09:05", for tickets, screens and messages.
#pragma once
#include <cstdint>
#include <string>

namespace hallq {

// strftime `format` of the local time; "%H:%M" by default.
std::string local_time_text(int64_t ms, const char* format = "%H:%M");

}  // namespace hallq
