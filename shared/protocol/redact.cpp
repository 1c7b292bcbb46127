// redact.cpp - cutting events, snapshots and tickets down to their audience.
#include "protocol/redact.h"

namespace hallq {

void redact_ticket(Json& t, Audience a) {
    if (!t.is_object()) return;
    t.erase("holder_key");
    if (a == Audience::open) {
        t.erase("holder");
        t.erase("reservation");  // the reservation's id: the person's booking, not for the hall to see
    }
}

void redact_event(Json& e, Audience a) {
    if (!e.is_object()) return;
    if (auto it = e.find("issued"); it != e.end()) redact_ticket(*it, a);
    if (a == Audience::open)
        for (const char* free_text : {"note", "reason", "comment"}) e.erase(free_text);
}

void redact_reply(Json& body, Audience a, bool own) {
    if (!body.is_object()) return;
    Audience ticket_audience = own ? Audience::staff : a;
    if (auto it = body.find("ticket"); it != body.end()) redact_ticket(*it, ticket_audience);
    if (auto it = body.find("tickets"); it != body.end() && it->is_array())
        for (Json& t : *it) redact_ticket(t, ticket_audience);
}

void redact_snapshot(Json& state, Audience a) {
    if (!state.is_object()) return;
    if (auto it = state.find("tickets"); it != state.end() && it->is_array())
        for (Json& t : *it) redact_ticket(t, a);
}

}  // namespace hallq
