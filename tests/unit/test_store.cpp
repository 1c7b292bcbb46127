// test_store.cpp - the SQLite store on a real temp file: migrations, one transaction per
// command, state reloaded from snapshot + events, reply cache for retries.
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "service_fixture.h"
#include "sqlite/schema.h"

using namespace hallq;
using namespace hallq::test;

namespace {
// Decides, applies and commits a command the way the service does.
void commit(Store& store, Hall& h, const Command& c, int64_t now, const std::string& rid, bool snap = false) {
    Decision d = h.decide(c, now);
    REQUIRE(d.ok());
    for (Event& e : d.events) {
        e.seq = h.seq() + 1;
        h.apply(e);
    }
    commit_events(store, d.events, h, rid, "reply-" + rid, snap);
}

void exec_sql(const std::filesystem::path& db, const char* sql) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
    char* err = nullptr;
    int rc = sqlite3_exec(raw, sql, nullptr, nullptr, &err);
    INFO((err ? err : ""));
    sqlite3_free(err);
    sqlite3_close(raw);
    REQUIRE(rc == SQLITE_OK);
}

std::string pragma(const std::filesystem::path& db, const char* sql) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw, sql, -1, &s, nullptr) == SQLITE_OK);
    std::string out = sqlite3_step(s) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(s, 0)) : "";
    sqlite3_finalize(s);
    sqlite3_close(raw);
    return out;
}
}  // namespace

TEST_CASE("store: migrations, WAL, reload from snapshot plus events") {
    TempDb db;
    Hall h;
    {
        SqliteStore store(db.path.string());
        set_up_hall(store, h);
        commit(store, h, Rollover{.day = "2026-11-23"}, kMorning, "");
        for (int i = 0; i < 5; ++i) commit(store, h, issue("A"), kMorning + i, "k-" + std::to_string(i), i == 2);
        REQUIRE(store.last_seq() == h.seq());
        REQUIRE(store.cached_reply("k-3").has_value());
        CHECK(store.cached_reply("k-3")->reply == "reply-k-3");
        CHECK_FALSE(store.cached_reply("never-sent").has_value());
    }
    CHECK(pragma(db.path, "PRAGMA journal_mode") == "wal");
    CHECK(pragma(db.path, "PRAGMA user_version") == std::to_string(SqliteStore::schema_version()));
    CHECK(pragma(db.path, "SELECT COUNT(*) FROM tickets WHERE day='2026-11-23'") == "5");

    SqliteStore reopened(db.path.string());
    Hall loaded = reopened.load();
    CHECK(snapshot_json(loaded) == snapshot_json(h));
    // The next number continues after a reload.
    Decision d = loaded.decide(issue("A"), kMorning + 10);
    REQUIRE(d.ok());
    CHECK(d.events[0].issued->number == "A006");
}

TEST_CASE("store: a number is never stored twice for one day") {
    TempDb db;
    SqliteStore store(db.path.string());
    Hall h;
    set_up_hall(store, h);
    commit(store, h, Rollover{.day = "2026-11-23"}, kMorning, "");
    Hall stale = h;  // a state that missed the commit below
    commit(store, h, issue("A"), kMorning, "first");
    Decision d = stale.decide(issue("A"), kMorning + 1);  // would reuse A001
    REQUIRE(d.ok());
    auto other = std::make_shared<Ticket>(*d.events[0].issued);
    other->id += 100;  // a different ticket with the same number
    d.events[0].issued = other;
    d.events[0].ticket = other->id;
    d.events[0].seq = h.seq() + 1;
    stale.apply(d.events[0]);
    CHECK_THROWS_AS(commit_events(store, d.events, stale, "second", "x", false), StoreError);
    CHECK_FALSE(store.cached_reply("second").has_value());  // rolled back entirely
    CHECK(store.last_seq() == h.seq());
}

TEST_CASE("store: a database from a newer version is refused") {
    TempDb db;
    { SqliteStore store(db.path.string()); }
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.path.c_str(), &raw) == SQLITE_OK);
    sqlite3_exec(raw, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
    CHECK_THROWS_AS(SqliteStore(db.path.string()), StoreError);
}

TEST_CASE("store: a schema 1 database is migrated and keeps what it held") {
    TempDb db;
    exec_sql(db.path, schema::kMigrations[0].sql);
    exec_sql(db.path, "PRAGMA user_version=1; INSERT INTO requests(rid, at, reply) VALUES('old-1', 1, 'old reply');");
    SqliteStore store(db.path.string());
    CHECK(pragma(db.path, "PRAGMA user_version") == std::to_string(SqliteStore::schema_version()));
    auto old = store.cached_reply("old-1");
    REQUIRE(old.has_value());
    CHECK(old->reply == "old reply");
    CHECK(old->fingerprint.empty());  // unknown for old rows: answered as before
    Hall h;
    set_up_hall(store, h, "new-1", "new reply", "0123456789abcdef");
    CHECK(store.cached_reply("new-1")->fingerprint == "0123456789abcdef");
}

TEST_CASE("store: a schema 2 database gains the ratings table, keeps its data, and stores a rating") {
    TempDb db;
    Hall h;
    // A hall with a ticket and a cached reply; without the ratings table and at user_version 2 it
    // is the database the schema 2 release wrote.
    {
        SqliteStore store(db.path.string());
        set_up_hall(store, h);
        commit(store, h, Rollover{.day = "2026-11-23"}, kMorning, "");
        commit(store, h, issue("A"), kMorning, "kiosk-1");
    }
    exec_sql(db.path, "DROP TABLE ratings; DROP TABLE clerk_credentials; DROP TABLE reservations; DROP TABLE devices; DROP TABLE login_failures; DROP TABLE meta; ALTER TABLE events DROP COLUMN chain; PRAGMA user_version=2;");
    REQUIRE(pragma(db.path, "SELECT COUNT(*) FROM sqlite_master WHERE name='ratings'") == "0");

    SqliteStore store(db.path.string());
    CHECK(pragma(db.path, "PRAGMA user_version") == std::to_string(SqliteStore::schema_version()));
    CHECK(store.cached_reply("kiosk-1")->reply == "reply-kiosk-1");
    CHECK(pragma(db.path, "SELECT number FROM tickets") == "A001");
    CHECK(snapshot_json(store.load()) == snapshot_json(h));

    commit(store, h, ClerkLogin{.window = 1, .clerk = "c01"}, kMorning, "l");
    commit(store, h, WindowOpen{.window = 1}, kMorning, "o");
    commit(store, h, CallNext{.window = 1}, kMorning, "n");
    commit(store, h, Start{.window = 1}, kMorning, "s");
    commit(store, h, Finish{.window = 1, .items = {"T-SJ-002"}}, kMorning + 60'000, "f");
    Rate rate{.ticket = {.number = "A001"}, .level = 2, .reasons = {"attitude", "guidance"}, .comment = "指引不清楚"};
    commit(store, h, rate, kMorning + 70'000, "r");
    CHECK(pragma(db.path,
                 "SELECT day||'|'||ticket_id||'|'||ticket_number||'|'||window||'|'||clerk||'|'||"
                 "COALESCE(item,'-')||'|'||level||'|'||reasons||'|'||comment||'|'||at||'|'||"
                 "(seq = (SELECT MAX(seq) FROM events)) FROM ratings") ==
          "2026-11-23|1|A001|1|c01|T-SJ-002|2|[\"attitude\",\"guidance\"]|指引不清楚|" +
              std::to_string(kMorning + 70'000) + "|1");
    CHECK(pragma(db.path, "SELECT type FROM events ORDER BY seq DESC LIMIT 1") == "ticket_rated");
    CHECK(snapshot_json(store.load()) == snapshot_json(h));
    // The table holds one rating per ticket, whatever reaches it.
    Hall twice = h;
    Event again;
    again.type = EventType::ticket_rated;
    again.ticket = 1;
    again.window = 1;
    again.seq = h.seq() + 1;
    again.at = kMorning + 80'000;
    CHECK_THROWS_AS(commit_events(store, {again}, twice, "r2", "x", false), StoreError);
    CHECK(pragma(db.path, "SELECT COUNT(*) FROM ratings") == "1");
}
