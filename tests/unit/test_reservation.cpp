// test_reservation.cpp - the check-in verdict at its boundaries, reservation statuses, holder
// keys through the codec (and never from the wire), and the checks of check_in and
// import_reservations bodies.
#include "hall_fixture.h"
#include "core/reservation.h"
#include "protocol/commands.h"
#include "protocol/reservations.h"

using namespace hallq;
using namespace hallq::test;

namespace {
constexpr int64_t kMin = 60'000;
constexpr int64_t kSlot = kMorning + 60 * kMin;  // 10:00 in the fixture's hall
const char* const kToday = "2026-11-23";

Reservation booked(int64_t slot = kSlot) {
    Reservation r;
    r.id = r.code = "R-1";
    r.item = "T-SJ-001";
    r.day = kToday;
    r.slot_at = slot;
    return r;
}

Json entry(const std::string& id) {
    return Json{{"id", id}, {"item", "T-RS-001"}, {"date", "2026-11-24"}, {"slot", "09:30"},
                {"id_number", "11010519491231002X"}, {"name", "张三丰"}, {"phone", "13800138000"}};
}

Error import_error(const Json& body) {
    auto r = decode_import(body, small_catalogue());
    REQUIRE(std::holds_alternative<Error>(r));
    return std::get<Error>(r);
}
}  // namespace

TEST_CASE("check-in: on time from slot-early through slot+late, both ends inclusive") {
    Hall h = open_hall({1});
    CheckInRules rules;  // 30 early, 15 late
    Reservation r = booked();
    CHECK(judge_check_in(r, kToday, kSlot - 30 * kMin - 1, h, rules) == CheckInVerdict::too_early);
    CHECK(judge_check_in(r, kToday, kSlot - 30 * kMin, h, rules) == CheckInVerdict::on_time);
    CHECK(judge_check_in(r, kToday, kSlot, h, rules) == CheckInVerdict::on_time);
    CHECK(judge_check_in(r, kToday, kSlot + 15 * kMin, h, rules) == CheckInVerdict::on_time);
    CHECK(judge_check_in(r, kToday, kSlot + 15 * kMin + 1, h, rules) == CheckInVerdict::late);
    CHECK(judge_check_in(r, kToday, kSlot - 3 * 60 * kMin, h, rules) == CheckInVerdict::too_early);
    CHECK(check_in_from(r, rules) == kSlot - 30 * kMin);
    CheckInRules strict{5, 0};
    CHECK(judge_check_in(r, kToday, kSlot - 6 * kMin, h, strict) == CheckInVerdict::too_early);
    CHECK(judge_check_in(r, kToday, kSlot + 1, h, strict) == CheckInVerdict::late);
}

TEST_CASE("check-in: another day, cancelled, no-show, and a checked-in reservation's ticket") {
    Hall h = open_hall({1});
    CheckInRules rules;
    Reservation r = booked();
    CHECK(judge_check_in(r, "2026-11-24", kSlot, h, rules) == CheckInVerdict::not_today);
    r.status = ReservationStatus::cancelled;
    CHECK(judge_check_in(r, kToday, kSlot, h, rules) == CheckInVerdict::cancelled);
    CHECK(judge_check_in(r, "2026-11-22", kSlot, h, rules) == CheckInVerdict::not_today);
    r.status = ReservationStatus::no_show;
    CHECK(judge_check_in(r, kToday, kSlot, h, rules) == CheckInVerdict::no_show);

    IssueTicket c = issue("A", TicketClass::reservation);
    c.reservation = "R-1";
    int64_t id = run(h, c, kSlot - kMin).front().ticket;
    r.status = ReservationStatus::checked_in;
    r.ticket_id = id;
    CHECK(judge_check_in(r, kToday, kSlot, h, rules) == CheckInVerdict::active);
    r.status = ReservationStatus::late;  // a late check-in's normal ticket counts the same way
    CHECK(judge_check_in(r, kToday, kSlot + 60 * kMin, h, rules) == CheckInVerdict::active);
    run(h, CallNext{.window = 1}, kSlot);
    run(h, Start{.window = 1}, kSlot);
    run(h, Park{.window = 1}, kSlot);
    CHECK(judge_check_in(r, kToday, kSlot, h, rules) == CheckInVerdict::active);  // parked is active
    run(h, Resume{.window = 1, .ticket = {.id = id}}, kSlot);
    run(h, Finish{.window = 1}, kSlot + kMin);
    CHECK(judge_check_in(r, kToday, kSlot + kMin, h, rules) == CheckInVerdict::used);
    r.ticket_id = 9999;  // a ticket no longer in the hall (another day's)
    CHECK(judge_check_in(r, kToday, kSlot, h, rules) == CheckInVerdict::used);
}

TEST_CASE("reservation error codes are appended after the earlier ones, with both messages") {
    CHECK(static_cast<int>(ErrorCode::no_reservation) == static_cast<int>(ErrorCode::not_allowed) + 1);
    CHECK(static_cast<int>(ErrorCode::reservation_cancelled) == static_cast<int>(ErrorCode::no_reservation) + 3);
    CHECK(to_string(ErrorCode::reservation_not_today) == "reservation_not_today");
    CHECK(message_zh(ErrorCode::too_early) == "还未到签到时间");
    CHECK(message_en(ErrorCode::no_reservation) == "No reservation found for today");
    ErrorCode parsed = ErrorCode::internal;
    REQUIRE(parse_error_code("reservation_cancelled", parsed));
    CHECK(parsed == ErrorCode::reservation_cancelled);
}

TEST_CASE("reservation statuses parse and print, unknown text is refused") {
    for (auto s : {ReservationStatus::booked, ReservationStatus::checked_in, ReservationStatus::late,
                   ReservationStatus::no_show, ReservationStatus::cancelled}) {
        ReservationStatus back = ReservationStatus::booked;
        REQUIRE(parse(to_string(s), back));
        CHECK(back == s);
    }
    ReservationStatus out = ReservationStatus::late;
    CHECK_FALSE(parse("Booked", out));
    CHECK_FALSE(parse("", out));
    CHECK(out == ReservationStatus::late);
}

TEST_CASE("holder keys: kept through the codec, found by active_ticket, never taken from the wire") {
    Hall h = open_hall({1});
    IssueTicket c = issue("A");
    c.item = "T-SJ-001";
    c.holder_key = "00112233445566778899aabbccddeeff";
    run(h, c, kMorning);
    const Ticket* t = h.active_ticket(c.holder_key, "T-SJ-001");
    REQUIRE(t);
    CHECK(t->holder_key == c.holder_key);
    CHECK(ticket_from_json(to_json(*t)).holder_key == c.holder_key);
    CHECK(hall_from_snapshot(snapshot_json(h)).ticket(t->id)->holder_key == c.holder_key);
    CHECK_FALSE(h.active_ticket(c.holder_key, "T-SJ-002"));
    CHECK_FALSE(h.active_ticket("", "T-SJ-001"));
    run(h, CallNext{.window = 1}, kMorning);
    CHECK(h.active_ticket(c.holder_key, "T-SJ-001"));  // called is still active
    run(h, NoShow{.window = 1}, kMorning);
    CHECK_FALSE(h.active_ticket(c.holder_key, "T-SJ-001"));

    auto decoded = decode_command("issue_ticket", Json{{"queue", "A"}, {"holder_key", c.holder_key}});
    REQUIRE(std::holds_alternative<Command>(decoded));
    CHECK(std::get<IssueTicket>(std::get<Command>(decoded)).holder_key.empty());
    CHECK(is_query_type("reservations"));
    CHECK_FALSE(is_query_type("check_in"));
}

TEST_CASE("check_in bodies: exactly one of id_number and code") {
    auto error = [](const Json& body) {
        auto r = decode_check_in(body);
        REQUIRE(std::holds_alternative<Error>(r));
        return std::get<Error>(r);
    };
    CHECK(error(Json::object()).detail == "id_number or code");
    CHECK(error(Json{{"id_number", "11010519491231002X"}, {"code", "R-1"}}).detail == "id_number or code");
    CHECK(error(Json{{"code", std::string(65, 'c')}}).detail == "code");
    CHECK(error(Json{{"code", ""}}).detail == "code");
    CHECK(error(Json{{"code", 17}}).detail == "code");
    Error bad = error(Json{{"id_number", "11010519491231003X"}});
    CHECK(bad.code == ErrorCode::invalid_id_number);
    CHECK(bad.detail == "check digit");
    auto ok = decode_check_in(Json{{"id_number", "11010519491231002x"}, {"holder_name", "张三丰"}});
    REQUIRE(std::holds_alternative<CheckInRequest>(ok));
    CHECK(std::get<CheckInRequest>(ok).by_id);
    CHECK(std::get<CheckInRequest>(ok).id.normalized == "11010519491231002X");
    auto code = decode_check_in(Json{{"code", std::string(64, 'c')}});
    REQUIRE(std::holds_alternative<CheckInRequest>(code));
    CHECK_FALSE(std::get<CheckInRequest>(code).by_id);
}

TEST_CASE("import bodies: every entry is checked, the first bad one names its index") {
    Json ok{{"reservations", Json::array({entry("R-1"), entry("R-2")})}};
    auto good = decode_import(ok, small_catalogue());
    REQUIRE(std::holds_alternative<std::vector<ImportedReservation>>(good));
    const auto& list = std::get<std::vector<ImportedReservation>>(good);
    REQUIRE(list.size() == 2);
    CHECK(list[0].code == "R-1");  // the code defaults to the id
    CHECK(list[0].slot_minutes == 9 * 60 + 30);
    CHECK(list[0].status == ReservationStatus::booked);

    auto with = [&](size_t i, const char* key, Json value) {
        Json body = ok;
        if (value.is_null()) body["reservations"][i].erase(key);
        else body["reservations"][i][key] = value;
        return import_error(body);
    };
    CHECK(with(1, "id", "").detail == "reservations[1].id");
    CHECK(with(1, "id", std::string(65, 'x')).detail == "reservations[1].id");
    CHECK(with(1, "id", "R-1").detail == "reservations[1].id");  // repeated
    CHECK(with(1, "code", "R-1").detail == "reservations[1].code");
    CHECK(with(0, "date", "2026-02-30").detail == "reservations[0].date");
    CHECK(with(0, "date", "2026-11-2").detail == "reservations[0].date");
    CHECK(with(0, "slot", "24:00").detail == "reservations[0].slot");
    CHECK(with(0, "slot", "9:30").detail == "reservations[0].slot");
    CHECK(with(0, "name", nullptr).detail == "reservations[0].name");
    CHECK(with(0, "name", std::string(31, 'n')).detail == "reservations[0].name");
    CHECK(with(0, "phone", "138-0013").detail == "reservations[0].phone");
    CHECK(with(0, "phone", "1234").detail == "reservations[0].phone");
    CHECK(with(0, "status", "checked_in").detail == "reservations[0].status");
    Error item = with(1, "item", "NOPE");
    CHECK(item.code == ErrorCode::unknown_item);
    CHECK(item.detail == "reservations[1].item");
    Error id = with(1, "id_number", "11010519491231003X");
    CHECK(id.code == ErrorCode::invalid_id_number);
    CHECK(id.detail == "reservations[1].id_number: check digit");
    CHECK(id.detail.find("1101") == std::string::npos);
    CHECK(import_error(Json{{"reservations", Json::array()}}).detail == "reservations");
    CHECK(import_error(Json::object()).detail == "reservations");
    Json many{{"reservations", Json::array()}};
    for (int i = 0; i <= 200; ++i) many["reservations"].push_back(entry("R-" + std::to_string(i)));
    CHECK(import_error(many).detail == "reservations");
    many["reservations"].erase(200);
    CHECK(std::holds_alternative<std::vector<ImportedReservation>>(decode_import(many, small_catalogue())));
    CHECK(valid_day("2028-02-29"));
    CHECK_FALSE(valid_day("2027-02-29"));
}
