// test_privacy.cpp - no oracle on personal data, against the real server: events carry no holder,
// no holder key and no reservation id, snapshots and ticket queries give each role only what it needs, the screen
// mask keeps only the last 4, an ID number cannot be tested at speed even from an enrolled kiosk,
// a kiosk issues at human speed, and a queue running out of numbers is warned about.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "net/replica.h"
#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

namespace {
constexpr const char* kId = "11010519491231002X";

}  // namespace

TEST_CASE("privacy: events carry no holder, snapshots give each role what it needs, the mask keeps the last 4") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    Replica replica(server.requests(), server.events(), "watch");
    std::vector<Json> heard;
    replica.on_event = [&](const Event&, const Json& wire) { heard.push_back(wire); };
    REQUIRE(eventually([&] { return replica.synced(); }, [&] { replica.poll(std::chrono::milliseconds(50)); }));

    RequestClient kiosk(server.requests(), "kiosk-1", enrol_device(server.requests(), "kiosk-1", "kiosk"));
    Json issued = must_ok(kiosk, "issue_ticket", Json{{"queue", "A"}, {"id_number", kId}});
    CHECK(issued["ticket"]["holder"] == "**************002X");  // the citizen's own kiosk: the last 4
    REQUIRE(eventually([&] { return !heard.empty(); }, [&] { replica.poll(std::chrono::milliseconds(50)); }));
    std::string wire = heard.front().dump();
    CHECK(heard.front()["type"] == "ticket_issued");
    CHECK(wire.find("holder") == std::string::npos);  // neither the mask nor the key
    // A reservation ticket: its reservation id (often the check-in code itself) stays off the wire.
    RequestClient admin(server.requests(), "admin");
    must_ok(admin, "issue_ticket", Json{{"queue", "A"}, {"class", "reservation"}, {"reservation", "R-SECRET-1"}});
    REQUIRE(eventually([&] { return heard.size() >= 2; }, [&] { replica.poll(std::chrono::milliseconds(50)); }));
    CHECK(heard[1]["type"] == "ticket_issued");
    CHECK(heard[1].dump().find("R-SECRET-1") == std::string::npos);

    RequestClient screen(server.requests(), "screen", enrol_device(server.requests(), "screen", "display"));
    RequestClient desk(server.requests(), "desk-1", enrol_device(server.requests(), "desk-1", "desk", 1));
    std::string open = must_ok(screen, "snapshot").dump();
    CHECK(open.find("holder") == std::string::npos);
    CHECK(open.find("R-SECRET-1") == std::string::npos);
    Json staff = must_ok(desk, "snapshot");
    CHECK(staff.dump().find("R-SECRET-1") != std::string::npos);
    CHECK(staff["state"]["tickets"][0]["holder"] == "**************002X");
    CHECK(staff.dump().find("holder_key") == std::string::npos);
    std::string number = issued["ticket"]["number"].get<std::string>();
    CHECK(must_ok(kiosk, "ticket", Json{{"ticket", number}}).dump().find("holder") == std::string::npos);
    CHECK(must_ok(desk, "ticket", Json{{"ticket", number}})["ticket"]["holder"] == "**************002X");
    // Nowhere the 6+4 form: not in a reply, an event or the log.
    server.terminate();
    CHECK(file_text(server.log_path()).find("110105*") == std::string::npos);
    CHECK(wire.find("110105") == std::string::npos);
    CHECK(staff.dump().find("110105") == std::string::npos);
}

TEST_CASE("privacy: guessed ID numbers cannot be tested at speed, not even from an enrolled kiosk") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    RequestClient kiosk(server.requests(), "kiosk-1", enrol_device(server.requests(), "kiosk-1", "kiosk"));
    RequestClient screen(server.requests(), "screen", enrol_device(server.requests(), "screen", "display"));
    must_ok(kiosk, "issue_ticket", Json{{"item", "T-SJ-001"}, {"id_number", kId}});
    // A display may not ask at all.
    CHECK(must_reply(screen, "issue_ticket", Json{{"item", "T-SJ-001"}, {"id_number", kId}}).error.code == ErrorCode::forbidden);
    // A wrong and the right candidate, then many: after the kiosk's small budget of ID numbers,
    // every answer is the same refusal, whichever number comes.
    // Another kiosk with the right number learns only that a ticket is held: no number, window or holder.
    RequestClient other(server.requests(), "kiosk-2", enrol_device(server.requests(), "kiosk-2", "kiosk"));
    Reply elsewhere = must_reply(other, "issue_ticket", Json{{"item", "T-SJ-001"}, {"id_number", kId}});
    CHECK(elsewhere.error.code == ErrorCode::already_queued);
    CHECK(elsewhere.body.dump().find("A00") == std::string::npos);
    CHECK(elsewhere.body.dump().find("holder") == std::string::npos);
    Reply wrong = must_reply(kiosk, "issue_ticket", Json{{"item", "T-SJ-001"}, {"id_number", "110105194912300010"}});
    Reply right = must_reply(kiosk, "issue_ticket", Json{{"item", "T-SJ-001"}, {"id_number", kId}});
    REQUIRE(right.ok);
    CHECK(json_get<bool>(right.body["ticket"], "existing", false));
    int limited = 0;
    for (int day = 1; day <= 20; ++day) {
        char candidate[32];
        std::snprintf(candidate, sizeof candidate, "1101051949120%02d", day);
        Reply r = must_reply(kiosk, "check_in", Json{{"id_number", std::string(candidate) + "01X"}});
        if (r.error.code == ErrorCode::rate_limited) ++limited;
    }
    CHECK(limited >= 10);
    // Reservation codes cost the same budget: a kiosk cannot try codes at speed either.
    RequestClient scanner(server.requests(), "kiosk-3", enrol_device(server.requests(), "kiosk-3", "kiosk"));
    int codes_limited = 0;
    for (int i = 0; i < 20; ++i)
        if (must_reply(scanner, "check_in", Json{{"code", "R-GUESS-" + std::to_string(i)}}).error.code == ErrorCode::rate_limited)
            ++codes_limited;
    CHECK(codes_limited >= 9);
    CHECK(must_reply(kiosk, "issue_ticket", Json{{"item", "T-SJ-001"}, {"id_number", kId}}).error.code ==
          ErrorCode::rate_limited);
    (void)wrong;
    REQUIRE(eventually([&] { return file_text(server.log_path()).find("ALERT device kiosk-1") != std::string::npos; },
                       [&] { must_reply(kiosk, "ping"); }));
}

TEST_CASE("privacy: a kiosk issues at human speed, and a queue running out of numbers is warned about") {
    TempDir dir;
    {
        std::ofstream cfg(dir.path / "hall.json");
        cfg << R"({"policy": {"max_serial": 40}})";
    }
    ServerProcess server(dir.path / "hall.db");
    server.start({"--config", (dir.path / "hall.json").string()});
    RequestClient kiosk(server.requests(), "kiosk-1", enrol_device(server.requests(), "kiosk-1", "kiosk"));
    int issued = 0, limited = 0;
    for (int i = 0; i < 60; ++i) {
        Reply r = must_reply(kiosk, "issue_ticket", Json{{"queue", "B"}});
        if (r.ok) ++issued;
        else if (r.error.code == ErrorCode::rate_limited) ++limited;
    }
    CHECK(limited > 0);
    CHECK(issued < 60);
    RequestClient admin(server.requests(), "admin");
    for (int i = issued; i < 36; ++i) must_ok(admin, "issue_ticket", Json{{"queue", "B"}});
    server.terminate();
    std::string log = file_text(server.log_path());
    CHECK(log.find("ALERT queue B has issued 36 of its 40 numbers today") != std::string::npos);
}
