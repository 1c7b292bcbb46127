// queries.h - the queries module (snapshot, status, ticket, call_order, ping) and the views of
// windows that command replies carry, read from the state (ticket views: protocol/replies.h).
#pragma once
#include <string>

#include "core/hall.h"
#include "modules/module.h"
#include "protocol/json.h"

namespace hallq {

// Registers the handlers of snapshot, status, ticket, call_order and ping.
void register_queries(const ServiceState& st, HandlerTable& table);

// The reply body of one of those queries, or its refusal.
QueryResult answer_query(const Hall& hall, MessageType type, const Json& body, int64_t now);

// Reply body of a command that touched `ticket` (its view: protocol/replies.h) and/or `window`.
// `existing`: the ticket is one the ID-card holder already had (issue_ticket issued nothing).
Json command_result(const Hall& hall, int64_t ticket, int window, int64_t now, bool existing = false);

// A window's status with its name, kind and the number it is handling.
Json window_view(const Hall& hall, const WindowStatus& w);

}  // namespace hallq
