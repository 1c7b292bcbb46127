// test_replies.cpp - the reply views (protocol/replies.h): written and read back unchanged, with
// the keys the wire has always had, and read from the replies of the real service.
#include <set>

#include "core/idnumber.h"
#include "core/local_time.h"
#include "protocol/replies.h"
#include "service_fixture.h"

using namespace hallq;
using namespace hallq::test;

namespace {
constexpr int64_t kMin = 60'000;

std::set<std::string> keys(const Json& j) {
    std::set<std::string> out;
    for (auto it = j.begin(); it != j.end(); ++it) out.insert(it.key());
    return out;
}

TicketView full_view() {
    TicketView v;
    Ticket& t = v.ticket;
    t.id = 12;
    t.number = "A012";
    t.queue = "A";
    t.serial = 12;
    t.klass = TicketClass::reservation;
    t.item = "T-SJ-001";
    t.reservation = "R-7";
    t.slot_at = kMorning + 30 * kMin;
    t.holder = "110105********002X";
    t.holder_key = "00112233445566778899aabbccddeeff";
    t.issued_at = kMorning;
    t.estimate_min = 14;
    v.queue_name = "综合受理";
    v.item = TicketView::Item{"营业执照", {"身份证", "申请书"}};
    v.estimate = WaitEstimate{3, 1.5, 612.25, 14, false};
    v.existing = false;
    v.late = true;
    return v;
}

// A view of a ticket read back from a reply, for the test's messages.
std::string text(const std::optional<TicketView>& v) {
    return v ? to_json(*v).dump() : "(not a ticket view)";
}
}  // namespace

TEST_CASE("replies: a ticket view is read back as it was written") {
    TicketView full = full_view();
    INFO(to_json(full).dump());
    CHECK(read_ticket_view(to_json(full)) == full);

    // Done, no catalogue names, no estimate, no existing/late: the optional parts stay absent.
    TicketView bare;
    bare.ticket.id = 3;
    bare.ticket.number = "C003";
    bare.ticket.queue = "C";
    bare.ticket.state = TicketState::done;
    bare.ticket.window = 2;
    bare.ticket.rating = 0;
    bare.ticket.items = {"T-RS-002"};
    Json wire = to_json(bare);
    CHECK(keys(wire) == keys(to_json(bare.ticket)));
    CHECK(read_ticket_view(wire) == bare);

    CHECK_FALSE(read_ticket_view(Json::array()));
    CHECK_FALSE(read_ticket_view(Json{{"number", "A001"}, {"queue", "A"}}));  // no id
    CHECK_FALSE(
        read_ticket_view(Json{{"id", 1}, {"number", "A001"}, {"queue", "A"}, {"class", "vip"}}));
}

TEST_CASE("replies: a ticket view has the keys of the ticket, names, materials and estimate") {
    TicketView v = full_view();
    Json wire = to_json(v);
    std::set<std::string> expected = keys(to_json(v.ticket));
    for (const char* k : {"queue_name", "item_name", "materials", "estimate", "existing", "late"})
        expected.insert(k);
    CHECK(keys(wire) == expected);
    CHECK(keys(wire["estimate"]) == std::set<std::string>{"ahead", "minutes", "no_window_open",
                                                          "servers", "service_seconds"});
    CHECK(wire["estimate"]["servers"] == 1.5);
    CHECK(wire["materials"] == Json::array({"身份证", "申请书"}));
    CHECK(wire["late"] == true);
    CHECK(wire["existing"] == false);
}

TEST_CASE("replies: a check-in view is read back as it was written, by card or by code") {
    CheckInView by_card;
    by_card.tickets = {full_view()};
    by_card.early.push_back(
        {"R-2", "T-SJ-001", "营业执照", kMorning + 60 * kMin, kMorning + 30 * kMin});
    by_card.holder = "110105********002X";
    by_card.card = CheckInView::Card{76, true, {"2026-11-25", "2026-12-01"}};
    Json wire = to_json(by_card);
    CHECK(keys(wire) ==
          std::set<std::string>{"age", "early", "green", "holder", "other_days", "tickets"});
    CHECK(read_check_in_view(wire) == by_card);

    CheckInView by_code;
    by_code.holder = "110105********002X";
    wire = to_json(by_code);
    CHECK(keys(wire) == std::set<std::string>{"early", "holder", "tickets"});  // no card: no age
    CHECK(wire["tickets"] == Json::array());
    CHECK(read_check_in_view(wire) == by_code);
    CHECK(read_check_in_view(Json::array()) == CheckInView{});
}

TEST_CASE("replies: the service's ticket replies read back as the views of the ticket") {
    ServiceFixture f("replies", kMorning);
    f.ok("issue_ticket", Json{{"queue", "A"}}, kMorning);
    Json issued = f.ok("issue_ticket", Json{{"item", "T-SJ-001"}}, kMorning + kMin);
    auto view = read_ticket_view(issued["ticket"]);
    INFO(issued.dump());
    REQUIRE(view);
    const Hall& hall = f.svc->hall();
    const Ticket* t = hall.ticket_by_number("A002");
    REQUIRE(t);
    CHECK(view == ticket_view(hall, *t, kMorning + kMin));
    CHECK(view->queue_name == hall.catalogue().queue("A")->name);
    REQUIRE(view->item);
    CHECK(view->item->materials == hall.catalogue().item("T-SJ-001")->materials);
    REQUIRE(view->estimate);
    CHECK(view->estimate->ahead == 1);
    CHECK_FALSE(view->existing);
    CHECK(to_json(*view) == issued["ticket"]);  // nothing of the reply is lost in reading it

    Json query = f.ok("ticket", Json{{"ticket", "A002"}}, kMorning + 2 * kMin);
    auto queried = read_ticket_view(query["ticket"]);
    INFO(text(queried));
    CHECK(queried == ticket_view(hall, *t, kMorning + 2 * kMin));
}

TEST_CASE("replies: the service's check-in reply reads back as the check-in view") {
    static IdentityVault vault = IdentityVault::from_key(std::string(32, 'k'));
    const char* const day = "2026-11-23";
    int64_t noon = local_time_ms(day, 12 * 60);
    ServiceFixture f("replies-checkin", noon, &vault);
    std::string first17 = "11010519500315001";  // 76 on the day: green channel
    std::string id = first17 + id_check_char(first17);
    auto entry = [&](const char* rid, const char* item, const char* slot, const char* date) {
        return Json{{"id", rid},    {"item", item},    {"date", date},
                    {"slot", slot}, {"id_number", id}, {"name", "张三"}};
    };
    f.ok("import_reservations",
         Json{{"reservations", Json::array({entry("R-1", "T-RS-001", "12:20", day),
                                            entry("R-2", "T-SJ-001", "14:00", day),
                                            entry("R-3", "T-RS-002", "09:00", "2026-11-25")})}},
         noon);
    Json body = f.ok("check_in", Json{{"id_number", id}}, noon);
    INFO(body.dump());
    CheckInView v = read_check_in_view(body);
    const Hall& hall = f.svc->hall();
    REQUIRE(v.tickets.size() == 1);
    TicketView expected = ticket_view(hall, *hall.ticket(v.tickets[0].ticket.id), noon);
    expected.existing = false;
    expected.late = false;
    expected.ticket.holder_key.clear();  // kept by the server, never sent
    CHECK(v.tickets[0] == expected);
    CHECK(v.tickets[0].ticket.reservation == "R-1");
    REQUIRE(v.early.size() == 1);
    CHECK(v.early[0] ==
          CheckInView::Early{"R-2", "T-SJ-001", hall.catalogue().item("T-SJ-001")->name,
                             local_time_ms(day, 14 * 60), local_time_ms(day, 13 * 60 + 30)});
    CHECK(v.holder == mask_id_tail(id));
    REQUIRE(v.card);
    CHECK(v.card->age == 76);
    CHECK(v.card->green);
    CHECK(v.card->other_days == std::vector<std::string>{"2026-11-25"});
    body.erase("seq");  // the service's, not the view's
    CHECK(to_json(v) == body);

    CheckInView again = read_check_in_view(f.ok("check_in", Json{{"id_number", id}}, noon + kMin));
    REQUIRE(again.tickets.size() == 1);
    CHECK(again.tickets[0].existing == true);  // held already: nothing new

    Json later = f.ok("check_in", Json{{"code", "R-2"}}, local_time_ms(day, 13 * 60 + 30));
    CheckInView by_code = read_check_in_view(later);
    REQUIRE(by_code.tickets.size() == 1);
    CHECK(by_code.tickets[0].ticket.klass == TicketClass::reservation);
    CHECK(by_code.holder == mask_id_tail(id));
    CHECK_FALSE(by_code.card);  // no card read: no age
    later.erase("seq");
    CHECK(to_json(by_code) == later);
}
