// command.h - the hall commands: one body per command type, with only the fields it takes.
//
// `Command` is a variant of the bodies, in CommandType order (the order of the message table,
// protocol/messages.def), so a command's type is its index. Bodies of the same shape share a
// template but are distinct types: each CommandType has exactly one body and each body one type.
// Build them with designated initializers: `CallNext{.window = 1}`, `Rate{.ticket = {.id = 7}}`
// (every member has a default, so any of them may be left out).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace hallq {

enum class TicketClass { normal, reservation, green };

// The hall commands, from the message table (one list for every layer; see messages.def).
enum class CommandType {
#define HALLQ_COMMAND(name, verb, module, events, since, access) name,
#define HALLQ_INTERNAL(name, verb, module, events, since, access) name,
#include "protocol/messages.def"
};

// A ticket named by its id, or else by today's number (A005).
struct TicketRef {
    int64_t id = 0;
    std::string number{};
    bool empty() const { return !id && number.empty(); }
    bool operator==(const TicketRef&) const = default;
};

// Commands that name only the window they come from.
template <CommandType T>
struct WindowBody {
    static constexpr CommandType type = T;
    int window = 0;
    bool operator==(const WindowBody&) const = default;
};

struct IssueTicket {
    static constexpr CommandType type = CommandType::issue_ticket;
    std::string queue{};  // a queue letter, and/or
    std::string item{};   // a service item (then its queue, when no queue is given)
    TicketClass klass = TicketClass::normal;
    std::string reservation{};  // linked reservation id: needed for class reservation
    int64_t slot_at = 0;        // reservation slot time (ms), kept for class reservation only
    std::string holder{};       // masked holder
    // The holder's pseudonymous key, set by the server from a swiped ID number; never taken
    // from the wire.
    std::string holder_key{};
    bool operator==(const IssueTicket&) const = default;
};

struct CancelTicket {
    static constexpr CommandType type = CommandType::cancel_ticket;
    TicketRef ticket{};
    std::string reason{};
    bool operator==(const CancelTicket&) const = default;
};

struct ClerkLogin {
    static constexpr CommandType type = CommandType::clerk_login;
    int window = 0;
    std::string clerk{};
    // Checked by the server against the stored hash before the hall decides; the hall ignores
    // it, and it never reaches an event, the log, a snapshot or a stored reply.
    std::string password{};
    // The desk it came from, set by the server from the connection's key (never from the body).
    std::string device{};
    bool operator==(const ClerkLogin&) const = default;
};

using ClerkLogout = WindowBody<CommandType::clerk_logout>;
using WindowOpen = WindowBody<CommandType::window_open>;
using WindowPause = WindowBody<CommandType::window_pause>;
using WindowClose = WindowBody<CommandType::window_close>;

struct SetProfile {
    static constexpr CommandType type = CommandType::set_profile;
    int window = 0;
    std::vector<std::string> profile{};  // queue letters in priority order
    bool operator==(const SetProfile&) const = default;
};

using CallNext = WindowBody<CommandType::call_next>;

struct CallTicket {
    static constexpr CommandType type = CommandType::call_ticket;
    int window = 0;
    TicketRef ticket{};
    std::string reason{};  // why out of order: required
    bool operator==(const CallTicket&) const = default;
};

using Recall = WindowBody<CommandType::recall>;
using Start = WindowBody<CommandType::start>;

struct Finish {
    static constexpr CommandType type = CommandType::finish;
    int window = 0;
    std::vector<std::string> items{};  // service items handled
    std::string outcome{};             // "" is handled
    bool operator==(const Finish&) const = default;
};

using NoShow = WindowBody<CommandType::no_show>;

struct Transfer {
    static constexpr CommandType type = CommandType::transfer;
    int window = 0;
    std::string target_queue{};  // either a queue
    int target_window = 0;       // or a window
    std::string note{};
    bool operator==(const Transfer&) const = default;
};

struct Park {
    static constexpr CommandType type = CommandType::park;
    int window = 0;
    std::string note{};
    bool operator==(const Park&) const = default;
};

struct Resume {
    static constexpr CommandType type = CommandType::resume;
    int window = 0;
    TicketRef ticket{};
    bool operator==(const Resume&) const = default;
};

// The server's own: a new service day (YYYY-MM-DD).
struct Rollover {
    static constexpr CommandType type = CommandType::rollover;
    std::string day{};
    bool operator==(const Rollover&) const = default;
};

struct Rate {
    static constexpr CommandType type = CommandType::rate;
    int window = 0;  // optional: the window the rating screen belongs to
    TicketRef ticket{};
    int level = 0;                       // 1–5, or 0 when the citizen did not rate
    std::vector<std::string> reasons{};  // reason codes (rating.h)
    std::string comment{};
    bool operator==(const Rate&) const = default;
};

// In CommandType order (checked below against the message table).
using Command = std::variant<IssueTicket, CancelTicket, ClerkLogin, ClerkLogout, WindowOpen,
                             WindowPause, WindowClose, SetProfile, CallNext, CallTicket, Recall,
                             Start, Finish, NoShow, Transfer, Park, Resume, Rollover, Rate>;

namespace detail {
constexpr size_t kCommandTypes = 0
#define HALLQ_COMMAND(name, verb, module, events, since, access) +1
#define HALLQ_INTERNAL(name, verb, module, events, since, access) +1
#include "protocol/messages.def"
    ;
template <size_t... I>
constexpr bool bodies_in_table_order(std::index_sequence<I...>) {
    return ((std::variant_alternative_t<I, Command>::type == CommandType(I)) && ...);
}
}  // namespace detail
static_assert(std::variant_size_v<Command> == detail::kCommandTypes, "one body per hall command");
static_assert(detail::bodies_in_table_order(std::make_index_sequence<detail::kCommandTypes>()),
              "the bodies are in the message table's order");

// The body type of a command type, and a command's type.
template <CommandType T>
using BodyOf = std::variant_alternative_t<size_t(T), Command>;
inline CommandType type_of(const Command& c) { return CommandType(c.index()); }

// A command of type `t` with an empty body.
Command empty_command(CommandType t);

}  // namespace hallq
