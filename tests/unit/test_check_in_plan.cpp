// test_check_in_plan.cpp - the check-in plan in the core, without a store: what a holder's
// reservations of the day give at a given minute.
#include "core/check_in.h"
#include "hall_fixture.h"

using namespace hallq;
using namespace hallq::test;

namespace {
constexpr int64_t kMin = 60'000;
const char* const kDay = "2026-11-23";

Reservation booked(const std::string& id, const std::string& item, int64_t slot_at) {
    Reservation r;
    r.id = id;
    r.code = "Q-" + id;
    r.item = item;
    r.day = kDay;
    r.slot_at = slot_at;
    r.holder_masked = "110105********001X";
    return r;
}
}  // namespace

TEST_CASE("check-in plan: on time, late, too early, and the holder's ticket already taken") {
    Hall h = open_hall({1, 3});
    const int64_t now = kMorning;  // 09:00
    CheckInHolder holder{"holder-1", false};
    CheckInRules rules;  // 30 min before to 15 min after the slot
    std::vector<Reservation> list = {
        booked("R-1", "T-RS-001", now + 10 * kMin),  // on time
        booked("R-2", "T-SJ-001", now - 40 * kMin),  // late
        booked("R-3", "T-SJ-002", now + 90 * kMin),  // too early
    };
    CheckInPlan plan = plan_check_in(h, list, holder, kDay, now, rules);
    REQUIRE_FALSE(plan.refusal);
    REQUIRE(plan.events.size() == 2);
    CHECK(plan.events[0].issued->klass == TicketClass::reservation);
    CHECK(plan.events[0].issued->reservation == "R-1");
    CHECK(plan.events[0].issued->holder_key == "holder-1");
    CHECK(plan.events[1].issued->klass == TicketClass::normal);  // late: a normal ticket
    CHECK(plan.events[1].seq == plan.events[0].seq + 1);         // decided one after the other
    CHECK(plan.events[1].issued->id == plan.events[0].issued->id + 1);
    REQUIRE(plan.updates.size() == 2);
    CHECK(plan.updates[0].status == ReservationStatus::checked_in);
    CHECK(plan.updates[1].status == ReservationStatus::late);
    CHECK(plan.updates[1].ticket == plan.events[1].ticket);
    REQUIRE(plan.early.size() == 1);
    CHECK(plan.early[0]->id == "R-3");
    CHECK(plan.lines.size() == 2);
    CHECK_FALSE(plan.lines[0].existing);
    CHECK(plan.lines[1].late);
    CHECK(h.tickets().empty());  // the plan changes nothing: the server commits it

    SECTION("a late senior gets the green channel") {
        CheckInPlan green = plan_check_in(h, {list[1]}, CheckInHolder{"holder-1", true}, kDay, now, rules);
        REQUIRE(green.events.size() == 1);
        CHECK(green.events[0].issued->klass == TicketClass::green);
    }
    SECTION("a ticket the holder took by touch for the item is linked, nothing issued") {
        IssueTicket touch = issue("B");
        touch.item = "T-RS-001";
        touch.holder_key = "holder-1";
        run(h, touch, now);
        CheckInPlan linked = plan_check_in(h, {list[0]}, holder, kDay, now, rules);
        CHECK(linked.events.empty());
        REQUIRE(linked.updates.size() == 1);
        CHECK(linked.updates[0].ticket == h.tickets().begin()->first);
        CHECK(linked.lines[0].existing);
    }
    SECTION("checked in already, with the ticket still waiting: the same ticket again") {
        for (const Event& e : plan.events) h.apply(e);
        Reservation in = list[0];
        in.status = ReservationStatus::checked_in;
        in.ticket_id = plan.events[0].ticket;
        CheckInPlan again = plan_check_in(h, {in}, holder, kDay, now + kMin, rules);
        CHECK(again.events.empty());
        CHECK(again.updates.empty());
        REQUIRE(again.lines.size() == 1);
        CHECK(again.lines[0].existing);
        CHECK(again.lines[0].ticket == in.ticket_id);
    }
    SECTION("another day, cancelled: skipped") {
        Reservation other = list[0];
        other.day = "2026-11-24";
        Reservation cancelled = list[0];
        cancelled.status = ReservationStatus::cancelled;
        CheckInPlan none = plan_check_in(h, {other, cancelled}, holder, kDay, now, rules);
        CHECK(none.events.empty());
        CHECK(none.lines.empty());
        CHECK(none.early.empty());
    }
}
