// display_model.cpp - keeps the screens' state from the replica's snapshots and events.
#include "display_model.h"

#include <algorithm>
#include <cstdio>

namespace hallq {

namespace {
std::string two_digits(int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", n);
    return buf;
}
}  // namespace

std::string call_text_zh(const CallLine& c) { return c.number + " 请到 " + two_digits(c.window) + " 号窗口"; }
std::string call_text_en(const CallLine& c) { return c.number + " → Window " + std::to_string(c.window); }

CallLine DisplayModel::call_line(const Hall& hall, const Ticket& t, int window, int64_t at, uint64_t seq,
                                 bool recall) const {
    CallLine c;
    c.ticket = t.id;
    c.number = t.number;
    c.window = window;
    if (const WindowDef* w = hall.catalogue().window(window)) c.window_name = w->name;
    c.at = at;
    c.seq = seq;
    c.recall = recall;
    return c;
}

void DisplayModel::refresh(const Hall& hall) {
    state_.hall_name = hall.catalogue().hall_name;
    state_.seq = hall.seq();
    state_.rating_reasons_up_to = hall.policy().rating_reasons_up_to;
    state_.missed_call = hall.catalogue().missed_call;
    std::map<std::string, int> waiting;  // one pass over the tickets, not one per queue
    std::vector<const Ticket*> missed;
    for (const auto& [id, t] : hall.tickets()) {
        if (t.state == TicketState::waiting) ++waiting[t.queue];
        if (t.state == TicketState::no_show) missed.push_back(&t);
    }
    auto when = [](const Ticket* t) { return std::max(t->finished_at, t->last_called_at); };
    std::sort(missed.begin(), missed.end(), [&](const Ticket* a, const Ticket* b) {
        return when(a) != when(b) ? when(a) > when(b) : a->id > b->id;
    });
    state_.missed.clear();
    for (size_t i = 0; i < missed.size() && i < kMissedShown; ++i) state_.missed.push_back(missed[i]->number);
    state_.queues.clear();
    for (const Queue& q : hall.catalogue().queues)
        state_.queues.push_back({q.letter, q.name, q.name_en, waiting[q.letter]});
    state_.windows.clear();
    for (const auto& [n, w] : hall.windows()) {
        WindowLine line;
        line.number = n;
        if (const WindowDef* d = hall.catalogue().window(n)) line.name = d->name;
        if (const Clerk* c = hall.catalogue().clerk(w.clerk)) line.clerk_name = c->name;
        line.state = w.state;
        if (const Ticket* t = hall.ticket(w.current)) {
            line.current_number = t->number;
            line.current_state = t->state;
        }
        state_.windows[n] = std::move(line);
    }
}

void DisplayModel::on_snapshot(const Hall& hall) {
    refresh(hall);
    // Today's calls, newest first, from the tickets' own call times.
    std::vector<const Ticket*> called;
    for (const auto& [id, t] : hall.tickets())
        if (t.last_called_at && t.window) called.push_back(&t);
    std::sort(called.begin(), called.end(), [](const Ticket* a, const Ticket* b) {
        return a->last_called_at != b->last_called_at ? a->last_called_at > b->last_called_at : a->id > b->id;
    });
    state_.calls.clear();
    for (const Ticket* t : called) {
        if (state_.calls.size() >= history_) break;
        state_.calls.push_back(call_line(hall, *t, t->window, t->last_called_at, 0, t->recalls > 0));
    }
    // A prompt stays open only while its ticket is still done at that window.
    for (auto it = state_.prompts.begin(); it != state_.prompts.end();) {
        const Ticket* t = hall.ticket(it->second.ticket);
        bool keep = t && t->state == TicketState::done && t->window == it->first;
        it = keep ? std::next(it) : state_.prompts.erase(it);
    }
}

void DisplayModel::on_event(const Hall& hall, const Event& e) {
    refresh(hall);
    const Ticket* t = hall.ticket(e.ticket);
    switch (e.type) {
        case EventType::ticket_called:
        case EventType::ticket_recalled:
            if (!t) break;
            // A recall moves the call to the top again; the older line of the same ticket goes.
            std::erase_if(state_.calls, [&](const CallLine& c) { return c.ticket == t->id; });
            state_.calls.push_front(
                call_line(hall, *t, e.window, e.at, e.seq, e.type == EventType::ticket_recalled));
            while (state_.calls.size() > history_) state_.calls.pop_back();
            break;
        case EventType::ticket_finished: {
            if (!t) break;
            RatingPrompt p;
            p.ticket = t->id;
            p.number = t->number;
            p.window = e.window;
            if (auto w = state_.windows.find(e.window); w != state_.windows.end()) p.clerk_name = w->second.clerk_name;
            std::string item = !t->item.empty() ? t->item : e.items.empty() ? "" : e.items.front();
            if (const ServiceItem* i = hall.catalogue().item(item)) p.item_name = i->name;
            p.finished_at = e.at;
            p.seq = e.seq;
            state_.prompts[e.window] = p;
            break;
        }
        case EventType::day_rollover:
            state_.calls.clear();
            state_.prompts.clear();
            break;
        default:
            // A rating recorded (here or elsewhere), or any later change of the ticket, closes its prompt.
            for (auto it = state_.prompts.begin(); it != state_.prompts.end();)
                it = it->second.ticket == e.ticket ? state_.prompts.erase(it) : std::next(it);
    }
}

}  // namespace hallq
