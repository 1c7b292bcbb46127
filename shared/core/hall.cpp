// hall.cpp - Hall::decide: every command checked against the state; refusals change nothing.
#include "hall.h"

#include <algorithm>
#include <set>

#include "estimator.h"
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
    auto it = tickets_.find(id);
    return it == tickets_.end() ? nullptr : &it->second;
}

const Ticket* Hall::ticket_by_number(const std::string& number) const {
    auto it = by_number_.find(number);
    return it == by_number_.end() ? nullptr : ticket(it->second);
}

const WindowStatus* Hall::window(int number) const {
    auto it = windows_.find(number);
    return it == windows_.end() ? nullptr : &it->second;
}

const Ticket* Hall::active_ticket(const std::string& holder_key, const std::string& item) const {
    if (holder_key.empty()) return nullptr;
    auto held = by_holder_.find(holder_key);
    if (held == by_holder_.end()) return nullptr;
    for (int64_t id : held->second) {
        const Ticket& t = tickets_.at(id);
        if (t.item != item) continue;
        if (t.state == TicketState::waiting || t.state == TicketState::called ||
            t.state == TicketState::serving || t.state == TicketState::parked)
            return &t;
    }
    return nullptr;
}

double Hall::service_seconds(const std::string& item, const std::string& queue) const {
    if (auto it = learned_.find(item); it != learned_.end()) return it->second;
    if (const ServiceItem* i = catalogue_->item(item)) return i->service_minutes * 60.0;
    double sum = 0;
    int n = 0;
    for (const auto& i : catalogue_->items) {
        if (i.queue != queue) continue;
        auto it = learned_.find(i.code);
        sum += it != learned_.end() ? it->second : i.service_minutes * 60.0;
        ++n;
    }
    return n ? sum / n : 600.0;
}

Decision Hall::decide(const Command& cmd, int64_t now) const {
    switch (cmd.type) {
        case CommandType::issue_ticket: return issue(cmd, now);
        case CommandType::rollover: {
            if (cmd.day.empty()) return refuse(ErrorCode::bad_field, "day");
            // Days only move forward (ISO dates compare as text): a clock stepped back, or a later
            // rollover time, must never reopen a day whose numbers were already given out.
            if (!day_.empty() && cmd.day <= day_) return refuse(ErrorCode::bad_state, "day " + cmd.day);
            Event e = event(EventType::day_rollover, now);
            e.day = cmd.day;
            return one(std::move(e));
        }
        case CommandType::clerk_login:
        case CommandType::clerk_logout:
        case CommandType::window_open:
        case CommandType::window_pause:
        case CommandType::window_close:
        case CommandType::set_profile: return decide_window_command(cmd, now);
        default: return decide_ticket_command(cmd, now);
    }
}

Decision Hall::issue(const Command& cmd, int64_t now) const {
    std::string letter = cmd.queue;
    if (!cmd.item.empty()) {
        const ServiceItem* item = catalogue_->item(cmd.item);
        if (!item) return refuse(ErrorCode::unknown_item, cmd.item);
        if (letter.empty()) letter = item->queue;
    }
    if (letter.empty()) return refuse(ErrorCode::bad_field, "queue or item");
    if (!catalogue_->queue(letter)) return refuse(ErrorCode::unknown_queue, letter);
    if (cmd.klass == TicketClass::reservation && cmd.reservation.empty())
        return refuse(ErrorCode::bad_field, "reservation");
    auto c = counters_.find(letter);
    int serial = (c == counters_.end() ? 0 : c->second) + 1;
    if (serial > policy_->max_serial) return refuse(ErrorCode::number_exhausted, letter);

    auto t = std::make_shared<Ticket>();
    t->id = next_ticket_id_;
    t->queue = letter;
    t->serial = serial;
    t->number = format_ticket_number(letter, serial);
    t->klass = cmd.klass;
    t->item = cmd.item;
    t->reservation = cmd.reservation;
    t->slot_at = cmd.klass == TicketClass::reservation ? cmd.slot_at : 0;
    t->holder = cmd.holder;
    t->holder_key = cmd.holder_key;
    t->issued_at = now;
    t->estimate_min = estimate_wait(*this, *t, now).minutes;
    Event e = event(EventType::ticket_issued, now, 0, t->id);
    e.issued = std::move(t);
    return one(std::move(e));
}

Decision Hall::decide_window_command(const Command& cmd, int64_t now) const {
    const WindowStatus* w = window(cmd.window);
    if (!w) return refuse(ErrorCode::unknown_window, std::to_string(cmd.window));
    switch (cmd.type) {
        case CommandType::clerk_login: {
            if (!catalogue_->clerk(cmd.clerk)) return refuse(ErrorCode::unknown_clerk, cmd.clerk);
            if (!w->clerk.empty() && w->clerk != cmd.clerk) return refuse(ErrorCode::window_taken);
            for (const auto& [n, o] : windows_)
                if (n != w->number && o.clerk == cmd.clerk)
                    return refuse(ErrorCode::clerk_elsewhere, std::to_string(n));
            if (w->clerk == cmd.clerk) return refuse(ErrorCode::window_state, "already logged in");
            Event e = event(EventType::clerk_logged_in, now, w->number);
            e.clerk = cmd.clerk;
            return one(std::move(e));
        }
        case CommandType::clerk_logout: {
            if (w->clerk.empty()) return refuse(ErrorCode::no_clerk);
            if (w->current) return refuse(ErrorCode::window_busy);
            Event e = event(EventType::clerk_logged_out, now, w->number);
            e.clerk = w->clerk;
            return one(std::move(e));
        }
        case CommandType::window_open:
            if (w->clerk.empty()) return refuse(ErrorCode::no_clerk);
            if (w->state == WindowState::open) return refuse(ErrorCode::window_state, "already open");
            return one(event(EventType::window_opened, now, w->number));
        case CommandType::window_pause:
            if (w->state == WindowState::paused) return refuse(ErrorCode::window_state, "already paused");
            if (w->state != WindowState::open) return refuse(ErrorCode::window_closed);
            if (w->current) return refuse(ErrorCode::window_busy);
            return one(event(EventType::window_paused, now, w->number));
        case CommandType::window_close:
            if (w->state == WindowState::closed) return refuse(ErrorCode::window_state, "already closed");
            if (w->current) return refuse(ErrorCode::window_busy);
            return one(event(EventType::window_closed, now, w->number));
        case CommandType::set_profile: {
            if (w->clerk.empty()) return refuse(ErrorCode::no_clerk);
            const Clerk* who = catalogue_->clerk(w->clerk);
            if (!who || !who->can_set_profile) return refuse(ErrorCode::not_allowed);
            if (cmd.profile.empty()) return refuse(ErrorCode::bad_field, "profile");
            std::set<std::string> seen;
            for (const auto& l : cmd.profile) {
                if (!catalogue_->queue(l)) return refuse(ErrorCode::unknown_queue, l);
                if (!seen.insert(l).second) return refuse(ErrorCode::bad_field, "duplicate " + l);
            }
            Event e = event(EventType::profile_changed, now, w->number);
            e.profile = cmd.profile;
            return one(std::move(e));
        }
        default: return refuse(ErrorCode::internal);
    }
}

}  // namespace hallq
