// test_rating.cpp - 好差评 against the real server: a rating of a finished ticket is stored in
// the ratings table, published to subscribers and counted on its window; bad ratings change
// nothing; hallctl rates and describes ratings.
#include <catch2/catch.hpp>

#include "net/replica.h"
#include "protocol/codec.h"
#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

namespace {
using ms = std::chrono::milliseconds;

// Issues a ticket and takes it through call, start and finish at window 1; returns its number.
std::string finished_ticket(RequestClient& c) {
    Json t = must_ok(c, "issue_ticket", Json{{"item", "T-SJ-001"}})["ticket"];
    Json win{{"window", 1}};
    must_ok(c, "call_next", win);
    must_ok(c, "start", win);
    must_ok(c, "finish", win);
    return t["number"].get<std::string>();
}

// The database file as the sqlite3 shell reads it: only for checks of the stored form.
std::string sql(const std::filesystem::path& db, const std::string& query) {
    std::string out;
    REQUIRE(run_command("sqlite3 '" + db.string() + "' \"" + query + "\"", &out) == 0);
    return out;
}
}  // namespace

TEST_CASE("a rating is stored, published and counted, and bad ratings change nothing") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    Replica replica(server.requests(), server.events(), "window-screen");
    std::vector<Json> rated;
    replica.on_event = [&](const Event& e, const Json& wire) {
        if (e.type == EventType::ticket_rated) rated.push_back(wire);
    };
    replica.poll(ms(0));  // subscribed and holding a snapshot before anything happens
    REQUIRE(replica.synced());
    RequestClient c(server.requests(), "desk1");
    must_ok(c, "clerk_login", login_body(1, "c01"));
    must_ok(c, "window_open", Json{{"window", 1}});
    std::string number = finished_ticket(c);
    // The clerk leaves before the citizen has rated: the rating still names the clerk.
    must_ok(c, "clerk_logout", Json{{"window", 1}});

    Json reply = must_ok(c, "rate",
                         Json{{"ticket", number},
                              {"level", 2},
                              {"window", 1},
                              {"reasons", Json::array({"attitude", "efficiency"})},
                              {"comment", "等了很久"}});
    CHECK(reply["ticket"]["rating"] == 2);
    CHECK(reply["ticket"]["clerk"] == "c01");
    CHECK(reply["window"]["ratings"] ==
          Json{{"good", 0}, {"neutral", 0}, {"bad", 1}, {"not_rated", 0}});
    uint64_t seq = reply["seq"].get<uint64_t>();

    REQUIRE(eventually([&] { return !rated.empty(); }, [&] { replica.poll(ms(50)); }));
    const Json& e = rated.front();
    CHECK(e["seq"] == seq);
    CHECK(e["number"] == number);
    CHECK(e["window"] == 1);
    CHECK(e["clerk"] == "c01");
    CHECK(e["item"] == "T-SJ-001");
    CHECK(e["level"] == 2);
    CHECK(e["reasons"] == Json::array({"attitude", "efficiency"}));
    CHECK_FALSE(e.contains("comment"));  // free text stays off the event stream (docs/security.md); stored below

    // Refused, and nothing is written: no event, no second row.
    must_ok(c, "clerk_login", login_body(1, "c01"));
    must_ok(c, "window_open", Json{{"window", 1}});
    Json waiting = must_ok(c, "issue_ticket", Json{{"queue", "C"}})["ticket"];  // not window 1's
    uint64_t before = must_ok(c, "ping")["seq"].get<uint64_t>();
    auto refused = [&](const Json& body) { return must_reply(c, "rate", body).error.code; };
    CHECK(refused(Json{{"ticket", number}, {"level", 5}}) == ErrorCode::already_rated);
    CHECK(refused(Json{{"ticket", number}, {"level", 0}}) == ErrorCode::already_rated);
    CHECK(refused(Json{{"ticket", waiting["number"]}, {"level", 5}}) == ErrorCode::bad_state);
    CHECK(refused(Json{{"ticket", waiting["id"]}, {"level", 9}}) == ErrorCode::bad_field);
    CHECK(refused(Json{{"ticket", "Z999"}, {"level", 5}}) == ErrorCode::unknown_ticket);
    std::string other = finished_ticket(c);
    before = must_ok(c, "ping")["seq"].get<uint64_t>();
    CHECK(refused(Json{{"ticket", other}, {"level", 5}, {"reasons", Json::array({"attitude"})}}) ==
          ErrorCode::bad_field);
    CHECK(refused(Json{{"ticket", other}, {"level", 2}, {"reasons", Json::array({"rude"})}}) ==
          ErrorCode::bad_field);
    CHECK(refused(Json{{"ticket", other}, {"level", 4}, {"window", 2}}) ==
          ErrorCode::not_your_ticket);
    CHECK(must_ok(c, "ping")["seq"] == before);

    // Timed out on the screen: recorded as not rated.
    CHECK(must_ok(c, "rate", Json{{"ticket", other}, {"level", 0}})["ticket"]["rating"] == 0);
    Json status = must_ok(c, "status");
    CHECK(status["windows"][0]["ratings"] ==
          Json{{"good", 0}, {"neutral", 0}, {"bad", 1}, {"not_rated", 1}});

    Json server_state = must_ok(c, "snapshot")["state"];
    uint64_t last = server_state["seq"].get<uint64_t>();
    REQUIRE(eventually([&] { return replica.seq() >= last; }, [&] { replica.poll(ms(50)); }));
    CHECK(rated.size() == 2);
    CHECK(snapshot_json(replica.hall()) == server_state);

    server.terminate();
    // The stored form: the ratings read table (what the province's platform is to be sent) holds
    // each rating as its event told it; no query shows a rating's reasons, comment or seq.
    CHECK(sql(dir.path / "hall.db",
              "SELECT "
              "ticket_number||'|'||window||'|'||clerk||'|'||item||'|'||level||'|'||reasons||'|'||"
              "COALESCE(comment,'-')||'|'||seq FROM ratings ORDER BY id") ==
          number + "|1|c01|T-SJ-001|2|[\"attitude\",\"efficiency\"]|等了很久|" +
              std::to_string(seq) + "\n" + other + "|1|c01|T-SJ-001|0|[]|-|" +
              std::to_string(last) + "\n");
    // The stored form: the ratings read table agrees with the event log, row for event.
    CHECK(sql(dir.path / "hall.db",
              "SELECT COUNT(*) FROM ratings r JOIN events e ON e.seq = r.seq "
              "WHERE e.type = 'ticket_rated' AND r.day = (SELECT day FROM tickets LIMIT 1)") ==
          "2\n");

    // Ratings survive a restart: the state is reloaded with them.
    server.start();
    RequestClient c2(server.requests(), "desk1");
    CHECK(must_reply(c2, "rate", Json{{"ticket", number}, {"level", 5}}).error.code ==
          ErrorCode::already_rated);
    CHECK(must_ok(c2, "status")["windows"][0]["ratings"]["bad"] == 1);
}

TEST_CASE("hallctl rates a ticket and tail describes the rating") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    std::string ctl = std::string(HALLCTL_BIN) + " --server " + server.requests() + " --events " +
                      server.events() + " ";
    std::string out;
    REQUIRE(run_command("HALLQ_PASSWORD=hallq2026 " + ctl + "login 1 c01 && " + ctl + "open 1 > /dev/null", &out) == 0);
    REQUIRE(run_command(ctl + "issue --queue A && " + ctl + "next 1 && " + ctl + "start 1 && " +
                            ctl + "finish 1 > /dev/null",
                        &out) == 0);
    REQUIRE(run_command(ctl + "rate A001 5", &out) == 0);
    CHECK(out.find("\"rating\":5") != std::string::npos);
    CHECK(run_command(ctl + "rate A001 4 2>&1", &out) == 3);
    CHECK(out.find("already_rated: 该号票已评价 / This ticket has already been rated") !=
          std::string::npos);
    CHECK(run_command(ctl + "rate A001 2>&1", &out) == 2);  // the level is required

    // tail --calls runs until interrupted; rate finished tickets until a rating line shows.
    TempDir work;
    std::string f = (work.path / "tail.out").string();
    std::string cycle =
        "n=$(" + ctl +
        "issue --queue A | grep -o '\"number\":\"[A-Z0-9]*\"' | cut -d'\"' -f4) && " + ctl +
        "next 1 && " + ctl + "start 1 && " + ctl + "finish 1 && " + ctl +
        "rate $n 2 --reasons attitude,materials";
    std::string script = ctl + "tail --calls > " + f + " 2>&1 & pid=$!; " +  //
                         "for i in $(seq 100); do grep -q 评价 " + f + " && break; " +  //
                         "(" + cycle + ") > /dev/null 2>&1; done; " +                 //
                         "kill -INT $pid; wait $pid; cat " + f;
    REQUIRE(run_command(script, &out) == 0);
    INFO(out);
    CHECK(out.find("号窗口): 不满意 [态度不好、材料要求不明]") != std::string::npos);
    CHECK(out.find("评价 A0") != std::string::npos);
}
