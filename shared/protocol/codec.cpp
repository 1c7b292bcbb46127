// codec.cpp - tickets and events to and from JSON.
#include "protocol/codec.h"

namespace hallq {

namespace {
template <class E>
E enum_field(const Json& j, const char* key, E fallback) {
    auto s = json_get<std::string>(j, key, "");
    if (s.empty()) return fallback;
    E out;
    if (!parse(s, out)) throw CodecError(std::string("bad value for ") + key + ": " + s);
    return out;
}

void put_if(Json& j, const char* key, const std::string& v) {
    if (!v.empty()) j[key] = v;
}
void put_if(Json& j, const char* key, int64_t v) {
    if (v) j[key] = v;
}
}  // namespace

Json to_json(const Ticket& t) {
    Json j{{"id", t.id},           {"number", t.number},         {"queue", t.queue},
           {"serial", t.serial},   {"class", to_string(t.klass)}, {"state", to_string(t.state)},
           {"issued_at", t.issued_at}, {"recalls", t.recalls},   {"transfers", t.transfers},
           {"estimate_min", t.estimate_min}};
    put_if(j, "item", t.item);
    put_if(j, "reservation", t.reservation);
    put_if(j, "slot_at", t.slot_at);
    put_if(j, "holder", t.holder);
    put_if(j, "holder_key", t.holder_key);
    put_if(j, "called_at", t.called_at);
    put_if(j, "last_called_at", t.last_called_at);
    put_if(j, "started_at", t.started_at);
    put_if(j, "finished_at", t.finished_at);
    put_if(j, "window", t.window);
    put_if(j, "target_window", t.target_window);
    put_if(j, "outcome", t.outcome);
    if (!t.items.empty()) j["items"] = t.items;
    put_if(j, "clerk", t.clerk);
    if (t.rating >= 0) j["rating"] = t.rating;
    return j;
}

Ticket ticket_from_json(const Json& j) {
    if (!j.is_object()) throw CodecError("ticket must be an object");
    Ticket t;
    t.id = json_get<int64_t>(j, "id", 0);
    t.number = json_get<std::string>(j, "number", "");
    t.queue = json_get<std::string>(j, "queue", "");
    if (!t.id || t.number.empty() || t.queue.empty()) throw CodecError("ticket needs id, number, queue");
    t.serial = json_get<int>(j, "serial", 0);
    t.klass = enum_field(j, "class", TicketClass::normal);
    t.state = enum_field(j, "state", TicketState::waiting);
    t.item = json_get<std::string>(j, "item", "");
    t.reservation = json_get<std::string>(j, "reservation", "");
    t.slot_at = json_get<int64_t>(j, "slot_at", 0);
    t.holder = json_get<std::string>(j, "holder", "");
    t.holder_key = json_get<std::string>(j, "holder_key", "");
    t.issued_at = json_get<int64_t>(j, "issued_at", 0);
    t.called_at = json_get<int64_t>(j, "called_at", 0);
    t.last_called_at = json_get<int64_t>(j, "last_called_at", 0);
    t.started_at = json_get<int64_t>(j, "started_at", 0);
    t.finished_at = json_get<int64_t>(j, "finished_at", 0);
    t.window = json_get<int>(j, "window", 0);
    t.target_window = json_get<int>(j, "target_window", 0);
    t.recalls = json_get<int>(j, "recalls", 0);
    t.transfers = json_get<int>(j, "transfers", 0);
    t.estimate_min = json_get<int>(j, "estimate_min", 0);
    t.outcome = json_get<std::string>(j, "outcome", "");
    t.items = json_get<std::vector<std::string>>(j, "items", {});
    t.clerk = json_get<std::string>(j, "clerk", "");
    t.rating = json_get<int>(j, "rating", -1);
    return t;
}

Json to_json(const Event& e, const Hall* context) {
    Json j{{"v", 1}, {"seq", e.seq}, {"type", to_string(e.type)}, {"at", e.at}};
    put_if(j, "window", e.window);
    put_if(j, "ticket", e.ticket);
    put_if(j, "clerk", e.clerk);
    put_if(j, "device", e.device);
    put_if(j, "reason", e.reason);
    put_if(j, "note", e.note);
    put_if(j, "outcome", e.outcome);
    put_if(j, "day", e.day);
    put_if(j, "queue", e.queue);
    put_if(j, "target_window", e.target_window);
    if (e.out_of_order) j["out_of_order"] = true;
    if (e.type == EventType::ticket_called) j["streak"] = e.streak;
    if (!e.items.empty()) j["items"] = e.items;
    if (e.type == EventType::profile_changed) j["profile"] = e.profile;
    put_if(j, "item", e.item);
    if (e.type == EventType::ticket_rated) j["level"] = e.level;  // 0 (not rated) is a value
    if (!e.reasons.empty()) j["reasons"] = e.reasons;
    put_if(j, "comment", e.comment);
    if (e.issued) j["issued"] = to_json(*e.issued);
    if (e.catalogue) j["catalogue"] = to_json(*e.catalogue);
    if (e.policy) j["policy"] = to_json(*e.policy);
    if (context && e.ticket) {
        if (const Ticket* t = context->ticket(e.ticket)) j["number"] = t->number;
        if (e.issued) j["number"] = e.issued->number;
    }
    if (context && e.window && e.type == EventType::ticket_called)
        if (const WindowDef* w = context->catalogue().window(e.window)) j["window_name"] = w->name;
    return j;
}

Event event_from_json(const Json& j) {
    if (!j.is_object()) throw CodecError("event must be an object");
    Event e;
    auto type = json_get<std::string>(j, "type", "");
    if (!parse(type, e.type)) throw CodecError("unknown event type: " + type);
    e.seq = json_get<uint64_t>(j, "seq", 0);
    e.at = json_get<int64_t>(j, "at", 0);
    e.window = json_get<int>(j, "window", 0);
    e.ticket = json_get<int64_t>(j, "ticket", 0);
    e.clerk = json_get<std::string>(j, "clerk", "");
    e.device = json_get<std::string>(j, "device", "");
    e.reason = json_get<std::string>(j, "reason", "");
    e.note = json_get<std::string>(j, "note", "");
    e.outcome = json_get<std::string>(j, "outcome", "");
    e.day = json_get<std::string>(j, "day", "");
    e.queue = json_get<std::string>(j, "queue", "");
    e.target_window = json_get<int>(j, "target_window", 0);
    e.out_of_order = json_get<bool>(j, "out_of_order", false);
    e.streak = json_get<int>(j, "streak", 0);
    e.items = json_get<std::vector<std::string>>(j, "items", {});
    e.profile = json_get<std::vector<std::string>>(j, "profile", {});
    e.item = json_get<std::string>(j, "item", "");
    e.level = json_get<int>(j, "level", 0);
    e.reasons = json_get<std::vector<std::string>>(j, "reasons", {});
    e.comment = json_get<std::string>(j, "comment", "");
    if (j.contains("issued")) e.issued = std::make_shared<const Ticket>(ticket_from_json(j["issued"]));
    if (j.contains("catalogue"))
        e.catalogue = std::make_shared<const Catalogue>(catalogue_from_json(j["catalogue"]));
    if (j.contains("policy"))
        e.policy = std::make_shared<const Policy>(policy_from_json(j["policy"]));
    if (e.type == EventType::ticket_issued && !e.issued) throw CodecError("ticket_issued needs issued");
    if (e.type == EventType::hall_setup && !e.catalogue) throw CodecError("hall_setup needs catalogue");
    return e;
}

}  // namespace hallq
