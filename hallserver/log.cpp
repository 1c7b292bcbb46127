// log.cpp - timestamped log lines: "2026-11-22 09:00:01.123 INFO  message".
#include "log.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace hallq::log {

namespace {
Level g_level = Level::info;
std::mutex g_mutex;
const char* kNames[] = {"DEBUG", "INFO ", "WARN ", "ERROR"};
}  // namespace

void set_level(Level l) { g_level = l; }
bool enabled(Level l) { return l >= g_level; }

bool parse_level(const std::string& s, Level& out) {
    if (s == "debug") out = Level::debug;
    else if (s == "info") out = Level::info;
    else if (s == "warn") out = Level::warn;
    else if (s == "error") out = Level::error;
    else return false;
    return true;
}

void write(Level l, const std::string& text) {
    auto now = std::chrono::system_clock::now();
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    int ms = int(std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
    std::lock_guard lock(g_mutex);
    std::fprintf(stderr, "%s.%03d %s %s\n", stamp, ms, kNames[static_cast<int>(l)], text.c_str());
    std::fflush(stderr);
}

}  // namespace hallq::log
