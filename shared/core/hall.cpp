// hall.cpp - Hall::decide: every command checked against the state; refusals change nothing.
// Here: the dispatch, issuing, the day's rollover, clerks and windows (the rest: hall_tickets.cpp).
#include "hall.h"

#include <algorithm>
#include <set>

#include "idnumber.h"
#include "policy.h"

namespace hallq {

namespace {
Decision refuse(ErrorCode code, std::string detail = {}) {
    Decision d;
    d.error = Error{code, std::move(detail)};
    return d;
}

Decision one(Event e) {
    Decision d;
    d.events.push_back(std::move(e));
    return d;
}

Decision unknown_window(int number) { return refuse(ErrorCode::unknown_window, std::to_string(number)); }

Event event(EventType type, int64_t now, int window = 0, int64_t ticket = 0) {
    Event e;
    e.type = type;
    e.at = now;
    e.window = window;
    e.ticket = ticket;
    return e;
}
}  // namespace

std::string format_ticket_number(const std::string& letter, int serial) {
    std::string digits = std::to_string(serial);
    if (digits.size() < 3) digits.insert(0, 3 - digits.size(), '0');
    return letter + digits;
}

Event Hall::setup(Catalogue catalogue, Policy policy, int64_t now) {
    Event e = event(EventType::hall_setup, now);
    e.catalogue = std::make_shared<const Catalogue>(std::move(catalogue));
    e.policy = std::make_shared<const Policy>(policy);
    return e;
}

const Ticket* Hall::ticket(int64_t id) const {
    auto it = s_.tickets.find(id);
    return it == s_.tickets.end() ? nullptr : &it->second;
}

const Ticket* Hall::ticket_by_number(const std::string& number) const {
    auto it = by_number_.find(number);
    return it == by_number_.end() ? nullptr : ticket(it->second);
}

const WindowStatus* Hall::window(int number) const {
    auto it = s_.windows.find(number);
    return it == s_.windows.end() ? nullptr : &it->second;
}

const Ticket* Hall::active_ticket(const std::string& holder_key, const std::string& item) const {
    if (holder_key.empty()) return nullptr;
    auto held = by_holder_.find(holder_key);
    if (held == by_holder_.end()) return nullptr;
    for (int64_t id : held->second) {
        const Ticket& t = s_.tickets.at(id);
        if (t.item != item) continue;
        if (t.state == TicketState::waiting || t.state == TicketState::called ||
            t.state == TicketState::serving || t.state == TicketState::parked)
            return &t;
    }
    return nullptr;
}

double Hall::service_seconds(const std::string& item, const std::string& queue) const {
    if (auto it = s_.learned.find(item); it != s_.learned.end()) return it->second;
    if (const ServiceItem* i = s_.catalogue->item(item)) return i->service_minutes * 60.0;
    double sum = 0;
    int n = 0;
    for (const auto& i : s_.catalogue->items) {
        if (i.queue != queue) continue;
        auto it = s_.learned.find(i.code);
        sum += it != s_.learned.end() ? it->second : i.service_minutes * 60.0;
        ++n;
    }
    return n ? sum / n : 600.0;
}

Decision Hall::decide(const Command& cmd, int64_t now, WaitEstimator estimate) const {
    return std::visit(
        [&](const auto& body) {
            if constexpr (std::is_same_v<std::decay_t<decltype(body)>, IssueTicket>)
                return decide_one(body, now, estimate);
            else
                return decide_one(body, now);
        },
        cmd);
}

const Ticket* Hall::find_ticket(const TicketRef& ref) const {
    if (ref.id) return ticket(ref.id);
    return ref.number.empty() ? nullptr : ticket_by_number(ref.number);
}

Decision Hall::decide_one(const Rollover& c, int64_t now) const {
    if (c.day.empty()) return refuse(ErrorCode::bad_field, "day");
    // Days only move forward (ISO dates compare as text): a clock stepped back, or a later
    // rollover time, must never reopen a day whose numbers were already given out.
    if (!s_.day.empty() && c.day <= s_.day) return refuse(ErrorCode::bad_state, "day " + c.day);
    Event e = event(EventType::day_rollover, now);
    e.day = c.day;
    return one(std::move(e));
}

Decision Hall::decide_one(const IssueTicket& c, int64_t now, WaitEstimator estimate) const {
    std::string letter = c.queue;
    if (!c.item.empty()) {
        const ServiceItem* item = s_.catalogue->item(c.item);
        if (!item) return refuse(ErrorCode::unknown_item, c.item);
        if (letter.empty()) letter = item->queue;
    }
    if (letter.empty()) return refuse(ErrorCode::bad_field, "queue or item");
    if (!s_.catalogue->queue(letter)) return refuse(ErrorCode::unknown_queue, letter);
    if (c.klass == TicketClass::reservation && c.reservation.empty())
        return refuse(ErrorCode::bad_field, "reservation");
    auto counter = s_.counters.find(letter);
    int serial = (counter == s_.counters.end() ? 0 : counter->second) + 1;
    if (serial > s_.policy->max_serial) return refuse(ErrorCode::number_exhausted, letter);

    auto t = std::make_shared<Ticket>();
    t->id = s_.next_ticket_id;
    t->queue = letter;
    t->serial = serial;
    t->number = format_ticket_number(letter, serial);
    t->klass = c.klass;
    t->item = c.item;
    t->reservation = c.reservation;
    t->slot_at = c.klass == TicketClass::reservation ? c.slot_at : 0;
    t->holder = c.holder;
    t->holder_key = c.holder_key;
    t->issued_at = now;
    t->estimate_min = estimate ? estimate(*this, *t, now) : 0;
    Event e = event(EventType::ticket_issued, now, 0, t->id);
    e.issued = std::move(t);
    return one(std::move(e));
}

Decision Hall::decide_one(const ClerkLogin& c, int64_t now) const {
    const WindowStatus* w = window(c.window);
    if (!w) return unknown_window(c.window);
    if (!s_.catalogue->clerk(c.clerk)) return refuse(ErrorCode::unknown_clerk, c.clerk);
    if (!w->clerk.empty() && w->clerk != c.clerk) return refuse(ErrorCode::window_taken);
    for (const auto& [n, o] : s_.windows)
        if (n != w->number && o.clerk == c.clerk) return refuse(ErrorCode::clerk_elsewhere, std::to_string(n));
    // The same clerk again from another desk moves their session there (after the password).
    if (w->clerk == c.clerk && w->device == c.device) return refuse(ErrorCode::window_state, "already logged in");
    Event e = event(EventType::clerk_logged_in, now, w->number);
    e.clerk = c.clerk;
    e.device = c.device;
    return one(std::move(e));
}

Decision Hall::decide_one(const ClerkLogout& c, int64_t now) const {
    const WindowStatus* w = window(c.window);
    if (!w) return unknown_window(c.window);
    if (w->clerk.empty()) return refuse(ErrorCode::no_clerk);
    if (w->current) return refuse(ErrorCode::window_busy);
    Event e = event(EventType::clerk_logged_out, now, w->number);
    e.clerk = w->clerk;
    return one(std::move(e));
}

Decision Hall::decide_one(const WindowOpen& c, int64_t now) const {
    const WindowStatus* w = window(c.window);
    if (!w) return unknown_window(c.window);
    if (w->clerk.empty()) return refuse(ErrorCode::no_clerk);
    if (w->state == WindowState::open) return refuse(ErrorCode::window_state, "already open");
    return one(event(EventType::window_opened, now, w->number));
}

Decision Hall::decide_one(const WindowPause& c, int64_t now) const {
    const WindowStatus* w = window(c.window);
    if (!w) return unknown_window(c.window);
    if (w->state == WindowState::paused) return refuse(ErrorCode::window_state, "already paused");
    if (w->state != WindowState::open) return refuse(ErrorCode::window_closed);
    if (w->current) return refuse(ErrorCode::window_busy);
    return one(event(EventType::window_paused, now, w->number));
}

Decision Hall::decide_one(const WindowClose& c, int64_t now) const {
    const WindowStatus* w = window(c.window);
    if (!w) return unknown_window(c.window);
    if (w->state == WindowState::closed) return refuse(ErrorCode::window_state, "already closed");
    if (w->current) return refuse(ErrorCode::window_busy);
    return one(event(EventType::window_closed, now, w->number));
}

Decision Hall::decide_one(const SetProfile& c, int64_t now) const {
    const WindowStatus* w = window(c.window);
    if (!w) return unknown_window(c.window);
    if (w->clerk.empty()) return refuse(ErrorCode::no_clerk);
    const Clerk* who = s_.catalogue->clerk(w->clerk);
    if (!who || !who->can_set_profile) return refuse(ErrorCode::not_allowed);
    if (c.profile.empty()) return refuse(ErrorCode::bad_field, "profile");
    std::set<std::string> seen;
    for (const auto& l : c.profile) {
        if (!s_.catalogue->queue(l)) return refuse(ErrorCode::unknown_queue, l);
        if (!seen.insert(l).second) return refuse(ErrorCode::bad_field, "duplicate " + l);
    }
    Event e = event(EventType::profile_changed, now, w->number);
    e.profile = c.profile;
    return one(std::move(e));
}

}  // namespace hallq
