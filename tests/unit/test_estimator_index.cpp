// test_estimator_index.cpp - the wait estimate and the calling order read the hall's indexes of
// waiting tickets; over random hall days they must give what a pass over every ticket of the day,
// call by call, gives (the reference below), and a hall restored from a snapshot the same.
#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <set>
#include <tuple>

#include "core/estimator.h"
#include "core/policy.h"
#include "hall_fixture.h"

using namespace hallq;
using namespace hallq::test;

namespace {
constexpr int64_t kMin = 60'000;
constexpr double kNever = std::numeric_limits<double>::infinity();

struct RefBacklog {
    int priority = 0, normal = 0, count = 0;
    double sum = 0;
    void add(bool p, double s) {
        ++(p ? priority : normal);
        sum += s;
        ++count;
    }
    double service(double fallback) const { return count ? sum / count : fallback; }
};

// The estimate over every ticket of the day, one replayed call at a time; `minutes_exact` is the
// wait before rounding.
double minutes_exact = 0;
WaitEstimate reference(const Hall& hall, const Ticket& t, int64_t now) {
    WaitEstimate e;
    const Policy& p = hall.policy();
    bool mine_p = is_priority(t, p, now);
    std::map<std::string, RefBacklog> queues;
    std::map<int, double> targeted;
    RefBacklog mine;
    double walk = 0, gone = 0;
    int started = 0, no_shows = 0;
    for (const auto& [id, o] : hall.tickets()) {
        if (id == t.id) continue;
        if (o.called_at && o.started_at >= o.called_at) walk += double(o.started_at - o.called_at) / 1000, ++started;
        else if (o.state == TicketState::no_show && o.finished_at >= o.called_at)
            gone += double(o.finished_at - o.called_at) / 1000, ++no_shows;
        if (o.state != TicketState::waiting) continue;
        double s = hall.service_seconds(o.item, o.queue);
        bool op = is_priority(o, p, now);
        if (o.queue != t.queue || o.target_window != t.target_window) {
            if (!o.target_window) queues[o.queue].add(op, s);
            else if (!t.target_window) targeted[o.target_window] += s;
            continue;
        }
        bool before = op != mine_p ? op : o.issued_at != t.issued_at ? o.issued_at < t.issued_at : o.id < t.id;
        if (t.id == 0 && op == mine_p) before = true;
        if (before) ++e.ahead, mine.add(op, s);
    }
    auto per_call = [&](double s) {
        int called = started + no_shows;
        if (called < 20) return s;
        double share = double(no_shows) / called;
        return (1 - share) * (s + (started ? walk / started : 0)) + share * (no_shows ? gone / no_shows : 0);
    };
    auto remaining = [&](const WindowStatus& w) {
        const Ticket* c = w.current ? hall.ticket(w.current) : nullptr;
        if (!c) return 0.0;
        double mean = hall.service_seconds(c->item, c->queue);
        if (c->state != TicketState::serving || !c->started_at) return mean;
        return std::max(mean - double(now - c->started_at) / 1000.0, mean / 4);
    };
    auto lists = [&](const WindowStatus& w) {
        return std::find(w.profile.begin(), w.profile.end(), t.queue) != w.profile.end();
    };
    e.service_seconds = hall.service_seconds(t.item, t.queue);
    double per_ticket = per_call(mine.service(e.service_seconds));
    if (t.target_window) {
        const WindowStatus* w = hall.window(t.target_window);
        e.servers = 1;
        e.no_window_open = !w || w->state != WindowState::open;
        minutes_exact = ((e.no_window_open ? 0 : remaining(*w)) + e.ahead * per_ticket) / 60.0;
        e.minutes = int(std::lround(minutes_exact));
        return e;
    }
    std::vector<std::pair<const WindowStatus*, double>> desks;
    for (const auto& [n, w] : hall.windows())
        if (w.state == WindowState::open) desks.push_back({&w, remaining(w) + targeted[n]});
    e.no_window_open = std::none_of(desks.begin(), desks.end(), [&](auto& d) { return lists(*d.first); });
    if (e.no_window_open) {
        desks.clear();
        for (const auto& [n, w] : hall.windows()) desks.push_back({&w, targeted[n]});
    }
    int servers = int(std::count_if(desks.begin(), desks.end(), [&](auto& d) { return lists(*d.first); }));
    double seconds = 0;
    if (servers == 0) {
        servers = 1;
        seconds = (e.ahead + 0.5) * per_ticket;
    } else {
        queues[t.queue] = mine;
        for (bool done = false; !done;) {
            auto d = std::min_element(desks.begin(), desks.end(), [](auto& a, auto& b) { return a.second < b.second; });
            if (d == desks.end() || d->second == kNever) {
                seconds = kNever;
                break;
            }
            RefBacklog* take = nullptr;
            bool take_p = false;
            for (int tier = 0; tier < 2 && !take && !done; ++tier)
                for (const auto& l : d->first->profile) {
                    auto it = queues.find(l);
                    if (it != queues.end() && (tier == 0 ? it->second.priority : it->second.normal) > 0) {
                        take = &it->second;
                        take_p = tier == 0;
                        break;
                    }
                    if (l == t.queue && (tier == 0) == mine_p) {
                        seconds = d->second;
                        done = true;
                        break;
                    }
                }
            if (done) break;
            if (!take) {
                d->second = kNever;
                continue;
            }
            --(take_p ? take->priority : take->normal);
            d->second += per_call(take->service(e.service_seconds));
        }
    }
    e.servers = servers;
    minutes_exact = seconds / 60.0;
    e.minutes = int(std::lround(minutes_exact));
    return e;
}

// `b` from reference(). The replay in strides adds the same times in another order, so a wait of
// exactly n + ½ minutes may round either way; any other difference is a fault.
// The calling order over every ticket of the day: each "next" the best of all waiting tickets.
std::vector<int64_t> reference_order(const Hall& h, const WindowStatus& w, int64_t now, size_t limit) {
    using Key = std::tuple<int, int64_t, int64_t>;
    const Policy& p = h.policy();
    std::vector<int64_t> out;
    std::set<int64_t> taken;
    int streak = w.priority_streak;
    while (out.size() < limit) {
        std::optional<std::pair<Key, int64_t>> pri, norm;
        for (const auto& [id, t] : h.tickets()) {
            if (t.state != TicketState::waiting || !window_serves(w, t) || taken.count(id)) continue;
            int64_t aged = t.issued_at + int64_t(p.aging_minutes) * 60000;
            bool is_pri = true;
            Key k;
            if (t.klass == TicketClass::green) k = {0, t.issued_at, id};
            else if (t.klass == TicketClass::reservation && t.slot_at > 0 && t.slot_at <= now) k = {1, t.slot_at, id};
            else if (p.aging_minutes > 0 && aged <= now) k = {1, aged, id};
            else {
                is_pri = false;
                int rank = t.target_window == w.number ? -1
                           : int(std::find(w.profile.begin(), w.profile.end(), t.queue) - w.profile.begin());
                k = {rank, t.issued_at, id};
            }
            auto& slot = is_pri ? pri : norm;
            if (!slot || k < slot->first) slot = std::make_pair(k, id);
        }
        int lim = p.max_priority_streak;
        if (pri && (!norm || lim <= 0 || streak < lim)) {
            out.push_back(pri->second);
            if (norm) ++streak;
        } else if (norm) {
            out.push_back(norm->second);
            streak = 0;
        } else break;
        taken.insert(out.back());
    }
    return out;
}

void same(const WaitEstimate& a, const WaitEstimate& b) {
    bool on_half = std::abs(minutes_exact - std::floor(minutes_exact) - 0.5) < 1e-9 * (1 + minutes_exact);
    if (on_half && std::abs(a.minutes - b.minutes) == 1) SUCCEED("rounded the other way at n + 1/2 minutes");
    else CHECK(a.minutes == b.minutes);
    CHECK(a.ahead == b.ahead);
    CHECK(a.servers == Approx(b.servers));
    CHECK(a.service_seconds == Approx(b.service_seconds));
    CHECK(a.no_window_open == b.no_window_open);
}

// Every waiting ticket and a ticket of each queue and class about to be issued.
void check_all(const Hall& h, int64_t now) {
    for (int64_t id : h.waiting()) {
        INFO("waiting ticket " << id);
        WaitEstimate ref = reference(h, *h.ticket(id), now);
        same(estimate_wait(h, *h.ticket(id), now), ref);
    }
    for (const char* q : {"A", "B", "C"})
        for (TicketClass k : {TicketClass::normal, TicketClass::green}) {
            Ticket t;
            t.id = h.next_ticket_id();
            t.queue = q;
            t.klass = k;
            t.issued_at = now;
            INFO("new ticket of " << q);
            WaitEstimate ref = reference(h, t, now);
            same(estimate_wait(h, t, now), ref);
        }
}

// A random day: many tickets of every class and item, windows opening and pausing, calls, no-shows,
// finishes (so means are learned), transfers and cancellations, the clock moving past the aging.
void random_day(unsigned seed, int tickets_per_round) {
    std::mt19937 rng(seed);
    Policy p;
    p.aging_minutes = 20;
    Hall h = open_hall({}, p);
    int64_t now = kMorning;
    const char* items[] = {"T-SJ-001", "T-SJ-002", "T-RS-001", "T-RS-002", ""};
    const char* queue_of[] = {"A", "A", "B", "C", "B"};
    for (int round = 0; round < 12; ++round) {
        for (int i = 0; i < tickets_per_round; ++i) {
            int k = int(rng() % 5);
            IssueTicket c = issue(queue_of[k], rng() % 10 == 0 ? TicketClass::green : rng() % 10 == 0 ? TicketClass::reservation : TicketClass::normal);
            c.item = items[k];
            if (c.klass == TicketClass::reservation) c.slot_at = now + int64_t(rng() % 40) * kMin;
            run(h, c, now += 1000);
        }
        for (int w = 1; w <= 4; ++w) {
            ClerkLogin login{.window = w, .clerk = "c0" + std::to_string(w)};
            for (CommandType t : {CommandType::clerk_login, CommandType::window_open, CommandType::call_next,
                                  CommandType::start, CommandType::finish, CommandType::call_next,
                                  CommandType::no_show, CommandType::call_next, CommandType::transfer,
                                  CommandType::call_next, CommandType::start}) {
                if (rng() % 4 == 0) continue;
                Command x = t == CommandType::clerk_login ? Command(login) : cmd(t, w);
                if (auto* finish = std::get_if<Finish>(&x)) finish->outcome = "handled";
                if (auto* transfer = std::get_if<Transfer>(&x)) {
                    if (rng() % 2) transfer->target_window = 1 + int(rng() % 4);
                    else transfer->target_queue = "B";
                }
                if (h.decide(x, now).ok()) run(h, x, now += int64_t(rng() % 300) * 1000);
            }
        }
        if (rng() % 3 == 0 && !h.waiting().empty()) {
            run(h, CancelTicket{.ticket = {.id = *h.waiting().begin()}}, now);
        }
        now += int64_t(rng() % 8) * kMin;
        check_all(h, now);
        Hall restored = hall_from_snapshot(snapshot_json(h));
        CHECK(restored.waiting() == h.waiting());
        CHECK(restored.waiting_targeted() == h.waiting_targeted());
        REQUIRE(restored.backlogs().size() == h.backlogs().size());
        for (const auto& [q, b] : h.backlogs()) {
            const Hall::Backlog& r = restored.backlogs().at(q);
            CHECK(r.by_issue == b.by_issue);
            CHECK(r.items == b.items);
            CHECK(r.green == b.green);
            CHECK(r.slotted == b.slotted);
        }
        CHECK(restored.day_calls().walk_ms == h.day_calls().walk_ms);
        CHECK(restored.day_calls().started == h.day_calls().started);
        CHECK(restored.day_calls().no_shows == h.day_calls().no_shows);
        std::map<std::string, int> done;  // the tickets finished today, per queue, from every ticket
        for (const auto& [id, t] : h.tickets())
            if (t.state == TicketState::done) ++done[t.queue];
        CHECK(h.done_by_queue() == done);
        CHECK(restored.done_by_queue() == done);
        for (const auto& [n, w] : h.windows()) {
            CHECK(call_order(h, w, now, 500) == reference_order(h, w, now, 500));
            CHECK(call_order(restored, w, now, 500) == call_order(h, w, now, 500));
        }
    }
}
}  // namespace

TEST_CASE("estimator: the indexes give the estimate of a pass over the whole day") {
    for (unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
        INFO("seed " << seed);
        random_day(seed, 6);
    }
}

TEST_CASE("estimator: long backlogs, replayed in strides, give the call-by-call estimate") {
    for (unsigned seed : {11u, 12u}) {
        INFO("seed " << seed);
        random_day(seed, 90);
    }
}

TEST_CASE("estimator: a long queue with no window open is served by every window in turn") {
    Policy p;
    p.aging_minutes = 0;
    Hall h = open_hall({}, p);
    for (int i = 0; i < 400; ++i) run(h, issue("B"), kMorning + i);  // T-RS-001: 6 min each, no item
    Ticket t;
    t.id = h.next_ticket_id();
    t.queue = "B";
    t.issued_at = kMorning + 1000;
    WaitEstimate ref = reference(h, t, kMorning + 1000);
    WaitEstimate e = estimate_wait(h, t, kMorning + 1000);
    same(e, ref);
    CHECK(e.ahead == 400);
    CHECK(e.no_window_open);
}
