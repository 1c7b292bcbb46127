// test_check_in.cpp - check_in, import_reservations, issue_ticket with an ID number and the
// rollover's no-shows in the service, on a real store file, with the clock under the test's control.
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "service_fixture.h"

using namespace hallq;
using namespace hallq::test;

namespace {
constexpr int64_t kMin = 60'000;
const char* const kDay = "2026-11-23";
std::string valid(std::string first17) {
    return first17 + id_check_char(first17);
}
const std::string kAlice = valid("11010519850612001");  // 41 on the day
const std::string kElder = valid("11010519500315001");  // 76 on the day

struct Fixture : ServiceFixture {
    int64_t noon = local_time_ms(kDay, 12 * 60);
    Fixture() : ServiceFixture("checkin", local_time_ms(kDay, 12 * 60), &vault_storage()) {}
    std::string status(const std::string& id) { return to_string(store->reservation(id)->r.status); }
    // The vault must outlive the service, built in the base: one key for every fixture.
    static const IdentityVault& vault_storage() {
        static IdentityVault v = IdentityVault::from_key(std::string(32, 'k'));
        return v;
    }
};

Json entry(const std::string& id, const std::string& item, const std::string& slot, const std::string& number,
           const std::string& day = kDay) {
    return Json{{"id", id}, {"item", item}, {"date", day}, {"slot", slot}, {"id_number", number}, {"name", "张三"}};
}
Json batch(std::initializer_list<Json> entries) {
    Json list = Json::array();
    for (const Json& e : entries) list.push_back(e);
    return Json{{"reservations", list}};
}
}  // namespace

TEST_CASE("check_in by ID card: on time, again, early, late, and the reply's facts") {
    Fixture f;
    f.ok("import_reservations",
         batch({entry("R-1", "T-RS-001", "12:20", kAlice), entry("R-2", "T-SJ-001", "14:00", kAlice),
                entry("R-3", "T-SJ-002", "11:00", kAlice), entry("R-4", "T-RS-002", "09:00", kAlice, "2026-11-25"),
                entry("R-5", "T-RS-002", "12:00", kElder)}),
         f.noon);
    uint64_t seq = f.svc->hall().seq();
    Json in = f.ok("check_in", Json{{"id_number", kAlice}}, f.noon);
    CHECK(in["holder"] == mask_id_tail(kAlice));
    CHECK(in["age"] == 41);
    CHECK(in["green"] == false);
    CHECK(in["other_days"] == Json::array({"2026-11-25"}));
    REQUIRE(in["tickets"].size() == 2);  // R-3 late (11:00), R-1 on time (12:20); R-2 too early
    Json late = in["tickets"][0], on_time = in["tickets"][1];
    CHECK(late["class"] == "normal");
    CHECK(late["late"] == true);
    CHECK(late["item"] == "T-SJ-002");
    CHECK(on_time["class"] == "reservation");
    CHECK(on_time["reservation"] == "R-1");
    CHECK(on_time["slot_at"] == local_time_ms(kDay, 12 * 60 + 20));
    CHECK(on_time["existing"] == false);
    CHECK(on_time["holder"] == mask_id_tail(kAlice));
    CHECK_FALSE(on_time.contains("holder_key"));  // never sent
    CHECK(f.svc->hall().ticket(on_time["id"].get<int64_t>())->holder_key.size() == 32);
    REQUIRE(in["early"].size() == 1);
    CHECK(in["early"][0]["reservation"] == "R-2");
    CHECK(in["early"][0]["check_in_from"] == local_time_ms(kDay, 13 * 60 + 30));
    CHECK(f.svc->hall().seq() == seq + 2);
    CHECK(f.status("R-1") == "checked_in");
    CHECK(f.store->reservation("R-1")->r.ticket_id == on_time["id"]);
    CHECK(f.store->reservation("R-1")->checked_in_at == f.noon);
    CHECK(f.status("R-3") == "late");
    CHECK(f.status("R-2") == "booked");

    // A second swipe: the same tickets, nothing new.
    Json again = f.ok("check_in", Json{{"id_number", kAlice}}, f.noon + kMin);
    CHECK(f.svc->hall().seq() == seq + 2);
    REQUIRE(again["tickets"].size() == 2);
    CHECK(again["tickets"][1]["id"] == on_time["id"]);
    CHECK(again["tickets"][1]["existing"] == true);
    CHECK(again["tickets"][0]["late"] == true);

    // Later the early one opens: exactly at slot − 30 minutes.
    Json later = f.ok("check_in", Json{{"code", "R-2"}}, local_time_ms(kDay, 13 * 60 + 30));
    REQUIRE(later["tickets"].size() == 1);
    CHECK(later["tickets"][0]["class"] == "reservation");
    CHECK_FALSE(later.contains("age"));  // by code: no card, no age

    // The elder is late: a green ticket.
    Json elder = f.ok("check_in", Json{{"code", "R-5"}}, f.noon + 16 * kMin);
    REQUIRE(elder["tickets"].size() == 1);
    CHECK(elder["tickets"][0]["class"] == "green");
    CHECK(f.status("R-5") == "late");
    // Nothing today for someone without reservations: ok, empty.
    Json none = f.ok("check_in", Json{{"id_number", valid("11010519900101001")}}, f.noon);
    CHECK(none["tickets"].empty());
    CHECK(none["early"].empty());
}

TEST_CASE("check_in by code: refusals with reasons, and they change nothing") {
    Fixture f;
    f.ok("import_reservations",
         batch({entry("R-1", "T-RS-001", "12:40", kAlice), entry("R-2", "T-RS-001", "09:00", kAlice, "2026-11-24"),
                Json{{"id", "R-3"}, {"item", "T-RS-001"}, {"date", kDay}, {"slot", "12:00"}, {"id_number", kAlice},
                     {"name", "张三"}, {"status", "cancelled"}}}),
         f.noon);
    uint64_t seq = f.svc->hall().seq();
    Reply early = f.send("check_in", Json{{"code", "R-1"}}, local_time_ms(kDay, 12 * 60 + 9));
    CHECK(early.error.code == ErrorCode::too_early);
    CHECK(early.error.detail == "12:10");
    Reply other = f.send("check_in", Json{{"code", "R-2"}}, f.noon);
    CHECK(other.error.code == ErrorCode::reservation_not_today);
    CHECK(other.error.detail == "2026-11-24");
    CHECK(f.send("check_in", Json{{"code", "R-3"}}, f.noon).error.code == ErrorCode::reservation_cancelled);
    CHECK(f.send("check_in", Json{{"code", "R-9"}}, f.noon).error.code == ErrorCode::no_reservation);
    CHECK(f.send("check_in", Json{{"code", "R-1"}, {"id_number", kAlice}}, f.noon).error.code == ErrorCode::bad_field);
    CHECK(f.svc->hall().seq() == seq);
    CHECK(f.status("R-1") == "booked");

    // Checked in, then the ticket is cancelled: the code is used up.
    Json in = f.ok("check_in", Json{{"code", "R-1"}}, local_time_ms(kDay, 12 * 60 + 10));
    CHECK(in["tickets"][0]["class"] == "reservation");
    f.ok("cancel_ticket", Json{{"ticket", in["tickets"][0]["id"]}}, f.noon + 11 * kMin);
    CHECK(f.send("check_in", Json{{"code", "R-1"}}, f.noon + 12 * kMin).error.code == ErrorCode::no_reservation);
    Json by_id = f.ok("check_in", Json{{"id_number", kAlice}}, f.noon + 12 * kMin);
    CHECK(by_id["tickets"].empty());  // used, cancelled and other days are skipped
    CHECK(by_id["other_days"] == Json::array({"2026-11-24"}));
}

TEST_CASE("issue_ticket with an ID number: one active ticket per person and item, green by age") {
    Fixture f;
    Json first = f.ok("issue_ticket", Json{{"item", "T-RS-001"}, {"id_number", kAlice}}, f.noon);
    CHECK(first["ticket"]["class"] == "normal");
    CHECK_FALSE(first["ticket"].contains("holder_key"));  // never sent
    CHECK(f.svc->hall().ticket(first["ticket"]["id"].get<int64_t>())->holder_key.size() == 32);
    uint64_t seq = f.svc->hall().seq();
    Json second = f.ok("issue_ticket", Json{{"item", "T-RS-001"}, {"id_number", kAlice}}, f.noon + kMin);
    CHECK(second["ticket"]["id"] == first["ticket"]["id"]);
    CHECK(second["ticket"]["existing"] == true);
    CHECK(f.svc->hall().seq() == seq);
    Json other_item = f.ok("issue_ticket", Json{{"item", "T-SJ-001"}, {"id_number", kAlice}}, f.noon);
    CHECK(other_item["ticket"]["id"] != first["ticket"]["id"]);
    CHECK(f.ok("issue_ticket", Json{{"item", "T-RS-001"}, {"id_number", kElder}}, f.noon)["ticket"]["class"] == "green");
    CHECK(f.ok("issue_ticket", Json{{"item", "T-SJ-001"}, {"id_number", kElder}, {"class", "normal"}}, f.noon)
              ["ticket"]["class"] == "green");
    // A reservation checked in after a touch ticket for the same item takes that ticket.
    f.ok("import_reservations", batch({entry("R-1", "T-RS-001", "12:10", kAlice)}), f.noon);
    Json in = f.ok("check_in", Json{{"id_number", kAlice}}, f.noon + 2 * kMin);
    REQUIRE(in["tickets"].size() == 1);
    CHECK(in["tickets"][0]["id"] == first["ticket"]["id"]);
    CHECK(in["tickets"][0]["existing"] == true);
    CHECK(f.status("R-1") == "checked_in");
    CHECK(f.store->reservation("R-1")->r.ticket_id == first["ticket"]["id"]);
    CHECK(f.send("issue_ticket", Json{{"id_number", kAlice}}, f.noon).error.detail == "queue or item");
    f.cfg.green_channel_age = 0;  // off
    CHECK(f.ok("issue_ticket", Json{{"item", "T-RS-002"}, {"id_number", kElder}}, f.noon)["ticket"]["class"] == "normal");
}

TEST_CASE("import: a bad entry refuses the batch, updates, kept entries, code clashes, rid reuse") {
    Fixture f;
    Json two = batch({entry("R-1", "T-RS-001", "12:20", kAlice), entry("R-2", "T-RS-001", "12:30", kElder)});
    Json counts = f.ok("import_reservations", two, f.noon);
    CHECK(counts["imported"] == 2);
    CHECK(counts["updated"] == 0);
    Json bad = two;
    bad["reservations"][0]["slot"] = "13:00";
    std::string broken = kElder.substr(0, 17) + (kElder.back() == '0' ? '1' : '0');
    bad["reservations"].push_back(entry("R-3", "T-RS-001", "12:30", broken));
    Reply refused = f.send("import_reservations", bad, f.noon);
    CHECK(refused.error.code == ErrorCode::invalid_id_number);
    CHECK(refused.error.detail == "reservations[2].id_number: check digit");
    CHECK(f.store->reservation_count() == 2);
    CHECK(f.store->reservation("R-1")->r.slot_at == local_time_ms(kDay, 12 * 60 + 20));  // unchanged

    f.ok("check_in", Json{{"code", "R-1"}}, f.noon);
    Json moved = two;
    moved["reservations"][0]["slot"] = "15:00";
    moved["reservations"][1]["slot"] = "15:30";
    counts = f.ok("import_reservations", moved, f.noon);
    CHECK(counts["kept"] == 1);
    CHECK(counts["updated"] == 1);
    CHECK(f.status("R-1") == "checked_in");
    CHECK(f.store->reservation("R-2")->r.slot_at == local_time_ms(kDay, 15 * 60 + 30));
    Json clash = batch({entry("R-4", "T-RS-001", "12:20", kAlice)});
    clash["reservations"][0]["code"] = "R-2";
    CHECK(f.send("import_reservations", clash, f.noon).error.detail == "reservations[0].code");

    // The fingerprint sees ID numbers masked, at any depth: the same rid with a number that
    // differs only in its hidden digits is the same request; in its visible ones, another.
    Json one = batch({entry("R-7", "T-RS-001", "16:00", kAlice)});
    f.send("import_reservations", one, f.noon, "imp-x");
    std::string twin;  // same first 6 and last 4 characters, another birth date
    for (int d = 1; d <= 28 && twin.empty(); ++d) {
        std::string c = valid("1101051985" + std::string(d < 10 ? "060" : "06") + std::to_string(d) + "001");
        if (c != kAlice && mask_id_number(c) == mask_id_number(kAlice)) twin = c;
    }
    REQUIRE_FALSE(twin.empty());
    Json hidden = batch({entry("R-7", "T-RS-001", "16:00", twin)});
    CHECK(f.send("import_reservations", hidden, f.noon, "imp-x").ok);
    Json visible = batch({entry("R-7", "T-RS-001", "16:00", valid("22010519850612001"))});
    CHECK(f.send("import_reservations", visible, f.noon, "imp-x").error.code == ErrorCode::rid_reused);
}

TEST_CASE("rollover: booked reservations of the day before become no-shows") {
    Fixture f;
    f.ok("import_reservations",
         batch({entry("R-1", "T-RS-001", "12:20", kAlice), entry("R-2", "T-RS-001", "16:00", kElder),
                entry("R-3", "T-RS-001", "09:00", kElder, "2026-11-24")}),
         f.noon);
    f.ok("check_in", Json{{"code", "R-1"}}, f.noon);
    f.svc->tick(local_time_ms("2026-11-24", 8 * 60));
    CHECK(f.svc->hall().day() == "2026-11-24");
    CHECK(f.status("R-1") == "checked_in");
    CHECK(f.status("R-2") == "no_show");
    CHECK(f.status("R-3") == "booked");
    CHECK(f.send("check_in", Json{{"code", "R-2"}}, local_time_ms("2026-11-24", 8 * 60)).error.code ==
          ErrorCode::reservation_not_today);
    Json listed = f.ok("reservations", Json{{"date", "2026-11-23"}}, f.noon);
    REQUIRE(listed["reservations"].size() == 2);
    CHECK(listed["reservations"][1]["status"] == "no_show");
    CHECK(listed["reservations"][0]["ticket"].is_number());
    CHECK(listed["reservations"][1]["ticket"].is_null());
    CHECK(f.send("reservations", Json{{"date", "23.11.2026"}}, f.noon).error.detail == "date");
}

TEST_CASE("check_in: tickets and reservation rows commit together, or neither does") {
    Fixture f;
    f.ok("import_reservations", batch({entry("R-1", "T-RS-001", "12:10", kAlice)}), f.noon);
    uint64_t seq = f.svc->hall().seq();
    // Another connection makes every change of a reservation row fail.
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(f.db.path.c_str(), &raw) == SQLITE_OK);
    const char* trigger = "CREATE TRIGGER no_updates BEFORE UPDATE ON reservations BEGIN SELECT RAISE(ABORT, 'refused'); END";
    REQUIRE(sqlite3_exec(raw, trigger, nullptr, nullptr, nullptr) == SQLITE_OK);
    Reply failed = f.send("check_in", Json{{"code", "R-1"}}, f.noon);
    CHECK(failed.error.code == ErrorCode::internal);
    CHECK(failed.error.detail == "storage");
    CHECK(f.svc->hall().seq() == seq);  // the ticket's event was not kept either
    CHECK(f.svc->hall().tickets().empty());
    CHECK(f.store->last_seq() == seq);
    CHECK(f.status("R-1") == "booked");
    REQUIRE(sqlite3_exec(raw, "DROP TRIGGER no_updates", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    Json in = f.ok("check_in", Json{{"code", "R-1"}}, f.noon);  // a retry now succeeds
    CHECK(in["tickets"][0]["number"] == "B001");
    CHECK(f.status("R-1") == "checked_in");
}

TEST_CASE("retention: personal data is forgotten retention_days after its service day, the rest stays") {
    Fixture f;
    f.ok("import_reservations", batch({entry("R-1", "T-SJ-001", "12:20", kAlice)}), f.noon);
    Json ticket = f.ok("check_in", Json{{"id_number", kAlice}}, f.noon)["tickets"][0];
    REQUIRE(ticket["holder"] == mask_id_tail(kAlice));
    // 30 days later the day is still kept; 31 days later it is forgotten.
    f.svc->purge_personal(f.noon + 30LL * 86400 * 1000);
    CHECK_FALSE(f.store->reservation("R-1")->identity.empty());
    f.svc->purge_personal(f.noon + 31LL * 86400 * 1000);
    StoredReservation r = *f.store->reservation("R-1");
    CHECK(r.identity.empty());
    CHECK(r.holder_hash.empty());
    CHECK(r.r.holder_masked.empty());
    CHECK(r.r.name_masked.empty());
    CHECK(r.r.status == ReservationStatus::checked_in);  // what happened stays, for the reports
    CHECK(r.r.item == "T-SJ-001");
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(f.db.path.c_str(), &raw) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw, "SELECT COUNT(*), COUNT(holder) FROM tickets", -1, &s, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(s) == SQLITE_ROW);
    CHECK(sqlite3_column_int(s, 0) == 1);
    CHECK(sqlite3_column_int(s, 1) == 0);
    sqlite3_finalize(s);
    sqlite3_close(raw);
}
