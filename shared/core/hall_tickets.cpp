// hall_tickets.cpp - Hall::decide for the calling workflow at a window, ticket cancellation and
// the citizen's rating of a finished ticket.
#include <algorithm>
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
}  // namespace

Decision Hall::decide_ticket_command(const Command& cmd, int64_t now) const {
    const Ticket* named = cmd.ticket ? ticket(cmd.ticket)
                          : cmd.ticket_number.empty() ? nullptr
                                                      : ticket_by_number(cmd.ticket_number);
    if (cmd.type == CommandType::cancel_ticket) {
        if (!named) return refuse(ErrorCode::unknown_ticket);
        if (named->state != TicketState::waiting && named->state != TicketState::parked)
            return refuse(ErrorCode::bad_state, to_string(named->state));
        Decision d = one(EventType::ticket_cancelled, now, named->window, named->id);
        d.events[0].reason = cmd.reason;
        return d;
    }
    if (cmd.type == CommandType::rate) return decide_rating(cmd, named, now);
    const WindowStatus* w = window(cmd.window);
    if (!w) return refuse(ErrorCode::unknown_window, std::to_string(cmd.window));
    const Ticket* cur = w->current ? ticket(w->current) : nullptr;
    auto state_is = [&](std::initializer_list<TicketState> ok) {
        return cur && std::find(ok.begin(), ok.end(), cur->state) != ok.end();
    };

    switch (cmd.type) {
        case CommandType::call_next: {
            if (auto e = not_ready(*w)) return refuse(*e);
            if (cur) return refuse(ErrorCode::window_busy, cur->number);
            auto choice = choose_next(*this, *w, now);
            if (!choice) return refuse(ErrorCode::queue_empty);
            Decision d = one(EventType::ticket_called, now, w->number, choice->ticket);
            d.events[0].streak = choice->streak_after;
            return d;
        }
        case CommandType::call_ticket: {
            if (auto e = not_ready(*w)) return refuse(*e);
            if (cur) return refuse(ErrorCode::window_busy, cur->number);
            if (cmd.reason.empty()) return refuse(ErrorCode::reason_required);
            if (!named) return refuse(ErrorCode::unknown_ticket);
            if (named->state != TicketState::waiting)
                return refuse(ErrorCode::bad_state, to_string(named->state));
            if (!window_serves(*w, *named)) return refuse(ErrorCode::not_for_window, named->number);
            Decision d = one(EventType::ticket_called, now, w->number, named->id);
            d.events[0].out_of_order = true;
            d.events[0].reason = cmd.reason;
            d.events[0].streak = w->priority_streak;
            return d;
        }
        case CommandType::resume: {
            if (auto e = not_ready(*w)) return refuse(*e);
            if (cur) return refuse(ErrorCode::window_busy, cur->number);
            if (!named) return refuse(ErrorCode::unknown_ticket);
            if (named->state != TicketState::parked)
                return refuse(ErrorCode::bad_state, to_string(named->state));
            if (named->window != w->number) return refuse(ErrorCode::not_your_ticket);
            return one(EventType::ticket_resumed, now, w->number, named->id);
        }
        default: break;
    }

    // The remaining commands act on the window's current ticket.
    if (!cur) return refuse(ErrorCode::window_idle);
    auto wrong_state = [&] { return refuse(ErrorCode::bad_state, to_string(cur->state)); };
    switch (cmd.type) {
        case CommandType::recall: {
            if (!state_is({TicketState::called})) return wrong_state();
            if (cur->recalls >= policy_->recall_limit) return refuse(ErrorCode::recall_limit);
            if (now - cur->last_called_at < int64_t(policy_->recall_cooldown_s) * 1000)
                return refuse(ErrorCode::recall_cooldown);
            return one(EventType::ticket_recalled, now, w->number, cur->id);
        }
        case CommandType::start:
            if (!state_is({TicketState::called})) return wrong_state();
            return one(EventType::ticket_started, now, w->number, cur->id);
        case CommandType::no_show:
            if (!state_is({TicketState::called})) return wrong_state();
            return one(EventType::ticket_no_show, now, w->number, cur->id);
        case CommandType::finish: {
            if (!state_is({TicketState::serving})) return wrong_state();
            for (const auto& i : cmd.items)
                if (!catalogue_->item(i)) return refuse(ErrorCode::unknown_item, i);
            std::string outcome = cmd.outcome.empty() ? "handled" : cmd.outcome;
            if (!known_outcome(outcome)) return refuse(ErrorCode::bad_field, "outcome");
            Decision d = one(EventType::ticket_finished, now, w->number, cur->id);
            d.events[0].clerk = w->clerk;
            d.events[0].items = cmd.items;
            d.events[0].outcome = outcome;
            return d;
        }
        case CommandType::park:
            if (!state_is({TicketState::called, TicketState::serving})) return wrong_state();
            {
                Decision d = one(EventType::ticket_parked, now, w->number, cur->id);
                d.events[0].note = cmd.note;
                return d;
            }
        case CommandType::transfer: {
            if (!state_is({TicketState::called, TicketState::serving})) return wrong_state();
            bool to_queue = !cmd.target_queue.empty(), to_window = cmd.target_window != 0;
            if (to_queue == to_window) return refuse(ErrorCode::bad_field, "target_queue or target_window");
            if (to_queue && !catalogue_->queue(cmd.target_queue))
                return refuse(ErrorCode::unknown_queue, cmd.target_queue);
            if (to_window && !window(cmd.target_window))
                return refuse(ErrorCode::unknown_window, std::to_string(cmd.target_window));
            if ((to_queue && cmd.target_queue == cur->queue && !cur->target_window) ||
                (to_window && cmd.target_window == w->number))
                return refuse(ErrorCode::same_target);
            Decision d = one(EventType::ticket_transferred, now, w->number, cur->id);
            d.events[0].queue = to_queue ? cmd.target_queue : cur->queue;
            d.events[0].target_window = cmd.target_window;
            d.events[0].note = cmd.note;
            return d;
        }
        default: return refuse(ErrorCode::internal, to_string(cmd.type));
    }
}

// 好差评: once per finished ticket, bound to the window and clerk that finished it.
Decision Hall::decide_rating(const Command& cmd, const Ticket* named, int64_t now) const {
    if (cmd.window && !window(cmd.window))
        return refuse(ErrorCode::unknown_window, std::to_string(cmd.window));
    if (!named) return refuse(ErrorCode::unknown_ticket);
    if (named->state != TicketState::done) return refuse(ErrorCode::bad_state, to_string(named->state));
    if (named->rating >= 0) return refuse(ErrorCode::already_rated, named->number);
    if (cmd.window && cmd.window != named->window) return refuse(ErrorCode::not_your_ticket);
    if (cmd.level < kNotRated || cmd.level > kHighestLevel) return refuse(ErrorCode::bad_field, "level");
    if (!cmd.reasons.empty() && !reasons_allowed(cmd.level)) return refuse(ErrorCode::bad_field, "reasons");
    std::set<std::string> seen;
    for (const auto& r : cmd.reasons)
        if (!rating_reason(r) || !seen.insert(r).second) return refuse(ErrorCode::bad_field, "reasons");
    if (!cmd.comment.empty() && cmd.level == kNotRated) return refuse(ErrorCode::bad_field, "comment");
    Decision d = one(EventType::ticket_rated, now, named->window, named->id);
    Event& e = d.events[0];
    e.clerk = named->clerk;
    e.item = !named->item.empty() ? named->item : named->items.empty() ? "" : named->items.front();
    e.level = cmd.level;
    e.reasons = cmd.reasons;
    e.comment = cmd.comment;
    return d;
}

}  // namespace hallq
