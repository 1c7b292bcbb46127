// test_rollover.cpp - the service day turns over at the configured time: numbers restart,
// unfinished tickets of the old day are marked expired, history stays in the database.
#include <catch2/catch.hpp>

#include "config.h"
#include "server_process.h"
#include "server.h"

using namespace hallq;
using namespace hallq::test;

TEST_CASE("daily rollover restarts numbering and keeps history") {
    // A rollover at midnight gives today, one later than the clock gives yesterday.
    auto days = two_service_days(wall_clock_ms());
    if (!days) {
        WARN("no two rollover times give different service days at this minute; nothing to test");
        return;
    }
    const std::string& first = days->first;
    const std::string& second = days->second;

    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start({"--rollover", first});
    RequestClient c(server.requests(), "kiosk");
    must_ok(c, "issue_ticket", Json{{"queue", "A"}});
    Json a2 = must_ok(c, "issue_ticket", Json{{"queue", "A"}})["ticket"];
    CHECK(a2["number"] == "A002");
    std::string day1 = must_ok(c, "status")["day"].get<std::string>();
    server.terminate();

    server.start({"--rollover", second});
    RequestClient c2(server.requests(), "kiosk");
    Json status = must_ok(c2, "status");
    CHECK(status["day"].get<std::string>() > day1);
    Json fresh = must_ok(c2, "issue_ticket", Json{{"queue", "A"}})["ticket"];
    CHECK(fresh["number"] == "A001");  // a new day, numbers from the start
    CHECK(fresh["id"].get<int64_t>() > a2["id"].get<int64_t>());  // ids are never reused
    server.terminate();

    // Back to the earlier rollover time: the clock now maps to the earlier day, but a day never
    // reopens; the current one goes on and its numbers continue.
    server.start({"--rollover", first});
    RequestClient c3(server.requests(), "kiosk");
    CHECK(must_ok(c3, "status")["day"] == status["day"]);
    CHECK(must_ok(c3, "issue_ticket", Json{{"queue", "A"}})["ticket"]["number"] == "A002");
    server.terminate();

    std::string out;
    std::string db = (dir.path / "hall.db").string();
    // The stored form: `expired` exists only in the tickets read table, which keeps every day.
    REQUIRE(run_command("sqlite3 '" + db + "' \"SELECT day || ' ' || number || ' ' || state FROM tickets ORDER BY id\"", &out) == 0);
    CHECK(out == day1 + " A001 expired\n" + day1 + " A002 expired\n" + status["day"].get<std::string>() + " A001 waiting\n" +
                 status["day"].get<std::string>() + " A002 waiting\n");
}
