// replies.cpp - ticket views and check-in outcomes, to JSON and back.
#include "protocol/replies.h"

#include "protocol/codec.h"

namespace hallq {

TicketView ticket_view(const Hall& hall, const Ticket& t, int64_t now) {
    TicketView v;
    v.ticket = t;
    if (const Queue* q = hall.catalogue().queue(t.queue)) v.queue_name = q->name;
    if (const ServiceItem* i = hall.catalogue().item(t.item))
        v.item = TicketView::Item{i->name, i->materials};
    if (t.state == TicketState::waiting) v.estimate = estimate_wait(hall, t, now);
    return v;
}

Json to_json(const TicketView& v) {
    Json j = to_json(v.ticket);
    if (v.queue_name) j["queue_name"] = *v.queue_name;
    if (v.item) {
        j["item_name"] = v.item->name;
        j["materials"] = v.item->materials;
    }
    if (const WaitEstimate* e = v.estimate ? &*v.estimate : nullptr)
        j["estimate"] = {{"minutes", e->minutes},
                         {"ahead", e->ahead},
                         {"servers", e->servers},
                         {"service_seconds", e->service_seconds},
                         {"no_window_open", e->no_window_open}};
    if (v.existing) j["existing"] = *v.existing;
    if (v.late) j["late"] = *v.late;
    return j;
}

std::optional<TicketView> read_ticket_view(const Json& j) {
    if (!j.is_object()) return std::nullopt;
    TicketView v;
    try {
        v.ticket = ticket_from_json(j);
    } catch (const CodecError&) {
        return std::nullopt;
    }
    if (auto it = j.find("queue_name"); it != j.end() && it->is_string())
        v.queue_name = it->get<std::string>();
    if (auto it = j.find("item_name"); it != j.end() && it->is_string())
        v.item = TicketView::Item{it->get<std::string>(),
                                  json_get<std::vector<std::string>>(j, "materials", {})};
    if (auto e = j.find("estimate"); e != j.end() && e->is_object()) {
        WaitEstimate w;
        w.minutes = json_get<int>(*e, "minutes", 0);
        w.ahead = json_get<int>(*e, "ahead", 0);
        w.servers = json_get<double>(*e, "servers", 0);
        w.service_seconds = json_get<double>(*e, "service_seconds", 0);
        w.no_window_open = json_get<bool>(*e, "no_window_open", false);
        v.estimate = w;
    }
    if (auto it = j.find("existing"); it != j.end() && it->is_boolean())
        v.existing = it->get<bool>();
    if (auto it = j.find("late"); it != j.end() && it->is_boolean()) v.late = it->get<bool>();
    return v;
}

Json to_json(const CheckInView& v) {
    Json j{{"holder", v.holder}, {"tickets", Json::array()}, {"early", Json::array()}};
    for (const TicketView& t : v.tickets) j["tickets"].push_back(to_json(t));
    for (const CheckInView::Early& e : v.early)
        j["early"].push_back({{"reservation", e.reservation},
                              {"item", e.item},
                              {"item_name", e.item_name},
                              {"slot_at", e.slot_at},
                              {"check_in_from", e.check_in_from}});
    if (v.card) {
        j["age"] = v.card->age;
        j["green"] = v.card->green;
        j["other_days"] = v.card->other_days;
    }
    return j;
}

CheckInView read_check_in_view(const Json& body) {
    CheckInView v;
    if (!body.is_object()) return v;
    if (auto it = body.find("tickets"); it != body.end() && it->is_array())
        for (const Json& j : *it)
            if (auto t = read_ticket_view(j)) v.tickets.push_back(std::move(*t));
    if (auto it = body.find("early"); it != body.end() && it->is_array())
        for (const Json& j : *it)
            v.early.push_back(
                {json_get<std::string>(j, "reservation", ""), json_get<std::string>(j, "item", ""),
                 json_get<std::string>(j, "item_name", ""), json_get<int64_t>(j, "slot_at", 0),
                 json_get<int64_t>(j, "check_in_from", 0)});
    v.holder = json_get<std::string>(body, "holder", "");
    if (body.contains("age") || body.contains("green") || body.contains("other_days"))
        v.card =
            CheckInView::Card{json_get<int>(body, "age", -1), json_get<bool>(body, "green", false),
                              json_get<std::vector<std::string>>(body, "other_days", {})};
    return v;
}

}  // namespace hallq
