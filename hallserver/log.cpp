// log.cpp - timestamped log lines: "2026-11-22 09:00:01.123 INFO  message".
#include "log.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <mutex>

#include "core/utf8.h"

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
    std::string line = escaped(text);
    std::lock_guard lock(g_mutex);
    std::fprintf(stderr, "%s.%03d %s %s\n", stamp, ms, kNames[static_cast<int>(l)], line.c_str());
    std::fflush(stderr);
}

namespace {
// Line breaks and the invisible format characters that reorder or hide text on a terminal (bidi
// overrides and isolates, zero-width characters): shown as \uXXXX so a line reads as it was sent.
bool invisible(char32_t c) {
    return c == 0x2028 || c == 0x2029 || c == 0x061c || c == 0xfeff || (c >= 0x200b && c <= 0x200f) ||
           (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069);
}
}  // namespace

std::string escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t at = 0; at < text.size();) {
        size_t n = 1;
        char32_t c = utf8::next(text, at, n);
        unsigned char b = static_cast<unsigned char>(text[at]);
        char buf[8];
        if (c == utf8::kReplacement && n == 1 && b >= 0x80) {  // not UTF-8
            std::snprintf(buf, sizeof buf, "\\x%02x", b);
            out += buf;
        } else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || invisible(c)) {
            std::snprintf(buf, sizeof buf, c > 0xff ? "\\u%04x" : "\\x%02x", unsigned(c));
            out += buf;
        } else out.append(text.substr(at, n));
        at += n;
    }
    return out;
}

bool admit(const std::string& key, int& held) {
    struct Window {
        int64_t start = 0;
        int lines = 0, held = 0;
    };
    static std::map<std::string, Window> windows;
    int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now().time_since_epoch()).count();
    std::lock_guard lock(g_mutex);
    if (windows.size() > 1000) windows.clear();  // keys come from a short list; never grow
    Window& w = windows[key];
    held = 0;
    if (now - w.start >= 60000) {
        held = w.held;
        w = Window{now, 0, 0};
    }
    if (w.lines >= kLimitedLines) {
        ++w.held;
        return false;
    }
    ++w.lines;
    return true;
}

}  // namespace hallq::log
