// test_numbering.cpp - daily ticket numbers per queue letter, across rollover and restore.
#include "hall_fixture.h"

using namespace hallq;
using namespace hallq::test;

namespace {
std::string number_of(Hall& h, const std::string& queue, int64_t now = kMorning) {
    return run(h, issue(queue), now).front().issued->number;
}
}  // namespace

TEST_CASE("numbering: each letter counts on its own from 001") {
    Hall h = open_hall({});
    CHECK(number_of(h, "A") == "A001");
    CHECK(number_of(h, "A") == "A002");
    CHECK(number_of(h, "B") == "B001");
    CHECK(number_of(h, "A") == "A003");
    CHECK(h.counters().at("A") == 3);
    CHECK(format_ticket_number("C", 7) == "C007");
    CHECK(format_ticket_number("C", 999) == "C999");
    CHECK(format_ticket_number("C", 1000) == "C1000");
}

TEST_CASE("numbering: an item picks its queue, unknown items and queues are refused") {
    Hall h = open_hall({});
    IssueTicket c = issue("");
    c.item = "T-RS-001";
    auto e = run(h, c, kMorning);
    CHECK(e.front().issued->number == "B001");
    CHECK(e.front().issued->item == "T-RS-001");
    c.item = "NO-SUCH";
    CHECK(refused(h, c, kMorning) == ErrorCode::unknown_item);
    CHECK(refused(h, issue("Z"), kMorning) == ErrorCode::unknown_queue);
    CHECK(refused(h, issue(""), kMorning) == ErrorCode::bad_field);
    IssueTicket res = issue("A", TicketClass::reservation);
    res.reservation.clear();
    CHECK(refused(h, res, kMorning) == ErrorCode::bad_field);
    CHECK(h.counters().count("A") == 0);
}

TEST_CASE("numbering: a cancelled number is not given out again") {
    Hall h = open_hall({});
    number_of(h, "A");
    auto second = run(h, issue("A"), kMorning).front().issued;
    run(h, CancelTicket{.ticket = {.id = second->id}}, kMorning);
    CHECK(number_of(h, "A") == "A003");
}

TEST_CASE("numbering: the daily limit is refused, not wrapped") {
    Policy p;
    p.max_serial = 3;
    Hall h = open_hall({}, p);
    for (int i = 0; i < 3; ++i) number_of(h, "A");
    std::string before = snapshot_json(h).dump();
    Decision d = h.decide(issue("A"), kMorning);
    REQUIRE_FALSE(d.ok());
    CHECK(d.error.code == ErrorCode::number_exhausted);
    CHECK(snapshot_json(h).dump() == before);
    CHECK(number_of(h, "B") == "B001");
}

TEST_CASE("numbering: rollover restarts the numbers, never the ticket ids") {
    Hall h = open_hall({1});
    auto first = run(h, issue("A"), kMorning).front().issued;
    number_of(h, "A");
    run(h, CallNext{.window = 1}, kMorning);
    Rollover r{.day = "2026-11-24"};
    run(h, r, kMorning + 86'400'000);
    CHECK(h.day() == "2026-11-24");
    CHECK(h.tickets().empty());
    CHECK(h.window(1)->state == WindowState::closed);
    CHECK(h.window(1)->current == 0);
    auto next_day = run(h, issue("A"), kMorning + 86'400'000).front().issued;
    CHECK(next_day->number == "A001");
    CHECK(next_day->id > first->id + 1);
    r.day.clear();
    CHECK(refused(h, r, kMorning) == ErrorCode::bad_field);
    // A day never reopens, and never goes back: its numbers were given out.
    for (const char* d : {"2026-11-24", "2026-11-23"}) {
        r.day = d;
        CHECK(refused(h, r, kMorning) == ErrorCode::bad_state);
    }
}

TEST_CASE("numbering: a hall restored from its snapshot continues where it was") {
    Hall h = open_hall({1});
    number_of(h, "A");
    number_of(h, "A");
    number_of(h, "C");
    Hall copy = hall_from_snapshot(snapshot_json(h));
    CHECK(copy.seq() == h.seq());
    CHECK(copy.day() == h.day());
    CHECK(number_of(copy, "A") == "A003");
    CHECK(number_of(copy, "C") == "C002");
    CHECK(copy.next_ticket_id() == h.next_ticket_id() + 2);
    CHECK(copy.window(1)->clerk == "c01");
}
