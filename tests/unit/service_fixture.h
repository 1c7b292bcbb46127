// service_fixture.h - a temporary database file and a hall service on it, for the unit tests of
// the store and the service pipeline (real SQLite files, the clock under the test's control).
#pragma once
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "config.h"
#include "hall_fixture.h"
#include "identity_vault.h"
#include "protocol/envelope.h"
#include "service.h"
#include "sqlite/sqlite_store.h"

namespace hallq::test {

// A database path in the temp folder, unique to the test process; the file, its WAL and shared
// memory (and an identity key beside it) are removed before and after.
struct TempDb {
    std::filesystem::path path;
    explicit TempDb(const std::string& stem = "store")
        : path(std::filesystem::temp_directory_path() / ("hallq-" + stem + "-" + std::to_string(getpid()) + ".db")) {
        clean();
    }
    ~TempDb() { clean(); }
    TempDb(const TempDb&) = delete;
    TempDb& operator=(const TempDb&) = delete;
    void clean() const {
        for (const char* s : {"", "-wal", "-shm", ".key"}) std::filesystem::remove(path.string() + s);
    }
    // The bytes of the database file and its WAL (to check what is, and is not, at rest).
    std::string file_bytes() const {
        std::string all;
        for (const char* s : {"", "-wal"}) {
            std::ifstream in(path.string() + s, std::ios::binary);
            std::stringstream buf;
            buf << in.rdbuf();
            all += buf.str();
        }
        return all;
    }
};

// Commits numbered events, already applied to `after`, the way the service does; with a request
// id, `reply` is stored under it.
inline void commit_events(Store& store, const std::vector<Event>& events, const Hall& after,
                          const std::string& rid = "", const std::string& reply = "", bool snapshot = false,
                          const std::string& fingerprint = "") {
    UnitOfWork w;
    w.events = events;
    w.after = &after;
    w.rid = rid;
    w.reply = reply;
    w.fingerprint = fingerprint;
    w.snapshot = snapshot;
    w.at = events.empty() ? 0 : events.back().at;
    store.commit(w);
}

// Sets `h` up with the small catalogue (event 1 at `now`) and commits that with a snapshot.
inline void set_up_hall(Store& store, Hall& h, const std::string& rid = "", const std::string& reply = "",
                        const std::string& fingerprint = "", int64_t now = kMorning) {
    Event setup = Hall::setup(small_catalogue(), Policy{}, now);
    setup.seq = 1;
    h.apply(setup);
    commit_events(store, {setup}, h, rid, reply, true, fingerprint);
}

// A started hall service with the small catalogue, on a TempDb, at `now`.
struct ServiceFixture {
    TempDb db;
    ServerConfig cfg;
    std::unique_ptr<Store> store;
    std::unique_ptr<HallService> svc;
    int n = 0;

    explicit ServiceFixture(const std::string& stem, int64_t now, const IdentityVault* vault = nullptr,
                            int rollover_minutes = 0)
        : db(stem) {
        cfg.rollover_minutes = rollover_minutes;
        store = std::make_unique<SqliteStore>(db.path.string());
        svc = std::make_unique<HallService>(*store, cfg, vault);
        svc->start(small_catalogue(), now);
    }
    ~ServiceFixture() {
        svc.reset();
        store.reset();
    }
    HallService::Outcome handle(const std::string& type, const Json& body, int64_t now, std::string rid = "") {
        if (rid.empty()) rid = "r" + std::to_string(++n);
        return svc->handle(make_request(type, rid, body), now);
    }
    Reply send(const std::string& type, const Json& body, int64_t now, std::string rid = "") {
        return parsed(handle(type, body, now, std::move(rid)).reply);
    }
    Json ok(const std::string& type, const Json& body, int64_t now) {
        Reply r = send(type, body, now);
        INFO(type << " refused: " << to_string(r.error.code) << " " << r.error.detail);
        REQUIRE(r.ok);
        return r.body;
    }
    static Reply parsed(const std::string& reply) {
        auto r = parse_reply(reply);
        REQUIRE(r.has_value());
        return *r;
    }
};

}  // namespace hallq::test
