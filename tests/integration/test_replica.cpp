// test_replica.cpp - the state replica converges with the server: snapshot + events, recovery
// from lost events, and from a server killed and restarted underneath it.
#include <catch2/catch.hpp>

#include "net/replica.h"
#include "protocol/codec.h"
#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

namespace {
using ms = std::chrono::milliseconds;

// A morning's worth of varied commands.
void busy_morning(RequestClient& c, int rounds) {
    for (int w = 1; w <= 2; ++w) {
        c.request("clerk_login", login_body(w, "c0" + std::to_string(w)));
        c.request("window_open", Json{{"window", w}});
    }
    for (int i = 0; i < rounds; ++i) {
        must_ok(c, "issue_ticket", Json{{"queue", i % 2 ? "A" : "B"}, {"class", i % 5 == 0 ? "green" : "normal"}});
        int w = 1 + i % 2;
        Json win{{"window", w}};
        if (c.request("call_next", win)->ok && i % 3 != 0) {
            c.request("start", win);
            c.request("finish", win);
        } else {
            c.request("no_show", win);
        }
    }
}

// Waits until the replica has every event the server has, then compares the two states.
void require_converged(Replica& replica, RequestClient& c) {
    Json server_state = must_ok(c, "snapshot")["state"];
    uint64_t seq = server_state["seq"].get<uint64_t>();
    bool caught_up = eventually([&] { return replica.synced() && replica.seq() >= seq; },
                                [&] { replica.poll(ms(50)); });
    INFO("replica seq " << replica.seq() << ", server seq " << seq);
    REQUIRE(caught_up);
    CHECK(snapshot_json(replica.hall()) == server_state);
}
}  // namespace

TEST_CASE("a replica converges with the server") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    Replica replica(server.requests(), server.events(), "display");
    replica.poll(ms(0));
    REQUIRE(replica.synced());
    int called = 0;
    replica.on_event = [&](const Event& e, const Json& wire) {
        if (e.type == EventType::ticket_called) {
            ++called;
            CHECK(wire.contains("number"));
        }
    };
    RequestClient c(server.requests(), "desk");
    busy_morning(c, 60);
    require_converged(replica, c);
    CHECK(called > 0);
    CHECK(replica.snapshots_taken() == 1);  // no gap, no resync
}

TEST_CASE("a replica that misses events resynchronises by itself") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    Replica replica(server.requests(), server.events(), "display");
    replica.poll(ms(0));
    REQUIRE(replica.synced());
    RequestClient c(server.requests(), "desk");
    busy_morning(c, 5);
    require_converged(replica, c);
    replica.drop_next_events(3);  // lost in transit
    busy_morning(c, 10);
    require_converged(replica, c);
    CHECK(replica.snapshots_taken() >= 2);
}

TEST_CASE("a replica survives the server being killed and restarted") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    Replica replica(server.requests(), server.events(), "display");
    replica.set_silence(ms(1500));
    RequestClient c(server.requests(), "desk");
    busy_morning(c, 8);
    require_converged(replica, c);
    uint64_t before = replica.seq();

    server.kill9();
    // The replica notices the silence and reports itself out of sync.
    CHECK(eventually([&] { return !replica.synced(); }, [&] { replica.poll(ms(100)); }));
    server.start();
    RequestClient c2(server.requests(), "desk2");
    busy_morning(c2, 8);
    require_converged(replica, c2);
    CHECK(replica.seq() > before);
}

TEST_CASE("a replica that stopped reading catches up with one snapshot, not one per stale heartbeat") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    Replica replica(server.requests(), server.events(), "display");
    replica.set_silence(ms(1500));
    RequestClient c(server.requests(), "desk");
    busy_morning(c, 4);
    require_converged(replica, c);
    int before = replica.snapshots_taken();
    // The display stops reading (a stalled process) for several heartbeats while the hall goes on;
    // events and heartbeats queue up behind it.
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(4500);
    while (std::chrono::steady_clock::now() < until) busy_morning(c, 1);
    // Back: the silence makes it take a snapshot; the queued heartbeats are older than that
    // snapshot and must not each make it take another.
    require_converged(replica, c);
    CHECK(replica.snapshots_taken() == before + 1);
}
