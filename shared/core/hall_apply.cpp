// hall_apply.cpp - Hall::apply: folds a committed event into the state. Never refuses.
#include <algorithm>
#include <set>

#include "hall.h"

namespace hallq {

Hall::Hall(HallState state) : s_(std::move(state)) {
    if (!s_.catalogue) s_.catalogue = std::make_shared<Catalogue>();
    if (!s_.policy) s_.policy = std::make_shared<Policy>();
    for (const auto& [id, t] : s_.tickets) {
        by_number_.emplace(t.number, id);
        if (!t.holder_key.empty()) by_holder_[t.holder_key].insert(id);
        index(t, +1);
    }
}

void Hall::DayCalls::count(const Ticket& t, int sign) {
    if (t.called_at && t.started_at >= t.called_at) {
        walk_ms += sign * (t.started_at - t.called_at);
        started += sign;
    } else if (t.state == TicketState::no_show && t.finished_at >= t.called_at) {
        no_show_ms += sign * (t.finished_at - t.called_at);
        no_shows += sign;
    }
}

void Hall::index(const Ticket& t, int sign) {
    calls_.count(t, sign);
    if (t.state == TicketState::done && (done_[t.queue] += sign) == 0) done_.erase(t.queue);
    if (t.state != TicketState::waiting) return;
    auto put = [sign](std::set<int64_t>& s, int64_t id) { sign > 0 ? void(s.insert(id)) : void(s.erase(id)); };
    put(waiting_, t.id);
    if (t.target_window) return put(targeted_, t.id);
    Backlog& b = backlogs_[t.queue];
    if (sign > 0) b.by_issue.emplace(t.issued_at, t.id);
    else b.by_issue.erase({t.issued_at, t.id});
    if ((b.items[t.item] += sign) == 0) b.items.erase(t.item);
    if (t.klass == TicketClass::green) b.green += sign;
    else if (t.klass == TicketClass::reservation && t.slot_at > 0) put(b.slotted, t.id);
    if (b.by_issue.empty()) backlogs_.erase(t.queue);
}

void Hall::clear_indexes() {
    by_number_.clear();
    by_holder_.clear();
    waiting_.clear();
    targeted_.clear();
    backlogs_.clear();
    done_.clear();
    calls_ = {};
}

void Hall::apply(const Event& e) {
    if (e.seq > s_.seq) s_.seq = e.seq;
    switch (e.type) {
        case EventType::hall_setup: {
            if (e.catalogue) s_.catalogue = e.catalogue;
            if (e.policy) s_.policy = e.policy;
            std::set<int> defined;
            for (const auto& def : s_.catalogue->windows) {
                defined.insert(def.number);
                auto& w = s_.windows[def.number];
                w.number = def.number;
                w.profile = def.profile;
            }
            for (auto it = s_.windows.begin(); it != s_.windows.end();)
                it = defined.count(it->first) ? std::next(it) : s_.windows.erase(it);
            return;
        }
        case EventType::day_rollover:
            s_.day = e.day;
            s_.counters.clear();
            s_.tickets.clear();
            clear_indexes();
            for (auto& [n, w] : s_.windows) {
                w.state = WindowState::closed;
                w.clerk.clear();
                w.current = 0;
                w.priority_streak = 0;
                w.served = 0;
                w.ratings = {};
            }
            return;
        case EventType::ticket_issued:
            if (!e.issued) return;
            if (const Ticket* before = ticket(e.issued->id)) {
                by_number_.erase(before->number);
                if (auto h = by_holder_.find(before->holder_key); h != by_holder_.end()) h->second.erase(before->id);
                index(*before, -1);
            }
            s_.tickets[e.issued->id] = *e.issued;
            by_number_.emplace(e.issued->number, e.issued->id);
            if (!e.issued->holder_key.empty()) by_holder_[e.issued->holder_key].insert(e.issued->id);
            index(*e.issued, +1);
            s_.counters[e.issued->queue] = e.issued->serial;
            if (e.issued->id >= s_.next_ticket_id) s_.next_ticket_id = e.issued->id + 1;
            return;
        default: break;
    }
    auto wit = s_.windows.find(e.window);
    WindowStatus* w = wit == s_.windows.end() ? nullptr : &wit->second;
    if (w) {
        switch (e.type) {
            case EventType::clerk_logged_in:
                w->clerk = e.clerk;
                w->device = e.device;
                return;
            case EventType::clerk_logged_out:
                w->clerk.clear();
                w->device.clear();
                w->state = WindowState::closed;
                return;
            case EventType::window_opened: w->state = WindowState::open; return;
            case EventType::window_paused: w->state = WindowState::paused; return;
            case EventType::window_closed: w->state = WindowState::closed; return;
            case EventType::profile_changed: w->profile = e.profile; return;
            default: break;
        }
    }
    auto tit = s_.tickets.find(e.ticket);
    if (tit == s_.tickets.end()) return;
    index(tit->second, -1);
    apply_ticket_event(e);
    index(tit->second, +1);
}

void Hall::apply_ticket_event(const Event& e) {
    auto tit = s_.tickets.find(e.ticket);
    if (tit == s_.tickets.end()) return;
    Ticket& t = tit->second;
    auto wit = s_.windows.find(e.window);
    WindowStatus* w = wit == s_.windows.end() ? nullptr : &wit->second;
    auto release = [&] {
        if (w && w->current == t.id) w->current = 0;
    };
    switch (e.type) {
        case EventType::ticket_cancelled:
            t.state = TicketState::cancelled;
            t.finished_at = e.at;
            return;
        case EventType::ticket_called:
            t.state = TicketState::called;
            t.window = e.window;
            if (!t.called_at) t.called_at = e.at;
            t.last_called_at = e.at;
            if (w) {
                w->current = t.id;
                w->priority_streak = e.streak;
            }
            return;
        case EventType::ticket_recalled:
            ++t.recalls;
            t.last_called_at = e.at;
            return;
        case EventType::ticket_started:
            t.state = TicketState::serving;
            t.started_at = e.at;
            if (w) t.clerk = w->clerk;
            return;
        case EventType::ticket_finished: {
            t.state = TicketState::done;
            t.finished_at = e.at;
            t.outcome = e.outcome;
            t.items = e.items;
            // The finishing clerk stays on the ticket, so a later logout does not lose it.
            if (!e.clerk.empty()) t.clerk = e.clerk;
            else if (w) t.clerk = w->clerk;
            release();
            if (w) ++w->served;
            std::string key = !t.item.empty() ? t.item : e.items.empty() ? "" : e.items.front();
            double seconds = double(e.at - t.started_at) / 1000.0;
            if (!key.empty() && t.started_at && seconds >= 0) {  // 0 ms too: clamped to mean / 4
                // One slip (Finish pressed at once, or left open over lunch) moves the mean only
                // as far as a quarter or four times the current value.
                double old = service_seconds(key, t.queue);
                double sample = std::clamp(seconds, old / 4, old * 4);
                s_.learned[key] = old + s_.policy->learning_rate * (sample - old);
            }
            return;
        }
        case EventType::ticket_no_show:
            t.state = TicketState::no_show;
            t.finished_at = e.at;
            release();
            return;
        case EventType::ticket_transferred:
            release();
            t.state = TicketState::waiting;
            t.queue = e.queue;
            t.target_window = e.target_window;
            t.window = 0;
            ++t.transfers;
            return;
        case EventType::ticket_parked:
            release();
            t.state = TicketState::parked;
            return;
        case EventType::ticket_resumed:
            t.state = TicketState::serving;
            if (!t.started_at) t.started_at = e.at;
            if (w) {
                w->current = t.id;
                t.clerk = w->clerk;
            }
            return;
        case EventType::ticket_rated:
            t.rating = e.level;
            if (w) w->ratings.count(e.level, s_.policy->rating_three_good);
            return;
        default: return;
    }
}

}  // namespace hallq
