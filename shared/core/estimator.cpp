// estimator.cpp - wait estimate: the calling policy replayed on mean service times.
#include "estimator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "policy.h"

namespace hallq {

double profile_share(size_t rank, size_t size) {
    double h = 0;
    for (size_t i = 1; i <= size; ++i) h += 1.0 / double(i);
    return size == 0 ? 0 : (1.0 / double(rank + 1)) / h;
}

namespace {
constexpr int kMinCalled = 20;  // called tickets today before their walks and no-shows count
constexpr double kNever = std::numeric_limits<double>::infinity();

// Waiting tickets of one queue as the replay sees them: the two tiers of the calling policy and
// their mean service time.
struct Backlog {
    int priority = 0, normal = 0;
    double service_sum = 0;
    int count = 0;
    void add(bool is_priority, double service) {
        ++(is_priority ? priority : normal);
        service_sum += service;
        ++count;
    }
    double service(double fallback) const { return count ? service_sum / count : fallback; }
};

// What today's called tickets show about a window's time per call beyond the service itself:
// the walk from the call to the start, and the share and length of no-shows.
struct Today {
    double walk_sum = 0, no_show_sum = 0;
    int started = 0, no_shows = 0;
    void count(const Ticket& o) {
        if (o.called_at && o.started_at >= o.called_at) {
            walk_sum += double(o.started_at - o.called_at) / 1000.0;
            ++started;
        } else if (o.state == TicketState::no_show && o.finished_at >= o.called_at) {
            no_show_sum += double(o.finished_at - o.called_at) / 1000.0;
            ++no_shows;
        }
    }
    // Expected seconds a window spends on a ticket of mean service `service`.
    double per_call(double service) const {
        int called = started + no_shows;
        if (called < kMinCalled) return service;
        double share = double(no_shows) / called;
        double walk = started ? walk_sum / started : 0;
        double gone = no_shows ? no_show_sum / no_shows : 0;
        return (1 - share) * (service + walk) + share * gone;
    }
};

struct Desk {
    const WindowStatus* w;
    double free_at;  // seconds from now
};

// Seconds until the window's current ticket is done: the mean service time less the time it has
// been served, but at least a quarter of the mean (it has run long and may run longer).
double remaining(const Hall& hall, const WindowStatus& w, int64_t now) {
    const Ticket* c = w.current ? hall.ticket(w.current) : nullptr;
    if (!c) return 0;
    double mean = hall.service_seconds(c->item, c->queue);
    if (c->state != TicketState::serving || !c->started_at) return mean;
    return std::max(mean - double(now - c->started_at) / 1000.0, mean / 4);
}

bool lists(const WindowStatus& w, const std::string& queue) {
    return std::find(w.profile.begin(), w.profile.end(), queue) != w.profile.end();
}

// Replays "next" on mean times: the earliest free window takes, in profile order, a priority
// ticket, else a normal one; a window with nothing left to call drops out. Returns the seconds
// until a window takes the ticket, whose queue's backlog `mine` holds only the tickets ahead.
double replay(std::vector<Desk>& desks, std::map<std::string, Backlog>& queues, const Ticket& t,
              bool mine_priority, const Today& today, double own_service) {
    while (true) {
        auto d = std::min_element(desks.begin(), desks.end(),
                                  [](const Desk& a, const Desk& b) { return a.free_at < b.free_at; });
        if (d == desks.end() || d->free_at == kNever) return kNever;
        Backlog* take = nullptr;
        bool take_priority = false;
        for (int tier = 0; tier < 2 && !take; ++tier) {
            bool priority_tier = tier == 0;
            for (const auto& letter : d->w->profile) {
                auto it = queues.find(letter);
                Backlog* b = it == queues.end() ? nullptr : &it->second;
                if (b && (priority_tier ? b->priority : b->normal) > 0) {
                    take = b;
                    take_priority = priority_tier;
                    break;
                }
                if (letter == t.queue && priority_tier == mine_priority) return d->free_at;
            }
        }
        if (!take) {
            d->free_at = kNever;
            continue;
        }
        --(take_priority ? take->priority : take->normal);
        d->free_at += today.per_call(take->service(own_service));
    }
}
}  // namespace

WaitEstimate estimate_wait(const Hall& hall, const Ticket& t, int64_t now) {
    WaitEstimate e;
    const Policy& p = hall.policy();
    bool mine_priority = is_priority(t, p, now);
    std::map<std::string, Backlog> queues;
    std::map<int, double> targeted;  // work transferred to a window, done before its profile
    Backlog mine;
    Today today;
    for (const auto& [id, o] : hall.tickets()) {
        if (id == t.id) continue;
        today.count(o);
        if (o.state != TicketState::waiting) continue;
        double service = hall.service_seconds(o.item, o.queue);
        bool other_priority = is_priority(o, p, now);
        if (o.queue != t.queue || o.target_window != t.target_window) {
            if (!o.target_window) queues[o.queue].add(other_priority, service);
            else if (!t.target_window) targeted[o.target_window] += service;
            continue;
        }
        bool before = other_priority != mine_priority ? other_priority
                      : o.issued_at != t.issued_at    ? o.issued_at < t.issued_at
                                                      : o.id < t.id;
        if (t.id == 0 && other_priority == mine_priority) before = true;  // not issued yet: last
        if (!before) continue;
        ++e.ahead;
        mine.add(other_priority, service);
    }
    e.service_seconds = hall.service_seconds(t.item, t.queue);
    double per_ticket = today.per_call(mine.service(e.service_seconds));

    if (t.target_window) {  // only that window calls it, before its profile
        const WindowStatus* w = hall.window(t.target_window);
        e.servers = 1;
        e.no_window_open = !w || w->state != WindowState::open;
        double first = e.no_window_open ? 0 : remaining(hall, *w, now);
        e.minutes = int(std::lround((first + e.ahead * per_ticket) / 60.0));
        return e;
    }

    // The windows that will call: the open ones, or before opening every window as if open.
    std::vector<Desk> desks;
    for (const auto& [n, w] : hall.windows())
        if (w.state == WindowState::open) desks.push_back({&w, remaining(hall, w, now) + targeted[n]});
    e.no_window_open = std::none_of(desks.begin(), desks.end(),
                                    [&](const Desk& d) { return lists(*d.w, t.queue); });
    if (e.no_window_open) {
        desks.clear();
        for (const auto& [n, w] : hall.windows()) desks.push_back({&w, targeted[n]});
    }
    int servers = int(std::count_if(desks.begin(), desks.end(),
                                    [&](const Desk& d) { return lists(*d.w, t.queue); }));
    double seconds = 0;
    if (servers == 0) {  // no window serves the queue at all
        servers = 1;
        seconds = (e.ahead + 0.5) * per_ticket;
    } else {
        queues[t.queue] = mine;
        seconds = replay(desks, queues, t, mine_priority, today, e.service_seconds);
    }
    e.servers = servers;
    e.minutes = int(std::lround(seconds / 60.0));
    return e;
}

}  // namespace hallq
