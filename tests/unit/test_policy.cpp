// test_policy.cpp - the calling policy: priority tiers, profile order, interleaving and fairness.
#include <random>

#include "core/policy.h"
#include "hall_fixture.h"

using namespace hallq;
using namespace hallq::test;

namespace {
constexpr int64_t kMin = 60'000;

int64_t issue_at(Hall& h, const std::string& q, int64_t at, TicketClass k = TicketClass::normal,
                 int64_t slot = 0) {
    IssueTicket c = issue(q, k);
    c.slot_at = slot;
    return run(h, c, at).front().issued->id;
}

// Calls next at `window`, finishes the ticket at once, and returns its number.
std::string serve_next(Hall& h, int window, int64_t now) {
    auto called = run(h, CallNext{.window = window}, now);
    std::string number = h.ticket(called.front().ticket)->number;
    run(h, Start{.window = window}, now);
    run(h, Finish{.window = window}, now);
    return number;
}

std::vector<std::string> numbers(const Hall& h, const std::vector<int64_t>& ids) {
    std::vector<std::string> out;
    for (int64_t id : ids) out.push_back(h.ticket(id)->number);
    return out;
}
}  // namespace

TEST_CASE("policy: green channel first, in issue order across the window's queues") {
    Hall h = open_hall({1});
    issue_at(h, "A", kMorning);                            // A001
    issue_at(h, "B", kMorning + kMin, TicketClass::green);  // B001
    issue_at(h, "A", kMorning + 2 * kMin, TicketClass::green);  // A002
    int64_t now = kMorning + 3 * kMin;
    CHECK(numbers(h, call_order(h, *h.window(1), now, 10)) == std::vector<std::string>{"B001", "A002", "A001"});
    CHECK(serve_next(h, 1, now) == "B001");
    CHECK(serve_next(h, 1, now) == "A002");
    CHECK(serve_next(h, 1, now) == "A001");
}

TEST_CASE("policy: a checked-in reservation is due at its slot time, not before") {
    Policy p;
    p.aging_minutes = 0;
    Hall h = open_hall({1}, p);
    issue_at(h, "A", kMorning);  // A001, normal
    issue_at(h, "A", kMorning + kMin, TicketClass::reservation, kMorning + 10 * kMin);  // A002
    issue_at(h, "A", kMorning + 2 * kMin);  // A003
    // Before the slot the reservation waits like a normal ticket, by issue time.
    CHECK(numbers(h, call_order(h, *h.window(1), kMorning + 5 * kMin, 3)) ==
          std::vector<std::string>{"A001", "A002", "A003"});
    // From the slot it goes ahead of tickets issued before it.
    CHECK(serve_next(h, 1, kMorning + 10 * kMin) == "A002");
    CHECK(serve_next(h, 1, kMorning + 10 * kMin) == "A001");
}

TEST_CASE("policy: normal tickets follow the window's profile, then issue time") {
    Policy p;
    p.aging_minutes = 0;
    Hall h = open_hall({1, 2}, p);
    issue_at(h, "A", kMorning);
    issue_at(h, "B", kMorning + kMin);
    issue_at(h, "A", kMorning + 2 * kMin);
    int64_t now = kMorning + 3 * kMin;
    CHECK(numbers(h, call_order(h, *h.window(1), now, 5)) == std::vector<std::string>{"A001", "A002", "B001"});
    CHECK(numbers(h, call_order(h, *h.window(2), now, 5)) == std::vector<std::string>{"B001", "A001", "A002"});
    CHECK(serve_next(h, 2, now) == "B001");
}

TEST_CASE("policy: aging makes a long-waiting normal ticket due") {
    Policy p;
    p.aging_minutes = 30;
    Hall h = open_hall({2}, p);  // profile B, A
    issue_at(h, "A", kMorning);
    issue_at(h, "B", kMorning + 20 * kMin);
    CHECK(numbers(h, call_order(h, *h.window(2), kMorning + 29 * kMin, 1)) == std::vector<std::string>{"B001"});
    CHECK(serve_next(h, 2, kMorning + 30 * kMin) == "A001");
}

TEST_CASE("policy: at most N priority calls in a row while a normal ticket waits") {
    Policy p;
    p.max_priority_streak = 2;
    p.aging_minutes = 0;
    Hall h = open_hall({1}, p);
    issue_at(h, "A", kMorning);  // A001 normal
    for (int i = 1; i <= 5; ++i) issue_at(h, "A", kMorning + i * kMin, TicketClass::green);
    int64_t now = kMorning + 10 * kMin;
    std::vector<std::string> expected = {"A002", "A003", "A001", "A004", "A005", "A006"};
    CHECK(numbers(h, call_order(h, *h.window(1), now, 10)) == expected);
    std::vector<std::string> served;
    for (size_t i = 0; i < expected.size(); ++i) served.push_back(serve_next(h, 1, now));
    CHECK(served == expected);
    CHECK(refused(h, CallNext{.window = 1}, now) == ErrorCode::queue_empty);

    SECTION("no limit: priority always first") {
        p.max_priority_streak = 0;
        Hall u = open_hall({1}, p);
        issue_at(u, "A", kMorning);
        for (int i = 1; i <= 5; ++i) issue_at(u, "A", kMorning + i * kMin, TicketClass::green);
        CHECK(numbers(u, call_order(u, *u.window(1), now, 10)).back() == "A001");
    }
}

TEST_CASE("policy: a ticket transferred to a queue keeps its original issue time") {
    Policy p;
    p.aging_minutes = 0;
    Hall h = open_hall({1, 3}, p);
    int64_t a = issue_at(h, "A", kMorning);
    issue_at(h, "B", kMorning + kMin);
    issue_at(h, "B", kMorning + 2 * kMin);

    run(h, CallNext{.window = 1}, kMorning + 3 * kMin);
    run(h, Transfer{.window = 1, .target_queue = "B"}, kMorning + 4 * kMin);
    CHECK(h.ticket(a)->queue == "B");
    CHECK(numbers(h, call_order(h, *h.window(3), kMorning + 5 * kMin, 5)) ==
          std::vector<std::string>{"A001", "B001", "B002"});
}

TEST_CASE("policy: a ticket transferred to a window is called there first and nowhere else") {
    Policy p;
    p.aging_minutes = 0;
    Hall h = open_hall({1, 3}, p);
    issue_at(h, "B", kMorning);       // B001, window 3's own queue, older
    int64_t a = issue_at(h, "A", kMorning + kMin);
    issue_at(h, "A", kMorning + 2 * kMin);  // A002
    run(h, CallNext{.window = 1}, kMorning + 3 * kMin);
    REQUIRE(h.window(1)->current == a);
    run(h, Transfer{.window = 1, .target_window = 3}, kMorning + 4 * kMin);
    CHECK(numbers(h, call_order(h, *h.window(1), kMorning + 5 * kMin, 5)) == std::vector<std::string>{"A002", "B001"});
    CHECK(numbers(h, call_order(h, *h.window(3), kMorning + 5 * kMin, 5)) == std::vector<std::string>{"A001", "B001"});
}

// Random halls: arrivals of every class, windows calling at random. Checked against the rules
// independently of the policy's own bookkeeping.
TEST_CASE("policy: fairness properties hold on random halls") {
    for (int aging : {0, 20}) {
        for (unsigned seed = 1; seed <= 40; ++seed) {
            INFO("seed " << seed << " aging " << aging);
            Policy p;
            p.max_priority_streak = 1 + int(seed % 3);
            p.aging_minutes = aging;
            Hall h = open_hall({1, 2, 3}, p);
            std::mt19937 rng(seed);
            std::uniform_int_distribution<int> what(0, 9), win(1, 3), queue(0, 1);
            std::map<int, int> streak;  // our own count of priority calls in a row per window
            int64_t now = kMorning;
            int issued = 0;
            for (int step = 0; step < 400; ++step) {
                now += 20'000;
                int r = what(rng);
                if (step < 300 && r < 5) {
                    TicketClass k = r == 0 ? TicketClass::green : r == 1 ? TicketClass::reservation : TicketClass::normal;
                    int64_t slot = now + (int64_t(rng() % 20) - 5) * kMin;
                    issue_at(h, queue(rng) ? "B" : "A", now, k, slot);
                    ++issued;
                    continue;
                }
                int w = win(rng);
                const WindowStatus& ws = *h.window(w);
                std::vector<int64_t> order = call_order(h, ws, now, 3);
                bool normal_waiting = false;
                for (const auto& [id, t] : h.tickets())
                    if (t.state == TicketState::waiting && window_serves(ws, t) && !is_priority(t, p, now))
                        normal_waiting = true;
                Decision d = h.decide(CallNext{.window = w}, now);
                if (!d.ok()) {
                    CHECK(order.empty());
                    continue;
                }
                const Ticket& chosen = *h.ticket(d.events.front().ticket);
                REQUIRE(order.front() == chosen.id);  // call_order agrees with "next"
                bool pri = is_priority(chosen, p, now);
                if (pri && normal_waiting) ++streak[w];
                if (!pri) streak[w] = 0;
                CHECK(streak[w] <= p.max_priority_streak);
                // Within the chosen tier, nobody the window serves was there first.
                for (const auto& [id, t] : h.tickets()) {
                    if (t.state != TicketState::waiting || !window_serves(ws, t) || id == chosen.id) continue;
                    if (is_priority(t, p, now) != pri) continue;
                    if (chosen.klass == TicketClass::green && pri) {
                        if (t.klass == TicketClass::green) CHECK(t.issued_at >= chosen.issued_at);
                    } else if (!pri && t.queue == chosen.queue) {
                        CHECK(t.issued_at >= chosen.issued_at);
                    }
                }
                for (Event& e : d.events) {
                    e.seq = h.seq() + 1;
                    h.apply(e);
                }
                run(h, Start{.window = w}, now);
                run(h, Finish{.window = w}, now);
            }
            // No starvation: once arrivals stop, every ticket is eventually served.
            for (int w = 1; w <= 3; ++w)
                while (h.decide(CallNext{.window = w}, now).ok()) serve_next(h, w, now += 1000);
            int done = 0;
            for (const auto& [id, t] : h.tickets()) done += t.state == TicketState::done;
            CHECK(done == issued);
        }
    }
}

TEST_CASE("policy: the same commands give the same hall") {
    auto play = [] {
        Hall h = open_hall({1, 2, 3});
        std::mt19937 rng(7);
        int64_t now = kMorning;
        for (int i = 0; i < 60; ++i) {
            now += 30'000;
            issue_at(h, i % 3 ? "A" : "B", now, i % 5 == 0 ? TicketClass::green : TicketClass::normal);
            int w = 1 + int(rng() % 3);
            if (h.decide(CallNext{.window = w}, now).ok()) serve_next(h, w, now);
        }
        return snapshot_json(h).dump();
    };
    CHECK(play() == play());
}
