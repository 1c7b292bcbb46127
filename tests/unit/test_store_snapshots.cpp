// test_store_snapshots.cpp - stored snapshots hold only the tickets changed since the one before
// (the first of a day and of a process hold them all); a reload merges them and restores the
// state exactly, also after a batch that was rolled back and across a new day.
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "service_fixture.h"

using namespace hallq;
using namespace hallq::test;

namespace {
std::vector<std::string> column(const std::filesystem::path& db, const char* sql) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw, sql, -1, &s, nullptr) == SQLITE_OK);
    std::vector<std::string> out;
    while (sqlite3_step(s) == SQLITE_ROW) out.push_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    sqlite3_close(raw);
    return out;
}

// A hall day driven through the store: each command committed, a snapshot every `every` commits.
struct Day {
    Store& store;
    Hall& h;
    int every, n = 0;
    int64_t now = kMorning;
    bool step(const Command& c) {
        Decision d = h.decide(c, now += 1000);
        if (!d.ok()) return false;
        for (Event& e : d.events) {
            e.seq = h.seq() + 1;
            h.apply(e);
        }
        commit_events(store, d.events, h, "r" + std::to_string(h.seq()), "reply", ++n % every == 0);
        return true;
    }
    void start(const std::string& day) {
        step(Rollover{.day = day});
        for (int w = 1; w <= 4; ++w) {
            step(ClerkLogin{.window = w, .clerk = "c0" + std::to_string(w)});
            step(WindowOpen{.window = w});
        }
    }
    void work(int rounds) {
        for (int i = 0; i < rounds; ++i) {
            step(issue(i % 3 == 0 ? "A" : i % 3 == 1 ? "B" : "C"));
            int w = 1 + i % 4;
            if (!step(CallNext{.window = w})) continue;
            if (i % 5 == 0) {
                step(NoShow{.window = w});
                continue;
            }
            step(Start{.window = w});
            step(Finish{.window = w});
        }
    }
};

void same_state(const std::filesystem::path& db, const Hall& h) {
    SqliteStore reopened(db.string());
    CHECK(snapshot_json(reopened.load()) == snapshot_json(h));
}
}  // namespace

TEST_CASE("store: snapshots hold the changed tickets, and a reload restores the state exactly") {
    TempDb db("snapshots");
    Hall h;
    {
        SqliteStore store(db.path.string());
        set_up_hall(store, h);
        Day day{store, h, 7};
        day.start("2026-11-23");
        day.work(40);
        same_state(db.path, h);
        day.work(25);
        same_state(db.path, h);
        // Deltas: after the first snapshot of the day, each holds fewer tickets than the hall.
        auto sizes = column(db.path, "SELECT json_array_length(state, '$.tickets') FROM snapshots ORDER BY seq DESC LIMIT 3");
        REQUIRE(sizes.size() == 3);
        for (const auto& s : sizes) CHECK(std::stoul(s) < h.tickets().size());

        SECTION("a batch rolled back after its snapshot: the next snapshot holds every ticket") {
            store.begin_batch();
            day.every = 1;
            day.work(3);
            Event again;
            again.type = EventType::window_opened;
            again.seq = 2;  // already stored: the write fails, and the batch with it
            CHECK_THROWS_AS(commit_events(store, {again}, h, "dup", "x", false), StoreError);
            CHECK_THROWS_AS(store.end_batch(), StoreError);
            h = store.load();
            day.work(4);
            same_state(db.path, h);
        }
        SECTION("a new day starts from a whole snapshot, the days before are not read") {
            day.start("2026-11-24");
            day.work(10);
            same_state(db.path, h);
            CHECK(h.tickets().size() == 10);
        }
    }
    // A new process writes every ticket in its first snapshot.
    SqliteStore again(db.path.string());
    Hall loaded = again.load();
    CHECK(snapshot_json(loaded) == snapshot_json(h));
    const char* whole = "SELECT COUNT(*) FROM snapshots WHERE json_extract(state, '$.delta') IS NULL";
    auto before = column(db.path, whole);
    Day more{again, loaded, 3};
    more.work(5);
    CHECK(std::stoi(column(db.path, whole).at(0)) == std::stoi(before.at(0)) + 1);
    same_state(db.path, loaded);
}
