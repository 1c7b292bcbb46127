// test_credentials.cpp - clerk passwords: argon2id hashes, the store's credentials table (schema
// 4), the login check and lockout in the service, password changes, and passwords kept out of
// fingerprints, stored replies and the database.
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "credentials.h"
#include "service_fixture.h"
#include "protocol/commands.h"
#include "protocol/envelope.h"
#include "service.h"
#include "sqlite/sqlite_store.h"
#include "sqlite/schema.h"

using namespace hallq;
using namespace hallq::test;

namespace {
struct CredDb : TempDb {
    CredDb() : TempDb("cred") {}
};

std::string query(const std::filesystem::path& db, const char* sql) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw, sql, -1, &s, nullptr) == SQLITE_OK);
    std::string out;
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(raw);
    return out;
}

Reply send(HallService& svc, const std::string& type, const Json& body, int64_t now, std::string rid = "") {
    static int n = 0;
    if (rid.empty()) rid = "r" + std::to_string(++n);
    auto r = parse_reply(svc.handle(make_request(type, rid, body), now).reply);
    REQUIRE(r.has_value());
    return *r;
}

Json login(int window, const std::string& clerk, const std::string& password) {
    return Json{{"window", window}, {"clerk", clerk}, {"password", password}};
}
}  // namespace

TEST_CASE("credentials: argon2id hashes verify the password and nothing else") {
    std::string h = hash_password("柜台密码123");
    CHECK(h.rfind("$argon2id$", 0) == 0);
    CHECK(h.find("柜台密码123") == std::string::npos);
    CHECK(verify_password(h, "柜台密码123"));
    CHECK_FALSE(verify_password(h, "柜台密码124"));
    CHECK_FALSE(verify_password(h, ""));
    CHECK_FALSE(verify_password("", "柜台密码123"));
    CHECK_FALSE(verify_password("not a hash", "柜台密码123"));
    CHECK(hash_password("柜台密码123") != h);  // salted
}

TEST_CASE("credentials: a schema 3 database gains clerk_credentials and keeps its data") {
    CredDb db;
    Hall h;
    {
        SqliteStore store(db.path.string());
        set_up_hall(store, h, "kiosk-1", "reply-1", "f1");
    }
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.path.c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, "DROP TABLE clerk_credentials; DROP TABLE reservations; DROP TABLE devices; DROP TABLE login_failures; DROP TABLE meta; ALTER TABLE events DROP COLUMN chain; PRAGMA user_version=3;", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);

    SqliteStore store(db.path.string());
    CHECK(SqliteStore::schema_version() >= 6);
    CHECK(query(db.path, "PRAGMA user_version") == std::to_string(SqliteStore::schema_version()));
    CHECK(store.cached_reply("kiosk-1")->reply == "reply-1");
    CHECK(snapshot_json(store.load()) == snapshot_json(h));
    CHECK_FALSE(store.password_hash("c01").has_value());
    store.set_password_hash("c01", "hash-1", kMorning);
    store.set_password_hash("c01", "hash-2", kMorning + 1);
    CHECK(store.password_hash("c01") == "hash-2");
    CHECK(query(db.path, "SELECT updated_at FROM clerk_credentials WHERE clerk='c01'") == std::to_string(kMorning + 1));
    // A demo seed gives only the clerks without a password one.
    CHECK(seed_passwords(store, small_catalogue(), kDemoPassword, kMorning) == 3);
    CHECK(store.password_hash("c01") == "hash-2");
    CHECK(verify_password(*store.password_hash("c04"), kDemoPassword));
    CHECK(seed_passwords(store, small_catalogue(), kDemoPassword, kMorning) == 0);
}

TEST_CASE("credentials: decoding keeps the password out of every other field") {
    auto c = decode_command("clerk_login", login(1, "c01", "secret99"));
    REQUIRE(std::holds_alternative<Command>(c));
    CHECK(std::get<ClerkLogin>(std::get<Command>(c)).password == "secret99");
    CHECK(std::get<ClerkLogin>(std::get<Command>(c)).clerk == "c01");
    auto missing = decode_command("clerk_login", Json{{"window", 1}, {"clerk", "c01"}});
    REQUIRE(std::holds_alternative<Error>(missing));
    CHECK(std::get<Error>(missing).detail == "password");
    auto change = decode_password_change(Json{{"clerk", "c01"}, {"old_password", "a"}, {"new_password", "短密码"}});
    REQUIRE(std::holds_alternative<Error>(change));
    CHECK(std::get<Error>(change).detail == "new_password");
    auto six = decode_password_change(Json{{"clerk", "c01"}, {"old_password", "a"}, {"new_password", "六个汉字密码"}});
    REQUIRE(std::holds_alternative<PasswordChange>(six));  // six characters, though 18 bytes
}

TEST_CASE("credentials: login needs the right password, and five failures lock the clerk id") {
    CredDb db;
    ServerConfig cfg;
    SqliteStore store(db.path.string());
    HallService svc(store, cfg);
    svc.start(small_catalogue(), kMorning);
    seed_passwords(store, small_catalogue(), kDemoPassword, kMorning);
    store.set_password_hash("c02", hash_password("c02-own-pw"), kMorning);
    store.set_password_hash("ghost", hash_password("ghost-pw"), kMorning);  // not in the catalogue
    int64_t t = kMorning + 1000;

    Reply wrong = send(svc, "clerk_login", login(1, "c01", "hallq2027"), t);
    CHECK(wrong.error.code == ErrorCode::wrong_password);
    CHECK(wrong.error.detail.empty());
    CHECK(send(svc, "clerk_login", login(1, "c99", "hallq2026"), t).error.code == ErrorCode::wrong_password);
    CHECK(send(svc, "clerk_login", login(1, "ghost", "ghost-pw"), t).error.code == ErrorCode::unknown_clerk);
    CHECK(send(svc, "clerk_login", login(2, "c02", kDemoPassword), t).error.code == ErrorCode::wrong_password);
    CHECK(send(svc, "clerk_login", login(2, "c02", "c02-own-pw"), t).ok);
    CHECK(svc.hall().window(1)->clerk.empty());

    // Four more failures for c01 (five within ten minutes): locked, even with the right password.
    for (int i = 0; i < 4; ++i)
        CHECK(send(svc, "clerk_login", login(1, "c01", "guess" + std::to_string(i)), t + i).error.code ==
              ErrorCode::wrong_password);
    CHECK(send(svc, "clerk_login", login(1, "c01", kDemoPassword), t + 10).error.code == ErrorCode::login_locked);
    Json change{{"clerk", "c01"}, {"old_password", kDemoPassword}, {"new_password", "new-secret"}};
    CHECK(send(svc, "change_password", change, t + 10).error.code == ErrorCode::login_locked);
    CHECK(send(svc, "clerk_login", login(3, "c03", kDemoPassword), t + 10).ok);  // others are not locked
    int64_t later = t + 10 + LoginLockout::kLockMs;
    CHECK(send(svc, "clerk_login", login(1, "c01", kDemoPassword), later).ok);
    CHECK(svc.hall().window(1)->clerk == "c01");

    // Failures spread over more than ten minutes do not lock.
    for (int i = 0; i < 8; ++i)
        CHECK(send(svc, "clerk_login", login(4, "c04", "x"), later + i * 3 * 60'000).error.code ==
              ErrorCode::wrong_password);
}

TEST_CASE("credentials: change_password, and passwords stay out of fingerprints and stored replies") {
    CredDb db;
    ServerConfig cfg;
    {
        SqliteStore store(db.path.string());
        HallService svc(store, cfg);
        svc.start(small_catalogue(), kMorning);
        seed_passwords(store, small_catalogue(), kDemoPassword, kMorning);
        int64_t t = kMorning + 1000;
        Json change{{"clerk", "c01"}, {"old_password", "wrong-old"}, {"new_password", "Zx9-secret-pw"}};
        CHECK(send(svc, "change_password", change, t).error.code == ErrorCode::wrong_password);
        change["old_password"] = kDemoPassword;
        change["new_password"] = "short";
        Reply short_pw = send(svc, "change_password", change, t);
        CHECK(short_pw.error.code == ErrorCode::bad_field);
        CHECK(short_pw.error.detail == "new_password");
        change["new_password"] = "Zx9-secret-pw";
        Reply ok = send(svc, "change_password", change, t, "desk1-pw-1");
        REQUIRE(ok.ok);
        CHECK(ok.body["clerk"] == "c01");
        // The reply is lost and the desk retries: the same answer, though the old password is
        // no longer right.
        Reply again = send(svc, "change_password", change, t + 5, "desk1-pw-1");
        CHECK(again.ok);
        CHECK(send(svc, "clerk_login", login(1, "c01", kDemoPassword), t).error.code == ErrorCode::wrong_password);
        CHECK(send(svc, "clerk_login", login(1, "c01", "Zx9-secret-pw"), t, "desk1-login").ok);
        // A retried login is the same request: answered from the log, not refused as reused.
        Reply retry = send(svc, "clerk_login", login(1, "c01", "Zx9-secret-pw"), t + 5, "desk1-login");
        CHECK(retry.ok);
        CHECK(retry.body["seq"] == svc.hall().seq());
        CHECK(send(svc, "clerk_login", login(2, "c01", "Zx9-secret-pw"), t + 5, "desk1-login").error.code ==
              ErrorCode::rid_reused);
        CHECK(store.cached_reply("desk1-login")->reply.find("Zx9") == std::string::npos);
        CHECK(store.cached_reply("desk1-pw-1")->reply.find("Zx9") == std::string::npos);
        CHECK(store.cached_reply("desk1-pw-1")->reply.find(kDemoPassword) == std::string::npos);
    }
    std::string bytes = db.file_bytes();
    CHECK(bytes.find("Zx9-secret-pw") == std::string::npos);
    CHECK(bytes.find(kDemoPassword) == std::string::npos);
    CHECK(bytes.find("$argon2id$") != std::string::npos);
}
