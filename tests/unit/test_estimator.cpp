// test_estimator.cpp - the wait estimate: position, servers weighted by profile, learned times.
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
}  // namespace

TEST_CASE("estimator: profile shares are harmonic and sum to one") {
    CHECK(profile_share(0, 1) == Approx(1.0));
    CHECK(profile_share(0, 2) == Approx(2.0 / 3));
    CHECK(profile_share(1, 2) == Approx(1.0 / 3));
    double sum = 0;
    for (size_t r = 0; r < 4; ++r) sum += profile_share(r, 4);
    CHECK(sum == Approx(1.0));
    CHECK(profile_share(0, 4) > profile_share(3, 4));
}

TEST_CASE("estimator: people ahead times service time over the serving windows") {
    Policy p;
    p.aging_minutes = 0;
    Hall h = open_hall({3}, p);  // window 3 serves only B
    Command c = issue("B");
    c.item = "T-RS-001";  // 6 minutes
    for (int i = 0; i < 3; ++i) run(h, c, kMorning + i * kMin);
    WaitEstimate e = estimate_wait(h, probe("B", "T-RS-001"), kMorning + 10 * kMin);
    CHECK(e.ahead == 3);
    CHECK(e.servers == Approx(1.0));
    CHECK(e.service_seconds == Approx(360));
    CHECK_FALSE(e.no_window_open);
    CHECK(e.minutes == 21);  // (3 + 0.5) × 6 min

    SECTION("more windows shorten it by their share of attention") {
        Command login = cmd(CommandType::clerk_login, 2);
        login.clerk = "c02";
        run(h, login, kMorning);
        run(h, cmd(CommandType::window_open, 2), kMorning);  // profile B, A: 2/3 of its time on B
        WaitEstimate two = estimate_wait(h, probe("B", "T-RS-001"), kMorning + 10 * kMin);
        CHECK(two.servers == Approx(1 + 2.0 / 3));
        CHECK(two.minutes == 13);  // 21 / (5/3) = 12.6
    }
    SECTION("a green ticket has nobody ahead but other green tickets") {
        WaitEstimate g = estimate_wait(h, probe("B", "T-RS-001", TicketClass::green), kMorning + 10 * kMin);
        CHECK(g.ahead == 0);
        CHECK(g.minutes == 3);
    }
    SECTION("the estimate given at issue is kept on the ticket") {
        auto t = run(h, c, kMorning + 10 * kMin).front().issued;
        CHECK(t->estimate_min == 21);
    }
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
    Command c = issue("B");
    c.item = "T-RS-001";
    run(h, c, kMorning);
    run(h, cmd(CommandType::call_next, 3), kMorning);
    run(h, cmd(CommandType::start, 3), kMorning);
    run(h, cmd(CommandType::finish, 3), kMorning + 10 * kMin);  // 600 s against 360 s expected
    CHECK(h.service_seconds("T-RS-001", "B") == Approx(360 + 0.2 * (600 - 360)));
    CHECK(h.learned_seconds().at("T-RS-001") == Approx(408));
    // The queue average for a ticket without an item uses the learned value too.
    CHECK(h.service_seconds("", "B") == Approx(408));

    SECTION("a slip moves the mean only a bounded step") {
        run(h, c, kMorning + 11 * kMin);
        run(h, cmd(CommandType::call_next, 3), kMorning + 11 * kMin);
        run(h, cmd(CommandType::start, 3), kMorning + 11 * kMin);
        run(h, cmd(CommandType::finish, 3), kMorning + 11 * kMin + 2000);  // 2 s: counted as 408/4
        CHECK(h.service_seconds("T-RS-001", "B") == Approx(408 + 0.2 * (102 - 408)));
    }
}
