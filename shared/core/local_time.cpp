// local_time.cpp - localtime_r + strftime.
#include "core/local_time.h"

#include <ctime>

namespace hallq {

std::string local_time_text(int64_t ms, const char* format) {
    std::time_t s = std::time_t(ms / 1000);
    std::tm tm{};
    localtime_r(&s, &tm);
    char buf[64];
    size_t n = std::strftime(buf, sizeof buf, format, &tm);
    return std::string(buf, n);
}

}  // namespace hallq
