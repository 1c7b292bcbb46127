// test_crash.cpp - kill -9 under load: every acknowledged ticket survives, no number is reused.
#include <catch2/catch.hpp>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

TEST_CASE("SIGKILL under load loses no acknowledged ticket and reuses no number") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    std::map<int64_t, std::string> acknowledged;  // id → number
    std::mutex mu;

    for (int round = 0; round < 3; ++round) {
        std::atomic<bool> stop{false};
        std::atomic<int> acks{0};
        std::vector<std::thread> kiosks;
        for (int k = 0; k < 3; ++k)
            kiosks.emplace_back([&, k] {
                RequestClient c(server.requests(), "kiosk" + std::to_string(k));
                c.set_timeout(std::chrono::milliseconds(300));
                c.set_retries(0);
                while (!stop) {
                    auto r = c.request("issue_ticket", Json{{"queue", k == 0 ? "B" : "A"}});
                    if (!r || !r->ok) continue;
                    std::lock_guard lock(mu);
                    acknowledged[r->body["ticket"]["id"].get<int64_t>()] = r->body["ticket"]["number"].get<std::string>();
                    ++acks;
                }
            });
        // Kill once the load is well under way.
        REQUIRE(eventually([&] { return acks.load() >= 60; }, [] { std::this_thread::yield(); }));
        server.kill9();
        stop = true;
        for (auto& t : kiosks) t.join();
        server.start();

        RequestClient c(server.requests(), "check");
        Json state = must_ok(c, "snapshot")["state"];
        std::map<int64_t, std::string> stored;
        std::set<std::string> numbers;
        for (const auto& t : state["tickets"]) {
            stored[t["id"].get<int64_t>()] = t["number"].get<std::string>();
            numbers.insert(t["number"].get<std::string>());
        }
        CHECK(numbers.size() == stored.size());  // no number twice
        std::lock_guard lock(mu);
        for (const auto& [id, number] : acknowledged) {
            INFO("acknowledged ticket " << id << " " << number << " after crash " << round);
            REQUIRE(stored.count(id));
            CHECK(stored[id] == number);
        }
        // The next ticket continues the sequence; it does not reuse a number.
        Json next = must_ok(c, "issue_ticket", Json{{"queue", "A"}})["ticket"];
        CHECK(numbers.count(next["number"].get<std::string>()) == 0);
        acknowledged[next["id"].get<int64_t>()] = next["number"].get<std::string>();
    }
}
