// test_group_commit.cpp - the service's batches (group commit) on a real store file: requests
// handled in one batch are stored together, retries and reused ids inside a batch are answered as
// outside one, and a storage failure anywhere fails the whole batch and reloads the state.
#include <sqlite3.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "service_fixture.h"

using namespace hallq;
using namespace hallq::test;

namespace {
struct Batched : ServiceFixture {
    int64_t noon = local_time_ms("2026-11-23", 12 * 60);
    Batched() : ServiceFixture("batch", local_time_ms("2026-11-23", 12 * 60)) {}
    HallService::Outcome issue(const std::string& queue, const std::string& rid) {
        return handle("issue_ticket", Json{{"queue", queue}}, noon, rid);
    }
};
}  // namespace

TEST_CASE("group commit: a batch is stored together, retries and reused ids inside it are answered") {
    Batched b;
    uint64_t seq = b.svc->hall().seq();
    REQUIRE(b.svc->begin_batch());
    auto first = b.issue("A", "k1");
    auto second = b.issue("B", "k2");
    auto retry = b.issue("A", "k1");   // the same request again, before the batch is committed
    auto reused = b.issue("B", "k1");  // the same id for another request
    CHECK(b.store->in_batch());
    REQUIRE(b.svc->end_batch());
    CHECK_FALSE(b.store->in_batch());
    CHECK(first.rid == "k1");
    CHECK(Batched::parsed(first.reply).ok);
    CHECK(Batched::parsed(second.reply).body["ticket"]["number"] == "B001");
    CHECK(retry.reply == first.reply);
    CHECK(retry.publish.empty());
    CHECK(Batched::parsed(reused.reply).error.code == ErrorCode::rid_reused);
    CHECK(first.publish.size() == 1);
    CHECK(b.store->last_seq() == seq + 2);

    // What the batch stored is what a restarted server finds.
    Hall reloaded = b.store->load();
    CHECK(reloaded.seq() == seq + 2);
    CHECK(reloaded.tickets().size() == 2);
    CHECK(b.store->cached_reply("k1")->reply == first.reply);
}

TEST_CASE("group commit: a storage failure in a batch fails all of it and reloads the state") {
    Batched b;
    auto before = b.issue("A", "k0");  // committed on its own
    REQUIRE(Batched::parsed(before.reply).ok);
    uint64_t seq = b.svc->hall().seq();
    // Another connection makes every ticket of queue C fail to store.
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(b.db.path.c_str(), &raw) == SQLITE_OK);
    const char* trigger =
        "CREATE TRIGGER no_c BEFORE INSERT ON tickets WHEN NEW.queue = 'C' BEGIN SELECT RAISE(ABORT, 'refused'); END";
    REQUIRE(sqlite3_exec(raw, trigger, nullptr, nullptr, nullptr) == SQLITE_OK);

    REQUIRE(b.svc->begin_batch());
    auto a = b.issue("A", "k1");  // fine on its own, but in the failing batch
    CHECK(Batched::parsed(a.reply).ok);
    auto c = b.issue("C", "k2");  // the failure
    CHECK(Batched::parsed(c.reply).error.code == ErrorCode::internal);
    auto after = b.issue("B", "k3");  // after the failure, in the same batch
    CHECK(Batched::parsed(after.reply).error.code == ErrorCode::internal);
    CHECK_FALSE(b.svc->end_batch());
    // The server answers every request of the batch with this reply:
    CHECK(Batched::parsed(HallService::internal_error_reply("k1")).error.detail == "storage");

    CHECK(b.svc->hall().seq() == seq);  // nothing of the batch in memory
    CHECK(b.svc->hall().tickets().size() == 1);
    CHECK(b.store->last_seq() == seq);  // nor on disk
    CHECK_FALSE(b.store->cached_reply("k1").has_value());

    REQUIRE(sqlite3_exec(raw, "DROP TRIGGER no_c", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    REQUIRE(b.svc->begin_batch());
    auto again = b.issue("A", "k1");  // a retry is decided anew, and now succeeds
    REQUIRE(b.svc->end_batch());
    CHECK(Batched::parsed(again.reply).body["ticket"]["number"] == "A002");
    CHECK(b.store->last_seq() == seq + 1);
}
