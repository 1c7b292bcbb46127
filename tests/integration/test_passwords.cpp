// test_passwords.cpp - clerk passwords against the real server: login with the right, a wrong or
// no password, the lockout, change_password, hallserver --set-password, and no password in the
// database file or the server log.
#include <catch2/catch.hpp>

#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

namespace {
std::string everything_stored(const TempDir& dir, const ServerProcess& server) {
    std::string db_text, log_text;
    run_command("strings '" + (dir.path / "hall.db").string() + "'* 2>/dev/null", &db_text);
    run_command("cat '" + server.log_path() + "'", &log_text);
    return db_text + "\n" + log_text;
}
}  // namespace

TEST_CASE("passwords: login needs the clerk's password, and five failures lock the clerk out") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start({"--log-level", "debug"});
    RequestClient desk(server.requests(), "desk1");

    Reply missing = must_reply(desk, "clerk_login", Json{{"window", 1}, {"clerk", "c01"}});
    CHECK(missing.error.code == ErrorCode::bad_field);
    CHECK(missing.error.detail == "password");
    Reply wrong = must_reply(desk, "clerk_login", login_body(1, "c01", "Wr0ng-Guess-1"));
    CHECK(wrong.error.code == ErrorCode::wrong_password);
    CHECK(wrong.message == "工号或密码错误");
    Reply nobody = must_reply(desk, "clerk_login", login_body(1, "nobody", kClerkPassword));
    CHECK(nobody.error.code == ErrorCode::wrong_password);  // the same answer: ids cannot be probed
    CHECK(nobody.message == wrong.message);
    CHECK(nobody.error.detail == wrong.error.detail);

    for (int i = 2; i <= 5; ++i)
        CHECK(must_reply(desk, "clerk_login", login_body(1, "c01", "Wr0ng-Guess-" + std::to_string(i))).error.code ==
              ErrorCode::wrong_password);
    Reply locked = must_reply(desk, "clerk_login", login_body(1, "c01", kClerkPassword));
    CHECK(locked.error.code == ErrorCode::login_locked);
    CHECK(locked.message == "登录失败次数过多，请5分钟后再试");
    Json status = must_ok(desk, "status");
    CHECK(status["windows"][0].value("clerk", std::string()).empty());

    must_ok(desk, "clerk_login", login_body(2, "c02"));  // another clerk is not locked
    must_ok(desk, "window_open", Json{{"window", 2}});
    // c02 may not change the profile; c03 at window 3 may not either; c01 would (small-hall.json).
    Reply profile = must_reply(desk, "set_profile", Json{{"window", 2}, {"profile", Json::array({"C"})}});
    CHECK(profile.error.code == ErrorCode::not_allowed);

    server.terminate();
    std::string stored = everything_stored(dir, server);
    CHECK(stored.find("Wr0ng-Guess") == std::string::npos);
    CHECK(stored.find(kClerkPassword) == std::string::npos);
    CHECK(stored.find("failed logins") != std::string::npos);  // the lockout is in the log
}

TEST_CASE("passwords: change_password, retried, and the new password stored nowhere") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start({"--log-level", "debug"});
    RequestClient desk(server.requests(), "desk1");
    Json change{{"clerk", "c01"}, {"old_password", kClerkPassword}, {"new_password", "abc"}};
    Reply short_pw = must_reply(desk, "change_password", change);
    CHECK(short_pw.error.code == ErrorCode::bad_field);
    CHECK(short_pw.error.detail == "new_password");
    change["new_password"] = "Qk7-fresh-secret";
    change["old_password"] = "Not-The-Old-One";
    CHECK(must_reply(desk, "change_password", change).error.code == ErrorCode::wrong_password);
    change["old_password"] = kClerkPassword;
    REQUIRE(must_reply(desk, "change_password", change, "desk1-pw").ok);
    CHECK(must_reply(desk, "change_password", change, "desk1-pw").ok);  // a retry: the stored reply
    CHECK(must_reply(desk, "clerk_login", login_body(1, "c01")).error.code == ErrorCode::wrong_password);
    must_ok(desk, "clerk_login", login_body(1, "c01", "Qk7-fresh-secret"));
    // c01 may change the profile of the window they are at.
    must_ok(desk, "set_profile", Json{{"window", 1}, {"profile", Json::array({"B", "A"})}});

    // The password survives a restart (it is in the database, as a hash).
    server.kill9();
    server.start();
    RequestClient desk2(server.requests(), "desk2");
    must_ok(desk2, "clerk_logout", Json{{"window", 1}});
    must_ok(desk2, "clerk_login", login_body(1, "c01", "Qk7-fresh-secret"));
    server.terminate();
    std::string stored = everything_stored(dir, server);
    CHECK(stored.find("Qk7-fresh-secret") == std::string::npos);
    CHECK(stored.find("Not-The-Old-One") == std::string::npos);
    CHECK(stored.find(kClerkPassword) == std::string::npos);
    CHECK(stored.find("$argon2id$") != std::string::npos);
}

TEST_CASE("passwords: hallserver --set-password reads the password from stdin") {
    TempDir dir;
    std::string db = (dir.path / "hall.db").string();
    std::string set = std::string(HALLSERVER_BIN) + " --db '" + db + "' --set-password ";
    std::string out;
    CHECK(run_command("printf 'Pq4-admin-set\\n' | " + set + "c01 2>&1", &out) == 1);  // no database yet
    ServerProcess server(dir.path / "hall.db", "", false);  // no demo passwords
    server.start();
    RequestClient desk(server.requests(), "desk1");
    CHECK(must_reply(desk, "clerk_login", login_body(1, "c01")).error.code == ErrorCode::wrong_password);

    CHECK(run_command("printf 'short\\n' | " + set + "c01 2>&1", &out) == 2);
    CHECK(run_command("printf 'Pq4-admin-set\\n' | " + set + "c77 2>&1", &out) == 1);
    CHECK(out.find("c77") != std::string::npos);
    REQUIRE(run_command("printf 'Pq4-admin-set\\n' | " + set + "c01", &out) == 0);
    CHECK(out.find("c01") != std::string::npos);
    CHECK(out.find("Pq4-admin-set") == std::string::npos);
    // Taken up by the running server at once.
    must_ok(desk, "clerk_login", login_body(1, "c01", "Pq4-admin-set"));

    // hallctl: --password, $HALLQ_PASSWORD, and passwd.
    std::string ctl = std::string(HALLCTL_BIN) + " --server " + server.requests() + " ";
    REQUIRE(run_command("printf 'Pq4-admin-set\\n' | " + set + "c02", &out) == 0);
    CHECK(run_command(ctl + "login 2 c02 --password Wrong-pw-22 2>&1", &out) == 3);
    CHECK(out.find("wrong_password") != std::string::npos);
    CHECK(run_command("HALLQ_PASSWORD=Pq4-admin-set " + ctl + "login 2 c02 >/dev/null") == 0);
    REQUIRE(run_command("printf 'Pq4-admin-set\\nNw5-by-hallctl\\n' | " + ctl + "passwd c03 2>&1", &out) == 3);
    REQUIRE(run_command("printf 'Pq4-admin-set\\n' | " + set + "c03", &out) == 0);
    REQUIRE(run_command(ctl + "passwd c03 --password Pq4-admin-set --new-password Nw5-by-hallctl >/dev/null") == 0);
    CHECK(run_command(ctl + "login 3 c03 --password Nw5-by-hallctl >/dev/null") == 0);

    server.terminate();
    std::string log_text;
    run_command("cat '" + server.log_path() + "'", &log_text);
    CHECK(log_text.find("no password set") != std::string::npos);  // in the log, not the reply
    std::string stored = everything_stored(dir, server);
    CHECK(stored.find("Pq4-admin-set") == std::string::npos);
    CHECK(stored.find("Nw5-by-hallctl") == std::string::npos);
}
