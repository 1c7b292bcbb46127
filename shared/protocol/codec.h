// codec.h - JSON forms of the hall's tickets, events, catalogue, policy and state snapshots.
// Decoders throw CodecError with a message naming the field; nothing else escapes them.
#pragma once
#include <stdexcept>

#include "core/hall.h"
#include "protocol/json.h"

namespace hallq {

struct CodecError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

Json to_json(const Ticket& t);
Ticket ticket_from_json(const Json& j);

// With `context`, a ticket event also carries the ticket's number and queue, and a call the
// window's name, so a plain subscriber can show it without a replica.
Json to_json(const Event& e, const Hall* context = nullptr);
Event event_from_json(const Json& j);

Json to_json(const Catalogue& c);
Catalogue catalogue_from_json(const Json& j);

Json to_json(const Policy& p);
Policy policy_from_json(const Json& j, Policy defaults = {});

Json to_json(const WindowStatus& w);

// The whole state at its sequence number; the replica and the server's restart both read it.
// Without tickets: everything but the "tickets" array (the store writes the tickets as a delta).
Json snapshot_json(const Hall& hall, bool with_tickets = true);
Hall hall_from_snapshot(const Json& j);

}  // namespace hallq
