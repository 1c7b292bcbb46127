// test_audit.cpp - the audit chain against the real server: a log nobody touched verifies; one
// edited with the sqlite3 shell (a body changed, a row deleted, a row put in) is reported by
// sequence number, and hallctl exits 1.
#include <catch2/catch.hpp>

#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

namespace {
void sql(const std::filesystem::path& db, const std::string& statement) {
    std::string out;
    INFO(statement);
    REQUIRE(run_command("sqlite3 '" + db.string() + "' \"" + statement + "\" 2>&1", &out) == 0);
}
}  // namespace

TEST_CASE("audit: hallctl audit verify names each event changed, deleted or put in with sqlite3") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    RequestClient c(server.requests(), "t");
    for (int i = 0; i < 8; ++i) must_ok(c, "issue_ticket", Json{{"queue", "A"}});
    uint64_t last = must_ok(c, "ping")["seq"].get<uint64_t>();
    const std::string ctl = std::string(HALLCTL_BIN) + " --server " + server.requests() + " ";
    std::string out;
    REQUIRE(run_command(ctl + "audit verify", &out) == 0);
    CHECK(out.find("the audit chain is whole: " + std::to_string(last) + " events") != std::string::npos);
    server.terminate();

    // seq 4: a ticket's body changed; seq 6: deleted; a forged event put in after the last one.
    sql(dir.path / "hall.db", "UPDATE events SET body = replace(body, '\\\"A002\\\"', '\\\"A009\\\"') WHERE seq = 4");
    sql(dir.path / "hall.db", "DELETE FROM events WHERE seq = 6");
    sql(dir.path / "hall.db", "INSERT INTO events(seq, at, type, body, chain) SELECT seq + 1, at, type, body, "
                              "'00' || substr(chain, 3) FROM events WHERE seq = " + std::to_string(last));
    server.start();
    RequestClient again(server.requests(), "t2");
    Json r = must_ok(again, "audit_verify");
    INFO(r.dump());
    CHECK(r["ok"] == false);
    Json expected = Json::array({Json{{"seq", 4}, {"problem", "modified"}},
                                 Json{{"seq", 6}, {"to", 6}, {"problem", "missing"}},
                                 // its link was made over the deleted event's
                                 Json{{"seq", 7}, {"problem", "modified"}},
                                 Json{{"seq", last + 1}, {"problem", "modified"}}});
    CHECK(r["problems"] == expected);
    CHECK(run_command(ctl.substr(0, ctl.find(" --server")) + " --server " + server.requests() + " audit verify 2>&1", &out) == 1);
    CHECK(out.find("modified: event 4") != std::string::npos);
    CHECK(out.find("missing: events 6-6 were deleted") != std::string::npos);
    CHECK(out.find("the audit chain is broken") != std::string::npos);
    // The server checked the chain when it started, and said so in its log.
    CHECK(file_text(server.log_path()).find("the audit chain is broken: 4 problem(s) in the last 20000 events, the first "
                                            "modified at event 4") != std::string::npos);
}

TEST_CASE("audit: links blanked with sqlite3, and the record of where the chain began removed or moved, are reported") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    {
        RequestClient c(server.requests(), "t");
        for (int i = 0; i < 4; ++i) must_ok(c, "issue_ticket", Json{{"queue", "A"}});
        CHECK(must_ok(c, "audit_verify")["ok"] == true);
    }
    server.terminate();
    const auto db = dir.path / "hall.db";
    auto verify = [&](const std::string& tag) {
        server.start();
        RequestClient c(server.requests(), tag);
        Json r = must_ok(c, "audit_verify");
        server.terminate();
        return r;
    };
    // Links blanked from the first event on (a prefix), so it looks stored before the chain.
    sql(db, "UPDATE events SET chain = NULL WHERE seq <= 2");
    Json r = verify("t1");
    INFO(r.dump());
    CHECK(r["ok"] == false);
    CHECK(r["problems"][0] == Json{{"seq", 1}, {"problem", "unlinked"}});
    CHECK(r["problems"][1] == Json{{"seq", 2}, {"problem", "unlinked"}});
    CHECK(r["unlinked"] == 0);
    // Every link blanked and the record removed: every event is expected to have a link.
    sql(db, "UPDATE events SET chain = ''");
    sql(db, "DELETE FROM meta WHERE key = 'chain_began'");
    r = verify("t2");
    CHECK(r["problems"][0] == Json{{"seq", 0}, {"problem", "start_missing"}});
    CHECK(r["problems"][1] == Json{{"seq", 1}, {"problem", "unlinked"}});
    // The record put back by hand, past every blanked event: not sealed, so it does not count.
    sql(db, "INSERT INTO meta(key, value) SELECT 'chain_began', MAX(seq) + 1 FROM events");
    r = verify("t3");
    CHECK(r["problems"][0] == Json{{"seq", 0}, {"problem", "start_unsealed"}});
    CHECK(r["problems"][1] == Json{{"seq", 1}, {"problem", "unlinked"}});
    CHECK(file_text(server.log_path()).find("the first start_unsealed (the record of where the chain began)") !=
          std::string::npos);
}

TEST_CASE("audit: only the admin may verify the chain") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    RequestClient desk(server.requests(), "desk-1", enrol_device(server.requests(), "desk-1", "desk", 1));
    CHECK(must_reply(desk, "audit_verify").error.code == ErrorCode::forbidden);
}

TEST_CASE("backup: hallctl backup writes a consistent copy while the hall runs, and a server restored from it has every event") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    RequestClient c(server.requests(), "t");
    for (int i = 0; i < 5; ++i) must_ok(c, "issue_ticket", Json{{"queue", "B"}});
    uint64_t seq = must_ok(c, "ping")["seq"].get<uint64_t>();
    const std::string ctl = std::string(HALLCTL_BIN) + " --server " + server.requests() + " ";
    std::filesystem::path copy = dir.path / "copy.db";
    std::string out;
    REQUIRE(run_command(ctl + "backup " + copy.string(), &out) == 0);
    CHECK(out.find("\"seq\":" + std::to_string(seq)) != std::string::npos);
    CHECK(run_command(ctl + "backup " + copy.string() + " 2>&1", &out) == 3);  // never over a file
    CHECK(out.find("path exists") != std::string::npos);
    CHECK(run_command(ctl + "backup " + (dir.path / "no-such-dir" / "x.db").string() + " 2>&1", &out) == 3);
    CHECK(run_command(ctl + "backup '" + (dir.path / "a\nb.db").string() + "' 2>&1", &out) == 3);
    CHECK(out.find("control characters") != std::string::npos);
    must_ok(c, "issue_ticket", Json{{"queue", "B"}});  // after the backup: not in it
    server.terminate();

    // Restore: the copy as the database, with the same identity key (the key directory's).
    TempDir other;
    std::filesystem::copy_file(copy, other.path / "hall.db");
    ServerProcess restored(other.path / "hall.db");
    restored.start();
    RequestClient r(restored.requests(), "r");
    CHECK(must_ok(r, "ping")["seq"].get<uint64_t>() == seq + 0);  // start adds no event on the same day
    CHECK(must_ok(r, "status")["queues"][1]["waiting"] == 5);
    CHECK(must_ok(r, "audit_verify")["ok"] == true);
}
