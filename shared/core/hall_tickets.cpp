// hall_tickets.cpp - Hall::decide for the calling workflow at a window, ticket cancellation and
// the citizen's rating of a finished ticket.
#include <algorithm>
#include <initializer_list>
#include <optional>
#include <set>

#include "hall.h"
#include "policy.h"

namespace hallq {

namespace {
Decision refuse(ErrorCode code, std::string detail = {}) {
    Decision d;
    d.error = Error{code, std::move(detail)};
    return d;
}

Decision one(EventType type, int64_t now, int window, int64_t ticket) {
    Decision d;
    Event e;
    e.type = type;
    e.at = now;
    e.window = window;
    e.ticket = ticket;
    d.events.push_back(std::move(e));
    return d;
}

// A window can call only with a clerk logged in and the window open.
std::optional<ErrorCode> not_ready(const WindowStatus& w) {
    if (w.clerk.empty()) return ErrorCode::no_clerk;
    if (w.state == WindowState::paused) return ErrorCode::window_paused;
    if (w.state != WindowState::open) return ErrorCode::window_closed;
    return std::nullopt;
}

bool known_outcome(const std::string& o) {
    return o == "handled" || o == "materials_missing" || o == "referred" || o == "not_handled";
}

// The window and its current ticket, when that ticket is in one of `states`; otherwise `refusal`
// says why not: unknown_window, window_idle, or bad_state with the ticket's state.
struct AtWindow {
    const WindowStatus* w = nullptr;
    const Ticket* cur = nullptr;
    Decision refusal;
};
AtWindow current_ticket(const Hall& h, int window, std::initializer_list<TicketState> states) {
    AtWindow a;
    const WindowStatus* w = h.window(window);
    if (!w) {
        a.refusal = refuse(ErrorCode::unknown_window, std::to_string(window));
        return a;
    }
    const Ticket* cur = w->current ? h.ticket(w->current) : nullptr;
    if (!cur) {
        a.refusal = refuse(ErrorCode::window_idle);
        return a;
    }
    if (std::find(states.begin(), states.end(), cur->state) == states.end()) {
        a.refusal = refuse(ErrorCode::bad_state, to_string(cur->state));
        return a;
    }
    a.w = w;
    a.cur = cur;
    return a;
}

// A window that is to call: it exists, is ready and has no current ticket.
std::optional<Decision> cannot_call(const Hall& h, const WindowStatus* w, int window) {
    if (!w) return refuse(ErrorCode::unknown_window, std::to_string(window));
    if (auto e = not_ready(*w)) return refuse(*e);
    if (const Ticket* cur = w->current ? h.ticket(w->current) : nullptr)
        return refuse(ErrorCode::window_busy, cur->number);
    return std::nullopt;
}
}  // namespace

Decision Hall::decide_one(const CancelTicket& c, int64_t now) const {
    const Ticket* named = find_ticket(c.ticket);
    if (!named) return refuse(ErrorCode::unknown_ticket);
    if (named->state != TicketState::waiting && named->state != TicketState::parked)
        return refuse(ErrorCode::bad_state, to_string(named->state));
    Decision d = one(EventType::ticket_cancelled, now, named->window, named->id);
    d.events[0].reason = c.reason;
    return d;
}

Decision Hall::decide_one(const CallNext& c, int64_t now) const {
    const WindowStatus* w = window(c.window);
    if (auto no = cannot_call(*this, w, c.window)) return *no;
    auto choice = choose_next(*this, *w, now);
    if (!choice) return refuse(ErrorCode::queue_empty);
    Decision d = one(EventType::ticket_called, now, w->number, choice->ticket);
    d.events[0].streak = choice->streak_after;
    return d;
}

Decision Hall::decide_one(const CallTicket& c, int64_t now) const {
    const WindowStatus* w = window(c.window);
    if (auto no = cannot_call(*this, w, c.window)) return *no;
    if (c.reason.empty()) return refuse(ErrorCode::reason_required);
    const Ticket* named = find_ticket(c.ticket);
    if (!named) return refuse(ErrorCode::unknown_ticket);
    if (named->state != TicketState::waiting) return refuse(ErrorCode::bad_state, to_string(named->state));
    if (!window_serves(*w, *named)) return refuse(ErrorCode::not_for_window, named->number);
    Decision d = one(EventType::ticket_called, now, w->number, named->id);
    d.events[0].out_of_order = true;
    d.events[0].reason = c.reason;
    d.events[0].streak = w->priority_streak;
    return d;
}

Decision Hall::decide_one(const Resume& c, int64_t now) const {
    const WindowStatus* w = window(c.window);
    if (auto no = cannot_call(*this, w, c.window)) return *no;
    const Ticket* named = find_ticket(c.ticket);
    if (!named) return refuse(ErrorCode::unknown_ticket);
    if (named->state != TicketState::parked) return refuse(ErrorCode::bad_state, to_string(named->state));
    if (named->window != w->number) return refuse(ErrorCode::not_your_ticket);
    return one(EventType::ticket_resumed, now, w->number, named->id);
}

// The remaining window commands act on the window's current ticket.
Decision Hall::decide_one(const Recall& c, int64_t now) const {
    auto [w, cur, refusal] = current_ticket(*this, c.window, {TicketState::called});
    if (!cur) return refusal;
    if (cur->recalls >= s_.policy->recall_limit) return refuse(ErrorCode::recall_limit);
    if (now - cur->last_called_at < int64_t(s_.policy->recall_cooldown_s) * 1000)
        return refuse(ErrorCode::recall_cooldown);
    return one(EventType::ticket_recalled, now, w->number, cur->id);
}

Decision Hall::decide_one(const Start& c, int64_t now) const {
    auto [w, cur, refusal] = current_ticket(*this, c.window, {TicketState::called});
    if (!cur) return refusal;
    return one(EventType::ticket_started, now, w->number, cur->id);
}

Decision Hall::decide_one(const NoShow& c, int64_t now) const {
    auto [w, cur, refusal] = current_ticket(*this, c.window, {TicketState::called});
    if (!cur) return refusal;
    return one(EventType::ticket_no_show, now, w->number, cur->id);
}

Decision Hall::decide_one(const Finish& c, int64_t now) const {
    auto [w, cur, refusal] = current_ticket(*this, c.window, {TicketState::serving});
    if (!cur) return refusal;
    for (const auto& i : c.items)
        if (!s_.catalogue->item(i)) return refuse(ErrorCode::unknown_item, i);
    std::string outcome = c.outcome.empty() ? "handled" : c.outcome;
    if (!known_outcome(outcome)) return refuse(ErrorCode::bad_field, "outcome");
    Decision d = one(EventType::ticket_finished, now, w->number, cur->id);
    d.events[0].clerk = w->clerk;
    d.events[0].items = c.items;
    d.events[0].outcome = outcome;
    return d;
}

Decision Hall::decide_one(const Park& c, int64_t now) const {
    auto [w, cur, refusal] = current_ticket(*this, c.window, {TicketState::called, TicketState::serving});
    if (!cur) return refusal;
    Decision d = one(EventType::ticket_parked, now, w->number, cur->id);
    d.events[0].note = c.note;
    return d;
}

Decision Hall::decide_one(const Transfer& c, int64_t now) const {
    auto [w, cur, refusal] = current_ticket(*this, c.window, {TicketState::called, TicketState::serving});
    if (!cur) return refusal;
    bool to_queue = !c.target_queue.empty(), to_window = c.target_window != 0;
    if (to_queue == to_window) return refuse(ErrorCode::bad_field, "target_queue or target_window");
    if (to_queue && !s_.catalogue->queue(c.target_queue)) return refuse(ErrorCode::unknown_queue, c.target_queue);
    if (to_window && !window(c.target_window))
        return refuse(ErrorCode::unknown_window, std::to_string(c.target_window));
    if ((to_queue && c.target_queue == cur->queue && !cur->target_window) ||
        (to_window && c.target_window == w->number))
        return refuse(ErrorCode::same_target);
    Decision d = one(EventType::ticket_transferred, now, w->number, cur->id);
    d.events[0].queue = to_queue ? c.target_queue : cur->queue;
    d.events[0].target_window = c.target_window;
    d.events[0].note = c.note;
    return d;
}

// 好差评: once per finished ticket, bound to the window and clerk that finished it.
Decision Hall::decide_one(const Rate& c, int64_t now) const {
    if (c.window && !window(c.window)) return refuse(ErrorCode::unknown_window, std::to_string(c.window));
    const Ticket* named = find_ticket(c.ticket);
    if (!named) return refuse(ErrorCode::unknown_ticket);
    if (named->state != TicketState::done) return refuse(ErrorCode::bad_state, to_string(named->state));
    if (named->rating >= 0) return refuse(ErrorCode::already_rated, named->number);
    if (c.window && c.window != named->window) return refuse(ErrorCode::not_your_ticket);
    if (c.level < kNotRated || c.level > kHighestLevel) return refuse(ErrorCode::bad_field, "level");
    if (!c.reasons.empty() && !reasons_allowed(c.level, s_.policy->rating_reasons_up_to))
        return refuse(ErrorCode::bad_field, "reasons");
    std::set<std::string> seen;
    for (const auto& r : c.reasons)
        if (!rating_reason(r) || !seen.insert(r).second) return refuse(ErrorCode::bad_field, "reasons");
    if (!c.comment.empty() && c.level == kNotRated) return refuse(ErrorCode::bad_field, "comment");
    Decision d = one(EventType::ticket_rated, now, named->window, named->id);
    Event& e = d.events[0];
    e.clerk = named->clerk;
    e.item = !named->item.empty() ? named->item : named->items.empty() ? "" : named->items.front();
    e.level = c.level;
    e.reasons = c.reasons;
    e.comment = c.comment;
    return d;
}

}  // namespace hallq
