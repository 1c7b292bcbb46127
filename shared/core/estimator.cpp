// estimator.cpp - wait estimate: the calling policy replayed on mean service times.
#include "estimator.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
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
// the walk from the call to the start, and the share and length of no-shows (Hall::DayCalls).
struct Today {
    double walk_sum = 0, no_show_sum = 0;
    int started = 0, no_shows = 0;
    explicit Today(const Hall::DayCalls& c)
        : walk_sum(double(c.walk_ms) / 1000.0), no_show_sum(double(c.no_show_ms) / 1000.0),
          started(c.started), no_shows(c.no_shows) {}
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
    std::vector<Backlog*> lanes = {};  // the backlogs of its profile, in order (null: none waits)
    size_t mine_at = SIZE_MAX;         // the position of the estimated ticket's queue in it
    size_t first[2] = {0, 0};          // per tier, the lanes before it are empty for good
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

// What a window does next while every backlog tier keeps its emptiness: takes a ticket of `b`
// (of the priority tier or not), reaches the ticket being estimated, or drops out.
struct Choice {
    enum Kind { take, mine, none } kind = none;
    Backlog* b = nullptr;
    bool priority = false;
};

// Backlogs only shrink during a replay, so a lane found empty stays empty: each tier's scan starts
// where the last one found something.
Choice choose(Desk& d, bool mine_priority) {
    for (int tier = 0; tier < 2; ++tier) {
        bool priority_tier = tier == 0;
        for (size_t& i = d.first[tier]; i < d.lanes.size(); ++i) {
            Backlog* b = d.lanes[i];
            if (b && (priority_tier ? b->priority : b->normal) > 0) return {Choice::take, b, priority_tier};
            if (i == d.mine_at && priority_tier == mine_priority) return {Choice::mine, nullptr, false};
        }
    }
    return {};
}

// Calls a window free at `free_at` makes strictly before `limit`, one every `per` seconds.
int64_t calls_before(double free_at, double per, double limit) {
    if (free_at >= limit) return 0;
    auto n = int64_t((limit - free_at) / per) + 1;
    while (n > 0 && free_at + double(n - 1) * per >= limit) --n;
    while (free_at + double(n) * per < limit) ++n;
    return n;
}

// Long backlogs in one stride: while no tier runs empty, each window keeps taking from the same
// backlog, one call per mean time of that backlog, the earliest free window first. Every window
// is moved on by the calls it makes strictly before the first instant at which a tier could run
// empty or a window would reach the ticket; the step-by-step replay does the calls from there
// (ties included), so the order of calls is the one it would have made.
struct Group {  // the windows taking from one tier of one backlog
    int* left;
    double per;
};
struct Scratch {  // reused by every stride of one replay
    std::vector<Group> groups;
    std::vector<int> group_of;  // per window; -1 when it takes from none
};

void stride(std::vector<Desk>& desks, Scratch& s, bool mine_priority, const Today& today, double own_service) {
    s.groups.clear();
    s.group_of.assign(desks.size(), -1);
    double limit = kNever;
    int64_t calls = 0;
    for (size_t i = 0; i < desks.size(); ++i) {
        Desk& d = desks[i];
        if (d.free_at == kNever) continue;
        Choice c = choose(d, mine_priority);
        if (c.kind == Choice::mine) limit = std::min(limit, d.free_at);
        if (c.kind != Choice::take) continue;
        int* left = c.priority ? &c.b->priority : &c.b->normal;
        auto g = std::find_if(s.groups.begin(), s.groups.end(), [&](const Group& x) { return x.left == left; });
        if (g == s.groups.end()) {
            s.groups.push_back({left, today.per_call(c.b->service(own_service))});
            g = s.groups.end() - 1;
            calls += *left;
        }
        s.group_of[i] = int(g - s.groups.begin());
    }
    if (calls < 4 * int64_t(desks.size())) return;  // short: step by step is as quick
    for (size_t gi = 0; gi < s.groups.size(); ++gi) {
        const Group& g = s.groups[gi];
        if (!(g.per > 0)) return;
        // The latest instant before which fewer calls than the backlog holds are made, to within a
        // quarter of a call: m windows make at least `left` calls before the latest of them is free
        // plus left / m + 1 calls' time.
        double lo = kNever, hi = 0;
        int m = 0;
        for (size_t i = 0; i < desks.size(); ++i)
            if (s.group_of[i] == int(gi)) {
                lo = std::min(lo, desks[i].free_at);
                hi = std::max(hi, desks[i].free_at);
                ++m;
            }
        hi += (double(*g.left) / m + 1) * g.per;
        while (lo < limit && hi - lo > g.per / 4) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) break;
            int64_t n = 0;
            for (size_t i = 0; i < desks.size(); ++i)
                if (s.group_of[i] == int(gi)) n += calls_before(desks[i].free_at, g.per, mid);
            (n < *g.left ? lo : hi) = mid;
        }
        limit = std::min(limit, lo);
    }
    for (size_t i = 0; i < desks.size(); ++i) {
        if (s.group_of[i] < 0) continue;
        const Group& g = s.groups[size_t(s.group_of[i])];
        int64_t n = calls_before(desks[i].free_at, g.per, limit);
        *g.left -= int(n);
        desks[i].free_at += double(n) * g.per;
    }
}

// Replays "next" on mean times: the earliest free window takes, in profile order, a priority
// ticket, else a normal one; a window with nothing left to call drops out. Returns the seconds
// until a window takes the ticket, whose queue's backlog `mine` holds only the tickets ahead.
double replay(std::vector<Desk>& desks, std::map<std::string, Backlog>& queues, const Ticket& t,
              bool mine_priority, const Today& today, double own_service) {
    for (Desk& d : desks) {
        for (const auto& letter : d.w->profile) {
            auto it = queues.find(letter);
            if (letter == t.queue && d.mine_at == SIZE_MAX) d.mine_at = d.lanes.size();
            d.lanes.push_back(it == queues.end() ? nullptr : &it->second);
        }
    }
    Scratch scratch;
    while (true) {
        stride(desks, scratch, mine_priority, today, own_service);
        for (size_t step = 0; step <= desks.size(); ++step) {
            auto d = std::min_element(desks.begin(), desks.end(),
                                      [](const Desk& a, const Desk& b) { return a.free_at < b.free_at; });
            if (d == desks.end() || d->free_at == kNever) return kNever;
            Choice c = choose(*d, mine_priority);
            if (c.kind == Choice::mine) return d->free_at;
            if (c.kind == Choice::none) {
                d->free_at = kNever;
                continue;
            }
            --(c.priority ? c.b->priority : c.b->normal);
            d->free_at += today.per_call(c.b->service(own_service));
        }
    }
}

bool aged(const Ticket& t, const Policy& p, int64_t now) {
    return p.aging_minutes > 0 && t.issued_at + int64_t(p.aging_minutes) * 60000 <= now;
}

// A queue's untargeted waiting tickets as one backlog, from the hall's index: all of them, split
// into the calling policy's tiers at `now`.
Backlog whole(const Hall& hall, const std::string& queue, const Hall::Backlog& b, int64_t now) {
    const Policy& p = hall.policy();
    Backlog r;
    r.count = int(b.by_issue.size());
    for (const auto& [item, n] : b.items) r.service_sum += n * hall.service_seconds(item, queue);
    r.priority = b.green;  // green, then those due: aged (oldest first), or at their slot
    for (const auto& [issued, id] : b.by_issue) {
        const Ticket& o = *hall.ticket(id);
        if (!aged(o, p, now)) break;
        if (o.klass != TicketClass::green) ++r.priority;
    }
    for (int64_t id : b.slotted) {
        const Ticket& o = *hall.ticket(id);
        if (o.slot_at <= now && !aged(o, p, now)) ++r.priority;
    }
    r.normal = r.count - r.priority;
    return r;
}

// The tickets of `t`'s queue (not transferred) that would be called before it.
Backlog ahead_of(const Hall& hall, const Ticket& t, bool mine_priority, int64_t now) {
    auto it = hall.backlogs().find(t.queue);
    if (it == hall.backlogs().end()) return {};
    const Hall::Backlog& b = it->second;
    const Policy& p = hall.policy();
    std::pair<int64_t, int64_t> key{t.issued_at, t.id};
    if (t.id == 0) key = {std::numeric_limits<int64_t>::max(), 0};  // not issued yet: last
    Backlog mine;
    if (mine_priority) {  // the priority ones issued before it
        for (const auto& [k, id] : b.by_issue) {
            if (std::make_pair(k, id) >= key) break;
            const Ticket& o = *hall.ticket(id);
            if (is_priority(o, p, now)) mine.add(true, hall.service_seconds(o.item, o.queue));
        }
        return mine;
    }
    // Every priority one, and the normal ones issued before it: all but the normal ones after it.
    mine = whole(hall, t.queue, b, now);
    for (auto r = b.by_issue.rbegin(); r != b.by_issue.rend() && *r >= key; ++r) {
        const Ticket& o = *hall.ticket(r->second);
        if (o.id != t.id && is_priority(o, p, now)) continue;
        --mine.normal;  // t itself is normal too
        --mine.count;
        mine.service_sum -= hall.service_seconds(o.item, o.queue);
    }
    if (mine.count == 0) mine.service_sum = 0;
    return mine;
}
}  // namespace

WaitEstimate estimate_wait(const Hall& hall, const Ticket& t, int64_t now) {
    WaitEstimate e;
    const Policy& p = hall.policy();
    bool mine_priority = is_priority(t, p, now);
    Hall::DayCalls calls = hall.day_calls();
    if (const Ticket* stored = hall.ticket(t.id)) calls.count(*stored, -1);  // not itself
    Today today(calls);
    std::map<std::string, Backlog> queues;
    std::map<int, double> targeted;  // work transferred to a window, done before its profile
    Backlog mine;
    for (int64_t id : hall.waiting_targeted()) {
        const Ticket& o = *hall.ticket(id);
        if (id == t.id) continue;
        double service = hall.service_seconds(o.item, o.queue);
        if (!t.target_window) targeted[o.target_window] += service;
        else if (o.queue == t.queue && o.target_window == t.target_window) {
            bool other_priority = is_priority(o, p, now);
            bool before = other_priority != mine_priority ? other_priority
                          : o.issued_at != t.issued_at    ? o.issued_at < t.issued_at
                                                          : o.id < t.id;
            if (t.id == 0 && other_priority == mine_priority) before = true;  // not issued yet: last
            if (before) mine.add(other_priority, service);
        }
    }
    if (!t.target_window) {
        for (const auto& [letter, b] : hall.backlogs())
            if (letter != t.queue) queues[letter] = whole(hall, letter, b, now);
        mine = ahead_of(hall, t, mine_priority, now);
    }
    e.ahead = mine.count;
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
