// messages.h - the message table (messages.def) as data: every request a client may send, the
// server's own command, and every event, with its kind, hallctl verb, module and version.
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace hallq {

// Every request type, in table order (hall commands first, so their values match CommandType).
enum class MessageType {
#define HALLQ_COMMAND(name, verb, module, events, since, access) name,
#define HALLQ_INTERNAL(name, verb, module, events, since, access) name,
#define HALLQ_REQUEST(name, verb, module, events, since, access) name,
#define HALLQ_QUERY(name, verb, module, events, since, access) name,
#include "protocol/messages.def"
};

enum class MessageKind {
    command,   // a hall command (Hall::decide)
    internal,  // a hall command only the server makes (rollover): refused from clients
    request,   // a state-changing request handled by a server module
    query,     // reads, changes nothing, stores nothing
};

struct MessageInfo {
    MessageType type;
    std::string_view name;    // on the wire
    MessageKind kind;
    std::string_view verb;    // hallctl's word, "" if none
    std::string_view module;  // the server module that handles it
    std::string_view events;  // the events it may cause, space-separated
    int since;                // protocol version that added it
    std::string_view access;  // the roles that may send it (protocol/access.h)
};

struct EventInfo {
    std::string_view name;
    int since;
};

std::span<const MessageInfo> message_table();
std::span<const EventInfo> event_table();

// The entry for a wire name, or nothing for an unknown type.
const MessageInfo* find_message(std::string_view name);
const MessageInfo& message_info(MessageType type);
// The entry hallctl's `verb` names, or nothing.
const MessageInfo* find_verb(std::string_view verb);
inline std::string_view wire_name(MessageType type) { return message_info(type).name; }
const char* to_string(MessageKind kind);

}  // namespace hallq
