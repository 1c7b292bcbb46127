// names.cpp - wire names of the hall's enums (stable: part of the protocol).
#include <array>
#include <string_view>

#include "hall.h"

namespace hallq {

namespace {
template <class E, size_t N>
const char* name_of(const std::array<const char*, N>& names, E v) {
    size_t i = static_cast<size_t>(v);
    return i < N ? names[i] : "?";
}
template <class E, size_t N>
bool parse_in(const std::array<const char*, N>& names, const std::string& s, E& out) {
    for (size_t i = 0; i < N; ++i)
        if (s == names[i]) {
            out = static_cast<E>(i);
            return true;
        }
    return false;
}

constexpr std::array<const char*, 3> kClass = {"normal", "reservation", "green"};
constexpr std::array<const char*, 7> kTicketState = {"waiting", "called", "serving", "parked",
                                                     "done",    "no_show", "cancelled"};
constexpr std::array<const char*, 3> kWindowState = {"closed", "open", "paused"};
constexpr std::array<const char*, 19> kCommand = {
    "issue_ticket", "cancel_ticket", "clerk_login", "clerk_logout", "window_open",
    "window_pause", "window_close",  "set_profile", "call_next",    "call_ticket",
    "recall",       "start",         "finish",      "no_show",      "transfer",
    "park",         "resume",        "rollover",    "rate"};
constexpr std::array<const char*, 19> kEvent = {
    "hall_setup",     "day_rollover",   "ticket_issued",   "ticket_cancelled",
    "clerk_logged_in", "clerk_logged_out", "window_opened", "window_paused",
    "window_closed",  "profile_changed", "ticket_called",  "ticket_recalled",
    "ticket_started", "ticket_finished", "ticket_no_show", "ticket_transferred",
    "ticket_parked",  "ticket_resumed", "ticket_rated"};
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
