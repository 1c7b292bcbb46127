// redact.h - what each audience may see of an event or a snapshot.
//
// The stored events and snapshots keep everything the hall needs to rebuild itself (the holder's
// pseudonymous key among it). What leaves the server is cut down first: nobody gets `holder_key`
// (with a mask it would let anyone test guessed ID numbers offline); staff devices (desks, back
// office, dashboards, the admin tool) get the masked holder and the free texts (notes, reasons,
// rating comments); kiosks and displays get numbers, windows and states only.
#pragma once
#include "protocol/json.h"

namespace hallq {

enum class Audience { staff, open };

// An event's wire JSON (protocol/codec.h to_json(Event)), in place.
void redact_event(Json& event, Audience a);
// A snapshot's `state` (snapshot_json), in place.
void redact_snapshot(Json& state, Audience a);
// One ticket's JSON (to_json(Ticket) or a ticket view), in place.
void redact_ticket(Json& ticket, Audience a);
// A reply body: its `ticket` and `tickets[]`. `own`: the ticket is the asker's own (issue_ticket,
// check_in at a kiosk), so its masked holder stays for the citizen to see.
void redact_reply(Json& body, Audience a, bool own = false);

}  // namespace hallq
