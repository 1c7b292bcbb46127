// queries.cpp - read-only views of the hall for replies.
#include "modules/queries.h"

#include <algorithm>

#include "core/policy.h"
#include "protocol/codec.h"
#include "protocol/envelope.h"
#include "protocol/replies.h"

namespace hallq {

Json window_view(const Hall& hall, const WindowStatus& w) {
    Json j = to_json(w);
    if (const WindowDef* d = hall.catalogue().window(w.number)) {
        j["name"] = d->name;
        j["kind"] = to_string(d->kind);
    }
    if (const Clerk* c = hall.catalogue().clerk(w.clerk)) j["clerk_name"] = c->name;
    if (const Ticket* t = hall.ticket(w.current)) j["current_number"] = t->number;
    return j;
}

Json command_result(const Hall& hall, int64_t ticket, int window, int64_t now, bool existing) {
    Json j = Json::object();
    if (const Ticket* t = hall.ticket(ticket)) {
        TicketView v = ticket_view(hall, *t, now);
        if (existing) v.existing = true;
        j["ticket"] = to_json(v);
    }
    if (const WindowStatus* w = hall.window(window)) j["window"] = window_view(hall, *w);
    return j;
}

namespace {
Json status(const Hall& hall, int64_t now) {
    Json j{{"day", hall.day()}, {"seq", hall.seq()}, {"hall", hall.catalogue().hall_name}};
    j["queues"] = Json::array();
    for (const auto& q : hall.catalogue().queues) {
        // From the hall's indexes: the queue's backlog, and those of its tickets transferred to a
        // window (few), so a status costs the same at the day's 10th ticket as at its 10,000th.
        int waiting = 0;
        int64_t oldest = 0;
        if (auto b = hall.backlogs().find(q.letter); b != hall.backlogs().end() && !b->second.by_issue.empty()) {
            waiting = int(b->second.by_issue.size());
            oldest = b->second.by_issue.begin()->first;
        }
        for (int64_t id : hall.waiting_targeted()) {
            const Ticket* t = hall.ticket(id);
            if (!t || t->queue != q.letter) continue;
            ++waiting;
            if (!oldest || t->issued_at < oldest) oldest = t->issued_at;
        }
        auto done = hall.done_by_queue().find(q.letter);
        int served = done == hall.done_by_queue().end() ? 0 : done->second;
        Json row{{"letter", q.letter}, {"name", q.name}, {"waiting", waiting}, {"served", served},
                 {"issued", hall.counters().count(q.letter) ? hall.counters().at(q.letter) : 0}};
        if (waiting) row["longest_wait_s"] = (now - oldest) / 1000;
        j["queues"].push_back(row);
    }
    j["windows"] = Json::array();
    for (const auto& [n, w] : hall.windows()) j["windows"].push_back(window_view(hall, w));
    return j;
}

const Ticket* find_ticket(const Hall& hall, const Json& ref) {
    if (ref.is_string()) return hall.ticket_by_number(ref.get<std::string>());
    if (ref.is_number_integer()) return hall.ticket(ref.get<int64_t>());
    return nullptr;
}
}  // namespace

QueryResult answer_query(const Hall& hall, MessageType type, const Json& body, int64_t now) {
    switch (type) {
        case MessageType::snapshot: return Json{{"seq", hall.seq()}, {"state", snapshot_json(hall)}};
        case MessageType::status: return status(hall, now);
        case MessageType::ping: return Json{{"seq", hall.seq()}, {"now", now}};
        case MessageType::ticket: {
            // Absent or of the wrong type: bad_field naming it; not found: unknown_ticket naming it.
            auto ref = body.find("ticket");
            if (ref == body.end() || !(ref->is_string() || ref->is_number_integer())) return bad_field("ticket");
            const Ticket* t = find_ticket(hall, *ref);
            if (!t) return Error{ErrorCode::unknown_ticket, ref->is_string() ? ref->get<std::string>() : ref->dump()};
            return Json{{"seq", hall.seq()}, {"ticket", to_json(ticket_view(hall, *t, now))}};
        }
        case MessageType::call_order: {
            // Read wide and range-checked, so a huge number never wraps round to a real window.
            auto field = body.find("window");
            if (field == body.end() || !field->is_number_integer()) return bad_field("window");
            int64_t number = field->get<int64_t>();
            const WindowStatus* w = number >= 1 && number <= 9999 ? hall.window(int(number)) : nullptr;
            if (!w) return Error{ErrorCode::unknown_window, std::to_string(number)};
            size_t limit = size_t(std::clamp<int64_t>(json_get<int64_t>(body, "limit", 50), 1, 500));
            Json list = Json::array();
            for (int64_t id : call_order(hall, *w, now, limit)) list.push_back(to_json(*hall.ticket(id)));
            return Json{{"seq", hall.seq()}, {"window", w->number}, {"tickets", list}};
        }
        default: return Error{ErrorCode::unknown_type, std::string(wire_name(type))};
    }
}

void register_queries(const ServiceState& st, HandlerTable& table) {
    for (const MessageInfo& m : message_table())
        if (m.kind == MessageKind::query && m.module == "queries")
            table.on_query(m.type, [&st](const Call& c) { return answer_query(st.hall, c.msg.type, c.req.body, c.now); });
}

}  // namespace hallq
