// policy.cpp - priority tiers, profile order and the anti-starvation interleave.
#include "policy.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace hallq {

namespace {
struct Candidate {
    int64_t id;
    bool priority;
    std::tuple<int, int64_t, int64_t> key;  // lower is called first
};

int profile_rank(const WindowStatus& w, const Ticket& t) {
    if (t.target_window == w.number) return -1;
    auto it = std::find(w.profile.begin(), w.profile.end(), t.queue);
    return static_cast<int>(it - w.profile.begin());
}

Candidate rate(const WindowStatus& w, const Ticket& t, const Policy& p, int64_t now) {
    if (t.klass == TicketClass::green) return {t.id, true, {0, t.issued_at, t.id}};
    if (t.klass == TicketClass::reservation && t.slot_at > 0 && t.slot_at <= now)
        return {t.id, true, {1, t.slot_at, t.id}};
    int64_t aged = t.issued_at + int64_t(p.aging_minutes) * 60000;
    if (p.aging_minutes > 0 && aged <= now) return {t.id, true, {1, aged, t.id}};
    return {t.id, false, {profile_rank(w, t), t.issued_at, t.id}};
}

// Best priority and best normal candidate among those not yet taken, from the hall's index: the
// tickets transferred to the window, then each queue of its profile, whose backlog is in issue
// order — so its first green ticket is its best green one, its first aged one (aged tickets come
// first) its best aged one, and its first other one its best normal one; reservations due at their
// slot are few and all looked at. Only the first queue with a normal ticket can give the best one.
void best(const Hall& hall, const WindowStatus& w, int64_t now, const std::set<int64_t>& taken,
          std::optional<Candidate>& pri, std::optional<Candidate>& norm) {
    const Policy& p = hall.policy();
    auto consider = [&](const Ticket& t) {
        Candidate c = rate(w, t, p, now);
        auto& slot = c.priority ? pri : norm;
        if (!slot || c.key < slot->key) slot = c;
    };
    for (int64_t id : hall.waiting_targeted()) {
        const Ticket& t = *hall.ticket(id);
        if (t.target_window == w.number && !taken.count(id)) consider(t);
    }
    for (auto q = w.profile.begin(); q != w.profile.end(); ++q) {
        if (std::find(w.profile.begin(), q, *q) != q) continue;  // listed twice: ranked by the first
        auto it = hall.backlogs().find(*q);
        if (it == hall.backlogs().end()) continue;
        const Hall::Backlog& b = it->second;
        // Each kind is looked for until found; aged tickets, the oldest, come before the others.
        bool green_done = b.green == 0, aged_done = p.aging_minutes <= 0, normal_done = norm.has_value();
        for (int64_t id : b.slotted)
            if (!taken.count(id)) consider(*hall.ticket(id));
        for (const auto& [issued, id] : b.by_issue) {
            if (green_done && aged_done && normal_done) break;
            if (taken.count(id)) continue;
            const Ticket& t = *hall.ticket(id);
            if (t.klass == TicketClass::green) {
                if (!green_done) consider(t);
                green_done = true;
                continue;
            }
            if (t.klass == TicketClass::reservation && t.slot_at > 0) continue;  // looked at above
            if (p.aging_minutes > 0 && t.issued_at + int64_t(p.aging_minutes) * 60000 <= now) {
                if (!aged_done) consider(t);
                aged_done = true;
                continue;
            }
            aged_done = true;  // no aged one after a younger one
            if (!normal_done) consider(t);
            normal_done = true;
        }
    }
}

std::optional<CallChoice> pick(const Hall& hall, const WindowStatus& w, int64_t now, int streak,
                               const std::set<int64_t>& taken) {
    std::optional<Candidate> pri, norm;
    best(hall, w, now, taken, pri, norm);
    int limit = hall.policy().max_priority_streak;
    if (pri && (!norm || limit <= 0 || streak < limit))
        return CallChoice{pri->id, true, norm ? streak + 1 : streak};
    if (norm) return CallChoice{norm->id, false, 0};
    return std::nullopt;
}
}  // namespace

bool window_serves(const WindowStatus& w, const Ticket& t) {
    if (t.target_window) return t.target_window == w.number;
    return std::find(w.profile.begin(), w.profile.end(), t.queue) != w.profile.end();
}

bool is_priority(const Ticket& t, const Policy& p, int64_t now) {
    WindowStatus any;
    return rate(any, t, p, now).priority;
}

std::optional<CallChoice> choose_next(const Hall& hall, const WindowStatus& w, int64_t now) {
    return pick(hall, w, now, w.priority_streak, {});
}

std::vector<int64_t> call_order(const Hall& hall, const WindowStatus& w, int64_t now, size_t limit) {
    std::vector<int64_t> out;
    std::set<int64_t> taken;
    int streak = w.priority_streak;
    while (out.size() < limit) {
        auto c = pick(hall, w, now, streak, taken);
        if (!c) break;
        out.push_back(c->ticket);
        taken.insert(c->ticket);
        streak = c->streak_after;
    }
    return out;
}

}  // namespace hallq
