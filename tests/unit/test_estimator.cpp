// test_estimator.cpp - the wait estimate: the calling policy replayed on mean times, learned times.
#include "core/estimator.h"
#include "hall_fixture.h"

using namespace hallq;
using namespace hallq::test;

namespace {
constexpr int64_t kMin = 60'000;

Ticket probe(const std::string& queue, const std::string& item = "",
             TicketClass k = TicketClass::normal) {
    Ticket t;
    t.queue = queue;
    t.item = item;
    t.klass = k;
    t.issued_at = kMorning + 10 * kMin;
    return t;
}

IssueTicket issue_item(const std::string& queue, const std::string& item) {
    IssueTicket c = issue(queue);
    c.item = item;
    return c;
}

TEST_CASE("estimator: profile shares are harmonic and sum to one") {
    CHECK(profile_share(0, 1) == Approx(1.0));
    CHECK(profile_share(0, 2) == Approx(2.0 / 3));
    CHECK(profile_share(1, 2) == Approx(1.0 / 3));
    double sum = 0;
    for (size_t r = 0; r < 4; ++r) sum += profile_share(r, 4);
    CHECK(sum == Approx(1.0));
    CHECK(profile_share(0, 4) > profile_share(3, 4));
}

// Window 3 (profile B) serves the first of four T-RS-001 tickets (6 min), started 2 min ago.
Hall serving_hall(Policy p = {}) {
    p.aging_minutes = 0;
    Hall h = open_hall({3}, p);
    for (int i = 0; i < 4; ++i) run(h, issue_item("B", "T-RS-001"), kMorning + i * kMin);
    run(h, CallNext{.window = 3}, kMorning + 8 * kMin);
    run(h, Start{.window = 3}, kMorning + 8 * kMin);
    return h;
}

void open_window(Hall& h, int w, int64_t now) {
    run(h, ClerkLogin{.window = w, .clerk = "c0" + std::to_string(w)}, now);
    run(h, WindowOpen{.window = w}, now);
}
}  // namespace

TEST_CASE("estimator: the rest of the service under way, then the people ahead") {
    Hall h = serving_hall();
    const int64_t now = kMorning + 10 * kMin;
    WaitEstimate e = estimate_wait(h, probe("B", "T-RS-001"), now);
    CHECK(e.ahead == 3);
    CHECK(e.servers == Approx(1.0));
    CHECK(e.service_seconds == Approx(360));
    CHECK_FALSE(e.no_window_open);
    CHECK(e.minutes == 22);  // 4 min left of the ticket being served + 3 × 6 min

    SECTION("a window whose earlier queues are empty serves this queue fully") {
        open_window(h, 2, now);  // profile B, A; no A ticket waits
        WaitEstimate two = estimate_wait(h, probe("B", "T-RS-001"), now);
        CHECK(two.servers == Approx(2.0));
        // Window 2 takes B at 0 and 6 min, window 3 the second at 4 min and this one at 10 min.
        CHECK(two.minutes == 10);
    }
    SECTION("a window serves a later queue of its profile only once the earlier ones are empty") {
        for (int i = 0; i < 3; ++i) run(h, issue_item("A", "T-SJ-001"), now);  // 3 × 10 min
        run(h, ClerkLogin{.window = 1, .clerk = "c01"}, now);
        run(h, WindowOpen{.window = 1}, now);  // profile A, B: busy with A for 30 min
        WaitEstimate busy = estimate_wait(h, probe("B", "T-RS-001"), now);
        CHECK(busy.servers == Approx(2.0));
        CHECK(busy.minutes == 22);  // window 3 alone, as before
    }
    SECTION("a green ticket has nobody ahead but other green tickets") {
        WaitEstimate g = estimate_wait(h, probe("B", "T-RS-001", TicketClass::green), now);
        CHECK(g.ahead == 0);
        CHECK(g.minutes == 4);  // the service under way
    }
    SECTION("a ticket of a window's second queue waits until its first queue is served") {
        open_window(h, 2, now);  // profile B, A
        WaitEstimate a = estimate_wait(h, probe("A", "T-SJ-001"), now);
        CHECK(a.ahead == 0);
        CHECK(a.servers == Approx(1.0));
        // Window 2 takes B at 0 and 6 min (window 3 the other at 4 min), then this one at 12 min.
        CHECK(a.minutes == 12);
    }
    SECTION("a free window with nothing before it calls at once") {
        open_window(h, 4, now);  // pickup window, profile C, idle
        CHECK(estimate_wait(h, probe("C"), now).minutes == 0);
    }
    SECTION("the estimate given at issue is kept on the ticket") {
        auto t = run(h, issue_item("B", "T-RS-001"), now, &wait_minutes).front().issued;
        CHECK(t->estimate_min == 22);
        // The hall alone knows no estimate: the server gives it the estimator.
        CHECK(h.decide(issue_item("B", "T-RS-001"), now).events.front().issued->estimate_min == 0);
    }
}

TEST_CASE("estimator: today's walks to the window and no-shows count once 20 tickets were called") {
    Policy p;
    p.aging_minutes = 0;
    Hall h = open_hall({3}, p);
    int64_t at = kMorning;
    for (int i = 0; i < 20; ++i) {
        run(h, issue_item("B", "T-RS-001"), at);
        run(h, CallNext{.window = 3}, at);
        if (i % 5 == 0) {  // every fifth holder is gone: no-show after 1 min
            run(h, NoShow{.window = 3}, at + kMin);
            at += kMin;
            continue;
        }
        run(h, Start{.window = 3}, at + 2 * kMin);               // a 2-minute walk
        run(h, Finish{.window = 3}, at + 2 * kMin + 6 * kMin);  // 6 min as expected
        at += 8 * kMin;
    }
    REQUIRE(h.service_seconds("T-RS-001", "B") == Approx(360));
    for (int i = 0; i < 3; ++i) run(h, issue_item("B", "T-RS-001"), at);
    Ticket t = probe("B", "T-RS-001");
    t.issued_at = at + 1;
    WaitEstimate e = estimate_wait(h, t, at + 1);
    CHECK(e.ahead == 3);
    // Per call: 0.8 × (6 + 2) + 0.2 × 1 = 6.6 min; window 3 is free, so 3 × 6.6 = 19.8.
    CHECK(e.minutes == 20);
}

TEST_CASE("estimator: with no window open, the windows that could serve are counted") {
    Hall h = open_hall({});
    run(h, issue("C"), kMorning);
    WaitEstimate e = estimate_wait(h, probe("C"), kMorning + kMin);
    CHECK(e.no_window_open);
    CHECK(e.servers == Approx(1.0));  // window 4 only
    CHECK(e.ahead == 1);
}

TEST_CASE("estimator: service times are learned from finished tickets") {
    Policy p;
    p.learning_rate = 0.2;
    Hall h = open_hall({3}, p);
    IssueTicket c = issue("B");
    c.item = "T-RS-001";
    run(h, c, kMorning);
    run(h, CallNext{.window = 3}, kMorning);
    run(h, Start{.window = 3}, kMorning);
    run(h, Finish{.window = 3}, kMorning + 10 * kMin);  // 600 s against 360 s expected
    CHECK(h.service_seconds("T-RS-001", "B") == Approx(360 + 0.2 * (600 - 360)));
    CHECK(h.learned_seconds().at("T-RS-001") == Approx(408));
    // The queue average for a ticket without an item uses the learned value too.
    CHECK(h.service_seconds("", "B") == Approx(408));

    SECTION("a slip moves the mean only a bounded step") {
        run(h, c, kMorning + 11 * kMin);
        run(h, CallNext{.window = 3}, kMorning + 11 * kMin);
        run(h, Start{.window = 3}, kMorning + 11 * kMin);
        run(h, Finish{.window = 3}, kMorning + 11 * kMin + 2000);  // 2 s: counted as 408/4
        CHECK(h.service_seconds("T-RS-001", "B") == Approx(408 + 0.2 * (102 - 408)));
    }
    SECTION("a service finished in the millisecond it started is a slip too, counted as mean/4") {
        run(h, c, kMorning + 11 * kMin);
        run(h, CallNext{.window = 3}, kMorning + 11 * kMin);
        run(h, Start{.window = 3}, kMorning + 11 * kMin);
        run(h, Finish{.window = 3}, kMorning + 11 * kMin);  // 0 ms
        CHECK(h.service_seconds("T-RS-001", "B") == Approx(408 + 0.2 * (102 - 408)));
    }
}
