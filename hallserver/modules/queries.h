// service_queries.h - answers to queries and the bodies of command replies, read from the state.
#pragma once
#include <string>

#include "core/hall.h"
#include "protocol/json.h"

namespace hallq {

// snapshot, status, ticket, call_order, ping → a complete reply (or an error reply).
std::string answer_query(const Hall& hall, const std::string& type, const std::string& rid,
                         const Json& body, int64_t now);

// Reply body of a command that touched `ticket` and/or `window`.
Json command_result(const Hall& hall, int64_t ticket, int window, int64_t now);

// A ticket with its wait estimate, queue and item names and the materials to bring.
Json ticket_view(const Hall& hall, const Ticket& t, int64_t now);

// A window's status with its name, kind and the number it is handling.
Json window_view(const Hall& hall, const WindowStatus& w);

}  // namespace hallq
