// log.h - levelled log lines on stderr. Never pass personal data: log masked forms only.
#pragma once
#include <sstream>
#include <string>

namespace hallq::log {

enum class Level { debug, info, warn, error };

void set_level(Level l);
bool parse_level(const std::string& s, Level& out);
bool enabled(Level l);
void write(Level l, const std::string& text);

}  // namespace hallq::log

#define HALLQ_LOG(level, expr)                                          \
    do {                                                                \
        if (::hallq::log::enabled(::hallq::log::Level::level)) {        \
            std::ostringstream hallq_log_os;                            \
            hallq_log_os << expr;                                       \
            ::hallq::log::write(::hallq::log::Level::level, hallq_log_os.str()); \
        }                                                               \
    } while (0)
