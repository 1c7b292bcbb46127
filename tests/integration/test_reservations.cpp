// test_reservations.cpp - reservations against the real hallserver: import, check-in by ID card
// and by code, one ticket per person and item, green tickets by age, refusals that change
// nothing, a restart, and the identity key file. Slots are set relative to the real clock, with
// the service day starting at midnight (--rollover 00:00).
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <ctime>
#include <fstream>

#include "core/idnumber.h"
#include "hall_queries.h"
#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

namespace {
constexpr int64_t kMin = 60'000;

std::string local(int64_t ms, const char* format) {
    std::time_t t = std::time_t(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

std::string id_number(const std::string& birth, int seq) {
    char s[8];
    std::snprintf(s, sizeof s, "%03d", seq);
    std::string first17 = "110105" + birth + s;
    return first17 + id_check_char(first17);
}

// Slots from 25 minutes before now to 70 after must fall on today's date.
bool slots_fit_today(int64_t now) {
    if (local(now - 25 * kMin, "%F") == local(now + 70 * kMin, "%F")) return true;
    WARN("too close to midnight for slots around now on one date; nothing to test");
    return false;
}

// A reservation `offset` minutes from `now` (rounded down to the minute).
Json entry(const std::string& id, const std::string& item, int64_t now, int offset, const std::string& number) {
    int64_t slot = now + offset * kMin;
    return Json{{"id", id}, {"item", item}, {"date", local(slot, "%F")}, {"slot", local(slot, "%H:%M")},
                {"id_number", number}, {"name", "张三丰"}, {"phone", "13800138000"}};
}

// The database file as the sqlite3 shell reads it: only for checks of the stored form.
std::string sql(const std::filesystem::path& db, const std::string& query) {
    std::string out;
    REQUIRE(run_command("sqlite3 '" + db.string() + "' \"" + query + "\"", &out) == 0);
    return out;
}

std::vector<int64_t> ticket_ids(const Json& reply) {
    std::vector<int64_t> ids;
    for (const auto& t : reply["tickets"]) ids.push_back(t["id"].get<int64_t>());
    return ids;
}
}  // namespace

TEST_CASE("reservations: check in by ID card on time, late, early, twice, and after a restart") {
    int64_t now = std::time(nullptr) * 1000LL;
    if (!slots_fit_today(now)) return;
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start({"--rollover", "00:00"});
    RequestClient c(server.requests(), "kiosk");
    const std::string alice = id_number("19850612", 11);
    Json batch{{"reservations", Json::array({entry("R-1", "T-RS-001", now, 5, alice),
                                             entry("R-2", "T-SJ-001", now, 5, alice),
                                             entry("R-3", "T-SJ-002", now, -20, alice),
                                             entry("R-4", "T-RS-002", now, 45, alice),
                                             entry("R-5", "T-RS-001", now + 48 * 60 * kMin, 0, alice)})}};
    Json counts = must_ok(c, "import_reservations", batch);
    CHECK(counts["imported"] == 5);
    uint64_t seq = must_ok(c, "status")["seq"].get<uint64_t>();

    Json in = must_ok(c, "check_in", Json{{"id_number", alice}});
    CHECK(in["holder"] == mask_id_tail(alice));
    CHECK(in["other_days"] == Json::array({local(now + 48 * 60 * kMin, "%F")}));
    REQUIRE(in["tickets"].size() == 3);  // R-3 (late), R-1 and R-2 (two items, two tickets)
    CHECK(in["tickets"][0]["class"] == "normal");
    CHECK(in["tickets"][0]["late"] == true);
    for (int i : {1, 2}) {
        CHECK(in["tickets"][i]["class"] == "reservation");
        CHECK(in["tickets"][i]["existing"] == false);
    }
    CHECK(in["tickets"][1]["item"] != in["tickets"][2]["item"]);
    REQUIRE(in["early"].size() == 1);
    CHECK(in["early"][0]["reservation"] == "R-4");
    CHECK(must_ok(c, "status")["seq"].get<uint64_t>() == seq + 3);
    HallQueries hall(server);
    int64_t r1_ticket = in["tickets"][1]["id"].get<int64_t>();
    CHECK(fields(hall.reservation("R-1"), {"status", "ticket"}) == "checked_in " + std::to_string(r1_ticket));
    CHECK(fields(hall.ticket(r1_ticket), {"class", "reservation"}) == "reservation R-1");
    CHECK(hall.reservation("R-3")["status"] == "late");
    CHECK(hall.reservation("R-4")["status"] == "booked");

    // The same card again: the same tickets, marked existing, and no new event.
    Json again = must_ok(c, "check_in", Json{{"id_number", alice}});
    CHECK(ticket_ids(again) == ticket_ids(in));
    for (const auto& t : again["tickets"]) CHECK(t["existing"] == true);
    CHECK(must_ok(c, "status")["seq"].get<uint64_t>() == seq + 3);

    // A kiosk (not the one the tickets were taken at) with the same card, or R-1's code: told only
    // that tickets are held, never their numbers, the holder or the reservation.
    RequestClient kiosk(server.requests(), "kiosk-2", enrol_device(server.requests(), "kiosk-2", "kiosk"));
    for (const Json& ask : {Json{{"id_number", alice}}, Json{{"code", "R-1"}}}) {
        Reply r = must_reply(kiosk, "check_in", ask);
        INFO(ask.dump() << " " << r.body.dump());
        CHECK(r.error.code == ErrorCode::already_queued);
        CHECK(r.body.dump().find("R-") == std::string::npos);
    }
    CHECK(must_ok(c, "status")["seq"].get<uint64_t>() == seq + 3);

    // The early one by its code: refused with the time check-in opens.
    Reply early = must_reply(c, "check_in", Json{{"code", "R-4"}});
    CHECK(early.error.code == ErrorCode::too_early);
    CHECK(early.error.detail == local(now + 45 * kMin - 30 * kMin - (now % kMin), "%H:%M"));

    // A restart keeps the reservations and their tickets.
    server.terminate();
    server.start({"--rollover", "00:00"});
    RequestClient c2(server.requests(), "kiosk");
    Json listed = must_ok(c2, "reservations");
    REQUIRE(listed["reservations"].size() == 4);  // today's; R-5 is another day
    CHECK(listed["reservations"][0]["id"] == "R-3");
    CHECK(listed["reservations"][0]["holder"] == mask_id_tail(alice));
    CHECK(listed["reservations"][0]["name"] == "张*丰");
    CHECK(listed["reservations"][0]["phone"] == "138****8000");
    Json after = must_ok(c2, "check_in", Json{{"id_number", alice}});
    CHECK(ticket_ids(after) == ticket_ids(in));
    CHECK(after["tickets"][1]["holder_key"] == in["tickets"][1]["holder_key"]);
    std::string log;
    run_command("cat '" + server.log_path() + "'", &log);
    CHECK(log.find(alice) == std::string::npos);
    std::string db = (dir.path / "hall.db").string();
    // The stored form: the event log at rest holds no ID number in clear.
    CHECK(sql(db, "SELECT COUNT(*) FROM events WHERE body LIKE '%" + alice.substr(6, 8) + "%'") == "0\n");
}

TEST_CASE("reservations: refusals by code, a bad import and a reused request id change nothing") {
    int64_t now = std::time(nullptr) * 1000LL;
    if (!slots_fit_today(now)) return;
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start({"--rollover", "00:00"});
    RequestClient c(server.requests(), "kiosk");
    const std::string bob = id_number("19900203", 21);
    Json tomorrow = entry("R-T", "T-RS-001", now + 24 * 60 * kMin, 0, bob);
    Json cancelled = entry("R-C", "T-RS-001", now, 0, bob);
    cancelled["status"] = "cancelled";
    must_ok(c, "import_reservations", Json{{"reservations", Json::array({tomorrow, cancelled})}});
    Reply other_day = must_reply(c, "check_in", Json{{"code", "R-T"}});
    CHECK(other_day.error.code == ErrorCode::reservation_not_today);
    CHECK(other_day.error.detail == local(now + 24 * 60 * kMin, "%F"));
    CHECK(must_reply(c, "check_in", Json{{"code", "R-C"}}).error.code == ErrorCode::reservation_cancelled);
    CHECK(must_reply(c, "check_in", Json{{"code", "nope"}}).error.code == ErrorCode::no_reservation);

    Json bad{{"reservations", Json::array({entry("R-1", "T-RS-001", now, 5, bob), entry("R-2", "T-RS-001", now, 5, bob)})}};
    bad["reservations"][1]["phone"] = "phone";
    Reply refused = must_reply(c, "import_reservations", bad);
    CHECK(refused.error.code == ErrorCode::bad_field);
    CHECK(refused.error.detail == "reservations[1].phone");
    CHECK(must_ok(c, "reservations")["reservations"].size() == 1);  // only R-C today

    Json good{{"reservations", Json::array({entry("R-1", "T-RS-001", now, 5, bob)})}};
    REQUIRE(must_reply(c, "import_reservations", good, "import-once").ok);
    Json changed = good;
    changed["reservations"][0]["slot"] = "23:59";
    Reply reused = must_reply(c, "import_reservations", changed, "import-once");
    CHECK(reused.error.code == ErrorCode::rid_reused);
    CHECK(must_reply(c, "import_reservations", good, "import-once").body["imported"] == 1);  // the first reply
    HallQueries hall(server);
    CHECK(hall.reservation("R-1")["slot_at"] == (now + 5 * kMin) / kMin * kMin);
}

TEST_CASE("issue_ticket with an ID number: the same ticket again, and green from 70") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    RequestClient c(server.requests(), "kiosk");
    const std::string carol = id_number("19880808", 31), elder = id_number("19500101", 41);
    Json first = must_ok(c, "issue_ticket", Json{{"item", "T-RS-001"}, {"id_number", carol}})["ticket"];
    uint64_t seq = must_ok(c, "status")["seq"].get<uint64_t>();
    Json second = must_ok(c, "issue_ticket", Json{{"item", "T-RS-001"}, {"id_number", carol}})["ticket"];
    CHECK(second["id"] == first["id"]);
    CHECK(second["existing"] == true);
    CHECK(must_ok(c, "status")["seq"].get<uint64_t>() == seq);
    CHECK(must_ok(c, "issue_ticket", Json{{"item", "T-RS-001"}, {"id_number", elder}})["ticket"]["class"] == "green");
    CHECK(must_ok(c, "issue_ticket", Json{{"item", "T-RS-002"}, {"id_number", carol}})["ticket"]["class"] == "normal");
}

TEST_CASE("reservations: the rollover marks the day's unused reservations no-show") {
    auto days = two_service_days(std::time(nullptr) * 1000LL);
    if (!days) {
        WARN("no two rollover times give different service days at this minute; nothing to test");
        return;
    }
    const std::string &first = days->first, &second = days->second;
    const std::string &earliest = days->earliest, &latest = days->latest;
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start({"--rollover", first});
    RequestClient c(server.requests(), "kiosk");
    const std::string dan = id_number("19700505", 51);
    Json r{{"id", "R-1"}, {"item", "T-RS-001"}, {"date", earliest}, {"slot", "10:00"}, {"id_number", dan}, {"name", "王五"}};
    Json r2 = r;
    r2["id"] = "R-2";
    r2["date"] = latest;
    must_ok(c, "import_reservations", Json{{"reservations", Json::array({r, r2})}});
    server.terminate();
    server.start({"--rollover", second});
    RequestClient c2(server.requests(), "kiosk");
    CHECK(must_ok(c2, "status")["day"] == latest);
    Json old = must_ok(c2, "reservations", Json{{"date", earliest}});
    REQUIRE(old["reservations"].size() == 1);
    CHECK(old["reservations"][0]["status"] == "no_show");
    CHECK(must_ok(c2, "reservations")["reservations"][0]["status"] == "booked");
    CHECK(must_reply(c2, "check_in", Json{{"code", "R-1"}}).error.code == ErrorCode::reservation_not_today);
}

TEST_CASE("identity key: created 0600 in the key directory, --init-key, and an unsafe key file refuses to start") {
    TempDir dir;
    std::string db = (dir.path / "hall.db").string();
    ServerProcess server(dir.path / "hall.db");
    server.start();
    std::string key = (test_keys_dir() / "identity.key").string();
    struct stat st {};
    REQUIRE(stat(key.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK_FALSE(std::filesystem::exists(db + ".key"));  // apart from the database
    server.terminate();

    // `timeout`: should the server start after all, the test fails instead of hanging.
    std::string bin = "timeout 20 " + std::string(HALLSERVER_BIN) + " --catalogue " + HALLQ_TEST_DATA + "/small-hall.json" +
                      " --requests 'tcp://127.0.0.1:*' --events 'tcp://127.0.0.1:*' --keys " + test_keys_dir().string() +
                      " --db ";
    std::string out;
    chmod(key.c_str(), 0644);
    CHECK(run_command(bin + db + " 2>&1", &out) == 2);
    CHECK(out.find("chmod 600") != std::string::npos);
    CHECK(out.find("hallserver ready") == std::string::npos);
    chmod(key.c_str(), 0600);
    if (::geteuid() == 0) {  // a key file of another user is refused, root's server included
        REQUIRE(chown(key.c_str(), 65534, 65534) == 0);
        CHECK(run_command(bin + db + " 2>&1", &out) == 2);
        CHECK(out.find("belongs to user 65534") != std::string::npos);
        REQUIRE(chown(key.c_str(), 0, 0) == 0);
    }

    // --init-key makes the key directory beside the database and the identity key in it.
    std::string other = (dir.path / "other" / "other.db").string();
    std::filesystem::create_directory(dir.path / "other");
    CHECK(run_command(std::string(HALLSERVER_BIN) + " --db " + other + " --init-key", &out) == 0);
    CHECK(out.find("identity key created") != std::string::npos);
    std::string other_key = (dir.path / "other" / "hallq-keys" / "identity.key").string();
    REQUIRE(stat(other_key.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(stat((dir.path / "other" / "hallq-keys").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    CHECK_FALSE(std::filesystem::exists(other));  // only the keys, no database
    CHECK(run_command(std::string(HALLSERVER_BIN) + " --db " + other + " --init-key", &out) == 0);
    CHECK(out.find("identity key exists") != std::string::npos);
    std::ofstream(dir.path / "short.key") << "short";
    chmod((dir.path / "short.key").c_str(), 0600);
    std::ofstream(dir.path / "cfg.json") << Json{{"identity_key", (dir.path / "short.key").string()}}.dump();
    CHECK(run_command(bin + other + " --config " + (dir.path / "cfg.json").string() + " 2>&1", &out) == 2);
    CHECK(out.find("exactly 32 bytes") != std::string::npos);
}

TEST_CASE("identity key: a hall set up before keeps its key beside the database, and is told to move it") {
    TempDir dir;
    std::string db = (dir.path / "hall.db").string();
    std::string legacy = db + ".key";
    {
        std::string bytes(32, '\0');
        for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = char(i * 7 + 1);
        std::ofstream(legacy, std::ios::binary) << bytes;
        chmod(legacy.c_str(), 0600);
    }
    ServerProcess server(dir.path / "hall.db");
    server.start();
    RequestClient c(server.requests(), "t");
    must_ok(c, "issue_ticket", Json{{"queue", "A"}, {"id_number", "11010519491231002X"}});
    REQUIRE(eventually([&] { return file_text(server.log_path()).find("lies beside the database") != std::string::npos; },
                       [&] { must_ok(c, "ping"); }));
    server.terminate();
    // The database is sealed with the legacy key: the key directory's own identity key does not open it.
    std::filesystem::rename(legacy, dir.path / "moved.key");
    std::string out;
    CHECK(run_command("timeout 20 " + std::string(HALLSERVER_BIN) + " --db " + db + " --keys " +
                          test_keys_dir().string() + " --requests 'tcp://127.0.0.1:*' --events 'tcp://127.0.0.1:*' 2>&1",
                      &out) == 2);
    // No identity key in the key directory yet: one made now would not open it, and is not kept.
    CHECK(out.find("identity.key is missing, and this database was sealed with a key") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(test_keys_dir() / "identity.key"));
}
