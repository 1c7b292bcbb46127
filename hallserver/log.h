// log.h - levelled log lines on stderr. Never pass personal data: log masked forms only.
//
// Every line is escaped as it is written: a control character (a newline, an ANSI escape) or a
// byte that is not UTF-8 appears as \n, \x1b, \xff, so text from a request (a request id, a
// clerk id) cannot forge a line or repaint a terminal. Warnings a client can cause at will go
// through HALLQ_LOG_LIMITED: at most kLimitedLines per key per minute, then one line with the count.
#pragma once
#include <sstream>
#include <string>
#include <string_view>

namespace hallq::log {

enum class Level { debug, info, warn, error };

void set_level(Level l);
bool parse_level(const std::string& s, Level& out);
bool enabled(Level l);
void write(Level l, const std::string& text);

// `text` with control characters and bytes that are not UTF-8 as escapes (\n, \t, \x1b, \xff).
std::string escaped(std::string_view text);

inline constexpr int kLimitedLines = 10;
// Whether a line under `key` may be written now; when a new minute begins after lines were held
// back, `held` tells how many (else 0).
bool admit(const std::string& key, int& held);

}  // namespace hallq::log

#define HALLQ_LOG(level, expr)                                          \
    do {                                                                \
        if (::hallq::log::enabled(::hallq::log::Level::level)) {        \
            std::ostringstream hallq_log_os;                            \
            hallq_log_os << expr;                                       \
            ::hallq::log::write(::hallq::log::Level::level, hallq_log_os.str()); \
        }                                                               \
    } while (0)

#define HALLQ_LOG_LIMITED(level, key, expr)                                              \
    do {                                                                                 \
        int hallq_log_held = 0;                                                          \
        if (::hallq::log::enabled(::hallq::log::Level::level) &&                         \
            ::hallq::log::admit(key, hallq_log_held)) {                                  \
            std::ostringstream hallq_log_os;                                             \
            if (hallq_log_held) hallq_log_os << "(" << hallq_log_held << " more like the next held back in the last minute) "; \
            hallq_log_os << expr;                                                        \
            ::hallq::log::write(::hallq::log::Level::level, hallq_log_os.str());         \
        }                                                                                \
    } while (0)
