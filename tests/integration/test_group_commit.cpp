// test_group_commit.cpp - a burst of concurrent requests (committed together, several per
// transaction) is answered correctly, and every acknowledged ticket survives a kill -9 sent right
// after the last reply; retries of a burst's request ids get their first answers.
#include <catch2/catch.hpp>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

TEST_CASE("A burst of concurrent tickets is acknowledged durably, numbered once, retries answered the same") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    const int kiosks = 24, each = 12;
    struct Ack {
        std::string rid, queue;
        int64_t id;
        std::string number;
    };
    std::vector<Ack> acks;
    std::mutex mu;
    std::atomic<int> wrong{0}, reused{0};
    std::vector<std::thread> threads;
    for (int k = 0; k < kiosks; ++k)
        threads.emplace_back([&, k] {
            RequestClient c(server.requests(), "burst" + std::to_string(k));
            c.set_timeout(std::chrono::seconds(10));
            for (int i = 0; i < each; ++i) {
                std::string queue = (k + i) % 2 ? "A" : "B", rid = c.next_rid();
                auto r = c.request("issue_ticket", Json{{"queue", queue}}, rid);
                if (!r || !r->ok || r->rid != rid) {
                    ++wrong;
                    continue;
                }
                // Retried at once, often inside the same batch as others' new requests.
                auto again = c.request("issue_ticket", Json{{"queue", queue}}, rid);
                if (!again || !again->ok || again->body != r->body) ++wrong;
                auto other = c.request("issue_ticket", Json{{"queue", queue == "A" ? "B" : "A"}}, rid);
                if (other && !other->ok && other->error.code == ErrorCode::rid_reused) ++reused;
                std::lock_guard lock(mu);
                acks.push_back({rid, queue, r->body["ticket"]["id"].get<int64_t>(),
                                r->body["ticket"]["number"].get<std::string>()});
            }
        });
    for (auto& t : threads) t.join();
    server.kill9();  // right after the last reply
    CHECK(wrong.load() == 0);
    CHECK(reused.load() == kiosks * each);
    REQUIRE(acks.size() == size_t(kiosks * each));

    server.start();
    RequestClient c(server.requests(), "check");
    Json state = must_ok(c, "snapshot")["state"];
    std::map<int64_t, std::string> stored;
    std::set<std::string> numbers;
    for (const auto& t : state["tickets"]) {
        stored[t["id"].get<int64_t>()] = t["number"].get<std::string>();
        numbers.insert(t["number"].get<std::string>());
    }
    CHECK(stored.size() == acks.size());    // nothing lost, nothing issued twice
    CHECK(numbers.size() == stored.size());  // no number twice
    for (const Ack& a : acks) {
        INFO("acknowledged ticket " << a.id << " " << a.number);
        REQUIRE(stored.count(a.id));
        CHECK(stored[a.id] == a.number);
    }
    // After the restart a retry is still answered from the log, with the same ticket, and
    // changes nothing.
    uint64_t seq = must_ok(c, "status")["seq"].get<uint64_t>();
    for (size_t i = 0; i < acks.size(); i += 37) {
        auto r = c.request("issue_ticket", Json{{"queue", acks[i].queue}}, acks[i].rid);
        REQUIRE(r);
        REQUIRE(r->ok);
        CHECK(r->body["ticket"]["id"].get<int64_t>() == acks[i].id);
        CHECK(r->body["ticket"]["number"].get<std::string>() == acks[i].number);
    }
    CHECK(must_ok(c, "status")["seq"].get<uint64_t>() == seq);
}
