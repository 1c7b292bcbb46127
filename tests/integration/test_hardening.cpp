// test_hardening.cpp - the hostile-network findings that are not about roles, each against the real
// server: log lines cannot be forged and repeated warnings are counted, the database and key files
// are for the server's user only, a wrong identity key refuses to start, and the login lockout is
// per clerk and device, survives a restart, and password checks have a budget per device.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

namespace {

unsigned mode_of(const std::filesystem::path& p) {
    struct stat st{};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

size_t count_of(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}
}  // namespace

TEST_CASE("hardening: request text cannot forge a log line, and a flood of bad requests is logged with a count") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    RequestClient c(server.requests(), "forger", enrol_device(server.requests(), "kiosk-1", "kiosk"));
    // A request id with a newline, a fake log line and an ANSI escape, on a request refused (and
    // logged with its id as a warning): a kiosk may not call.
    std::string rid = "x\n2026-12-02 09:00:00.000 ERROR forged line\x1b[2J\u202etxt.exe";
    CHECK(must_reply(c, "call_next", Json{{"window", 1}}, rid).error.code == ErrorCode::forbidden);
    for (int i = 0; i < 60; ++i) REQUIRE(c.request_raw("not json " + std::to_string(i)).has_value());
    must_ok(c, "ping");
    server.terminate();
    std::string log = file_text(server.log_path());
    CHECK(log.find("\nforged") == std::string::npos);
    CHECK(log.find("\n2026-12-02 09:00:00.000 ERROR forged") == std::string::npos);
    CHECK(log.find("\x1b") == std::string::npos);
    // A right-to-left override (U+202E) would show the rest of the line reversed.
    CHECK(log.find("\u202e") == std::string::npos);
    CHECK(log.find("\\n2026-12-02 09:00:00.000 ERROR forged line\\x1b[2J\\u202etxt.exe") != std::string::npos);
    // 61 refusals as bad_json: at most ten lines a minute of them.
    CHECK(count_of(log, ": bad_json ") <= 10);
    CHECK(count_of(log, ": bad_json ") >= 1);
}

TEST_CASE("hardening: the database, its journal files and the keys are for the server's user only") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    RequestClient c(server.requests(), "t");
    must_ok(c, "issue_ticket", Json{{"queue", "A"}, {"id_number", "11010519491231002X"}});
    for (const char* f : {"hall.db", "hall.db-wal", "hall.db-shm"}) {
        INFO(f);
        CHECK(mode_of(dir.path / f) == 0600);
    }
    CHECK(mode_of(test_keys_dir()) == 0700);
    CHECK(mode_of(test_keys_dir() / "server.key") == 0600);
    CHECK(mode_of(test_keys_dir() / "identity.key") == 0600);
    server.terminate();
    // An older database made with 0644 is closed at the next start.
    ::chmod((dir.path / "hall.db").c_str(), 0644);
    server.start();
    CHECK(mode_of(dir.path / "hall.db") == 0600);
}

TEST_CASE("hardening: a wrong or corrupted identity key refuses to start, and says why") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    server.terminate();
    std::filesystem::path key = test_keys_dir() / "identity.key";
    {
        std::ofstream out(key, std::ios::binary | std::ios::trunc);
        out << std::string(32, 'z');  // 32 bytes, but not the key the database was sealed with
    }
    std::string said;
    std::string cmd = std::string(HALLSERVER_BIN) + " --db " + (dir.path / "hall.db").string() + " --keys " +
                      test_keys_dir().string() + " --requests tcp://127.0.0.1:* --events tcp://127.0.0.1:* 2>&1";
    CHECK(run_command(cmd, &said) == 2);
    CHECK(said.find("is not the key this database was sealed with") != std::string::npos);
    CHECK(said.find("hallserver ready") == std::string::npos);
}

TEST_CASE("hardening: a FIFO in the identity key's place, and keys or a key directory of another user, are refused at start") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    server.terminate();
    const std::filesystem::path keys = test_keys_dir();
    std::string cmd = "timeout 20 " + std::string(HALLSERVER_BIN) + " --db " + (dir.path / "hall.db").string() +
                      " --keys " + keys.string() + " --requests tcp://127.0.0.1:* --events tcp://127.0.0.1:* 2>&1";
    std::string said;
    // A FIFO would block a plain open for ever (timeout's exit status 124): refused at once.
    std::filesystem::rename(keys / "identity.key", dir.path / "identity.key");
    REQUIRE(::mkfifo((keys / "identity.key").c_str(), 0600) == 0);
    CHECK(run_command(cmd, &said) == 2);
    CHECK(said.find("is not a regular file") != std::string::npos);
    std::filesystem::remove(keys / "identity.key");
    // The key gone, the server does not leave a new one behind that could never open the database.
    CHECK(run_command(cmd, &said) == 2);
    CHECK(said.find("the identity key file " + (keys / "identity.key").string() + " is missing") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(keys / "identity.key"));
    std::filesystem::rename(dir.path / "identity.key", keys / "identity.key");
    if (::geteuid() != 0) {
        WARN("not root: another user's files cannot be made here");
        return;
    }
    // Another user's key directory, then another user's server key: refused, root or not.
    REQUIRE(::chown(keys.c_str(), 4321, 4321) == 0);
    CHECK(run_command(cmd, &said) == 2);
    CHECK(said.find("the key directory " + keys.string() + " belongs to user 4321") != std::string::npos);
    REQUIRE(::chown(keys.c_str(), 0, 0) == 0);
    REQUIRE(::chown((keys / "server.key").c_str(), 4321, 4321) == 0);
    CHECK(run_command(cmd, &said) == 2);
    CHECK(said.find("server.key belongs to user 4321") != std::string::npos);
    REQUIRE(::chown((keys / "server.key").c_str(), 0, 0) == 0);
    server.start();  // everything back: the server starts
}

TEST_CASE("hardening: the lockout is per clerk and device, survives a restart, and checks have a budget per device") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    DeviceKey attacker_key = enrol_device(server.requests(), "desk-9", "desk");
    DeviceKey own_key = enrol_device(server.requests(), "desk-1", "desk", 1);
    {
        RequestClient attacker(server.requests(), "desk-9", attacker_key);
        for (int i = 0; i < 5; ++i)
            CHECK(must_reply(attacker, "clerk_login", login_body(1, "c01", "guess-" + std::to_string(i))).error.code ==
                  ErrorCode::wrong_password);
        Reply locked = must_reply(attacker, "clerk_login", login_body(1, "c01"));
        CHECK(locked.error.code == ErrorCode::login_locked);
        CHECK(locked.error.detail == "5 min");
    }
    server.kill9();
    server.start();
    RequestClient attacker(server.requests(), "desk-9", attacker_key);
    CHECK(must_reply(attacker, "clerk_login", login_body(1, "c01")).error.code == ErrorCode::login_locked);
    // The clerk's own desk is not locked out.
    RequestClient own(server.requests(), "desk-1", own_key);
    must_ok(own, "clerk_login", login_body(1, "c01"));
    // Random clerk ids from one device: after the budget, refused before any hash is computed.
    int limited = 0;
    for (int i = 0; i < 14; ++i) {
        Reply r = must_reply(attacker, "clerk_login", login_body(2, "nobody-" + std::to_string(i)));
        if (r.error.code == ErrorCode::rate_limited) ++limited;
        else CHECK(r.error.code == ErrorCode::wrong_password);
    }
    CHECK(limited >= 4);
    // Another device still has its budget.
    DeviceKey other_key = enrol_device(server.requests(), "desk-2", "desk", 2);
    RequestClient other(server.requests(), "desk-2", other_key);
    must_ok(other, "clerk_login", login_body(2, "c02"));
}
