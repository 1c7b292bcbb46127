// messages.cpp - the message table's rows, generated from messages.def.
#include "protocol/messages.h"

#include "core/hall.h"

namespace hallq {

namespace {
using K = MessageKind;
constexpr MessageInfo kMessages[] = {
#define HALLQ_COMMAND(name, verb, module, events, since, access) {MessageType::name, #name, K::command, verb, #module, events, since, access},
#define HALLQ_INTERNAL(name, verb, module, events, since, access) {MessageType::name, #name, K::internal, verb, #module, events, since, access},
#define HALLQ_REQUEST(name, verb, module, events, since, access) {MessageType::name, #name, K::request, verb, #module, events, since, access},
#define HALLQ_QUERY(name, verb, module, events, since, access) {MessageType::name, #name, K::query, verb, #module, events, since, access},
#include "protocol/messages.def"
};
constexpr EventInfo kEvents[] = {
#define HALLQ_EVENT(name, since) {#name, since},
#include "protocol/messages.def"
};

// Rows are in enum order: the lookup by type is an index.
constexpr bool in_enum_order() {
    for (size_t i = 0; i < std::size(kMessages); ++i)
        if (static_cast<size_t>(kMessages[i].type) != i) return false;
    return true;
}
static_assert(in_enum_order());
// Hall commands come first, so a hall command's MessageType is its CommandType.
#define HALLQ_COMMAND(name, verb, module, events, since, access) \
    static_assert(int(MessageType::name) == int(CommandType::name));
#define HALLQ_INTERNAL(name, verb, module, events, since, access) \
    static_assert(int(MessageType::name) == int(CommandType::name));
#include "protocol/messages.def"
}  // namespace

std::span<const MessageInfo> message_table() { return kMessages; }
std::span<const EventInfo> event_table() { return kEvents; }

const MessageInfo* find_message(std::string_view name) {
    for (const MessageInfo& m : kMessages)
        if (m.name == name) return &m;
    return nullptr;
}

const MessageInfo* find_verb(std::string_view verb) {
    if (verb.empty()) return nullptr;
    for (const MessageInfo& m : kMessages)
        if (m.verb == verb) return &m;
    return nullptr;
}

const MessageInfo& message_info(MessageType type) { return kMessages[static_cast<size_t>(type)]; }

const char* to_string(MessageKind kind) {
    switch (kind) {
        case K::command: return "command";
        case K::internal: return "internal";
        case K::request: return "request";
        case K::query: return "query";
    }
    return "?";
}

}  // namespace hallq
