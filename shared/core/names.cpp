// names.cpp - wire names of the hall's enums (stable: part of the protocol).
#include <string>
#include <string_view>

#include "hall.h"

namespace hallq {

namespace {
template <class E, size_t N>
const char* name_of(const char* const (&names)[N], E v) {
    size_t i = static_cast<size_t>(v);
    return i < N ? names[i] : "?";
}
template <class E, size_t N>
bool parse_in(const char* const (&names)[N], const std::string& s, E& out) {
    for (size_t i = 0; i < N; ++i)
        if (s == names[i]) {
            out = static_cast<E>(i);
            return true;
        }
    return false;
}

constexpr const char* kClass[] = {"normal", "reservation", "green"};
constexpr const char* kTicketState[] = {"waiting", "called", "serving", "parked", "done", "no_show", "cancelled"};
constexpr const char* kWindowState[] = {"closed", "open", "paused"};
constexpr const char* kCommand[] = {
#define HALLQ_COMMAND(name, verb, module, events, since, access) #name,
#define HALLQ_INTERNAL(name, verb, module, events, since, access) #name,
#include "protocol/messages.def"
};
constexpr const char* kEvent[] = {
#define HALLQ_EVENT(name, since) #name,
#include "protocol/messages.def"
};
}  // namespace

const char* to_string(TicketClass v) { return name_of(kClass, v); }
const char* to_string(TicketState v) { return name_of(kTicketState, v); }
const char* to_string(WindowState v) { return name_of(kWindowState, v); }
const char* to_string(CommandType v) { return name_of(kCommand, v); }
const char* to_string(EventType v) { return name_of(kEvent, v); }
bool parse(const std::string& s, TicketClass& out) { return parse_in(kClass, s, out); }
bool parse(const std::string& s, TicketState& out) { return parse_in(kTicketState, s, out); }
bool parse(const std::string& s, WindowState& out) { return parse_in(kWindowState, s, out); }
bool parse(const std::string& s, CommandType& out) { return parse_in(kCommand, s, out); }
bool parse(const std::string& s, EventType& out) { return parse_in(kEvent, s, out); }

}  // namespace hallq
