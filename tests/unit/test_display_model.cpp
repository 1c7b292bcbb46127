// test_display_model.cpp - what the hall screens show: each window's current number, today's
// no-shows newest first, and the latest call on top.
#include <string>
#include <vector>

#include "display_model.h"
#include "hall_fixture.h"

using namespace hallq;
using namespace hallq::test;

namespace {
// Runs `c` and lets the model see each of its events, as the replica does.
void step(Hall& h, DisplayModel& m, const Command& c, int64_t now) {
    for (const Event& e : run(h, c, now)) m.on_event(h, e);
}
}  // namespace

TEST_CASE("display model: windows carry their current number, no-shows are listed newest first") {
    Hall h = open_hall({1, 2});
    DisplayModel m;
    m.on_snapshot(h);
    int64_t t = kMorning + 1000;
    for (int i = 0; i < 4; ++i) step(h, m, issue("A"), t += 1000);

    step(h, m, CallNext{.window = 1}, t += 1000);  // A001 at 1
    CHECK(m.state().windows.at(1).current_number == "A001");
    CHECK(m.state().windows.at(1).current_state == TicketState::called);
    CHECK(m.state().windows.at(2).current_number.empty());
    step(h, m, NoShow{.window = 1}, t += 1000);
    CHECK(m.state().windows.at(1).current_number.empty());
    CHECK(m.state().missed == std::vector<std::string>{"A001"});

    step(h, m, CallNext{.window = 2}, t += 1000);  // A002 at 2
    step(h, m, NoShow{.window = 2}, t += 1000);
    step(h, m, CallNext{.window = 1}, t += 1000);  // A003 at 1
    step(h, m, Start{.window = 1}, t += 1000);
    step(h, m, CallNext{.window = 2}, t += 1000);  // A004 at 2
    const DisplayState& s = m.state();
    CHECK(s.missed == std::vector<std::string>{"A002", "A001"});
    CHECK(s.windows.at(1).current_number == "A003");
    CHECK(s.windows.at(1).current_state == TicketState::serving);
    CHECK(s.windows.at(2).current_number == "A004");
    REQUIRE_FALSE(s.calls.empty());
    CHECK(s.calls.front().number == "A004");

    // A screen that joins later sees the same from the snapshot.
    DisplayModel late;
    late.on_snapshot(h);
    CHECK(late.state().missed == s.missed);
    CHECK(late.state().windows.at(2).current_number == "A004");
    CHECK(late.state().calls.front().number == "A004");
}

TEST_CASE("display model: the no-show list keeps the newest few") {
    Hall h = open_hall({1});
    DisplayModel m;
    m.on_snapshot(h);
    int64_t t = kMorning + 1000;
    const int n = int(kMissedShown) + 3;
    for (int i = 0; i < n; ++i) step(h, m, issue("A"), t += 1000);
    for (int i = 0; i < n; ++i) {
        step(h, m, CallNext{.window = 1}, t += 1000);
        step(h, m, NoShow{.window = 1}, t += 1000);
    }
    REQUIRE(m.state().missed.size() == kMissedShown);
    CHECK(m.state().missed.front() == "A0" + std::to_string(n));
    CHECK(m.state().missed.back() == "A00" + std::to_string(n - int(kMissedShown) + 1));
}
