// test_concurrency.cpp - concurrent kiosks and clerks against one real server; idempotent retries.
#include <catch2/catch.hpp>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

TEST_CASE("concurrent kiosks and clerks: unique numbers, no lost tickets") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    constexpr int kKiosks = 6, kPerKiosk = 40;
    std::mutex mu;
    std::vector<Json> issued;
    std::atomic<bool> kiosks_done{false};
    std::atomic<int> served{0};

    std::vector<std::thread> threads;
    for (int k = 0; k < kKiosks; ++k)
        threads.emplace_back([&, k] {
            RequestClient c(server.requests(), "kiosk" + std::to_string(k));
            for (int i = 0; i < kPerKiosk; ++i) {
                auto r = c.request("issue_ticket", Json{{"queue", (i + k) % 3 == 0 ? "B" : "A"}});
                std::lock_guard lock(mu);
                if (r && r->ok) issued.push_back(r->body["ticket"]);
            }
        });
    std::vector<std::thread> clerks;
    for (int w = 1; w <= 3; ++w)
        clerks.emplace_back([&, w] {
            RequestClient c(server.requests(), "desk" + std::to_string(w));
            Json win{{"window", w}};
            c.request("clerk_login", login_body(w, "c0" + std::to_string(w)));
            c.request("window_open", win);
            for (;;) {
                bool no_more_arrivals = kiosks_done;  // read before asking, so the answer is newer
                auto r = c.request("call_next", win);
                if (!r) break;
                if (!r->ok) {
                    if (no_more_arrivals) break;  // queue empty and nothing more will come
                    continue;
                }
                c.request("start", win);
                auto f = c.request("finish", win);
                if (f && f->ok) ++served;
            }
        });
    for (auto& t : threads) t.join();
    kiosks_done = true;
    for (auto& t : clerks) t.join();

    REQUIRE(issued.size() == size_t(kKiosks * kPerKiosk));
    std::set<std::string> numbers;
    std::set<int64_t> ids;
    std::map<std::string, std::set<int>> serials;
    for (const auto& t : issued) {
        numbers.insert(t["number"].get<std::string>());
        ids.insert(t["id"].get<int64_t>());
        serials[t["queue"].get<std::string>()].insert(t["serial"].get<int>());
    }
    CHECK(numbers.size() == issued.size());
    CHECK(ids.size() == issued.size());
    for (const auto& [letter, s] : serials) {  // 1..n with no gap
        CHECK(*s.begin() == 1);
        CHECK(*s.rbegin() == int(s.size()));
    }
    RequestClient c(server.requests(), "check");
    Json state = must_ok(c, "snapshot")["state"];
    REQUIRE(state["tickets"].size() == issued.size());
    int done = 0;
    for (const auto& t : state["tickets"]) done += t["state"] == "done";
    CHECK(done == served.load());
    CHECK(done == int(issued.size()));  // the clerks drained the queues
}

TEST_CASE("a repeated request id returns the first answer, never a second ticket") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    RequestClient c(server.requests(), "kiosk");
    Reply first = must_reply(c, "issue_ticket", Json{{"queue", "A"}}, "kiosk-retry-1");
    REQUIRE(first.ok);
    Reply again = must_reply(c, "issue_ticket", Json{{"queue", "A"}}, "kiosk-retry-1");
    REQUIRE(again.ok);
    CHECK(again.body["ticket"]["id"] == first.body["ticket"]["id"]);
    CHECK(again.body["ticket"]["number"] == first.body["ticket"]["number"]);
    Json next = must_ok(c, "issue_ticket", Json{{"queue", "A"}});
    CHECK(next["ticket"]["number"] == "A002");

    SECTION("also after a restart") {
        server.kill9();
        server.start();
        RequestClient c2(server.requests(), "kiosk");
        Reply later = must_reply(c2, "issue_ticket", Json{{"queue", "A"}}, "kiosk-retry-1");
        CHECK(later.body["ticket"]["number"] == "A001");
        Json state = must_ok(c2, "snapshot")["state"];
        CHECK(state["tickets"].size() == 2);
    }
    SECTION("a call is not made twice") {
        must_ok(c, "clerk_login", login_body(1, "c01"));
        must_ok(c, "window_open", Json{{"window", 1}});
        Reply call1 = must_reply(c, "call_next", Json{{"window", 1}}, "desk-call-7");
        Reply call2 = must_reply(c, "call_next", Json{{"window", 1}}, "desk-call-7");
        REQUIRE(call1.ok);
        CHECK(call2.ok);
        CHECK(call2.body["ticket"]["number"] == "A001");
        CHECK(call1.body["seq"] == call2.body["seq"]);
        Json t2 = must_ok(c, "ticket", Json{{"ticket", "A002"}});
        CHECK(t2["ticket"]["state"] == "waiting");
    }
    SECTION("a request id reused for another request is refused, not answered with the old reply") {
        Reply other = must_reply(c, "issue_ticket", Json{{"queue", "B"}}, "kiosk-retry-1");
        CHECK_FALSE(other.ok);
        CHECK(other.error.code == ErrorCode::rid_reused);
        Reply login = must_reply(c, "clerk_login", login_body(1, "c01"), "kiosk-retry-1");
        CHECK(login.error.code == ErrorCode::rid_reused);
        Json status = must_ok(c, "status");
        CHECK(status["windows"][0].value("clerk", std::string()).empty());  // no login happened
        Json state = must_ok(c, "snapshot")["state"];
        CHECK(state["tickets"].size() == 2);  // A001 and A002 only: no B ticket
    }
}

TEST_CASE("the request client retries through a server outage with the same id") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    RequestClient c(server.requests(), "kiosk");
    must_ok(c, "issue_ticket", Json{{"queue", "A"}});
    server.kill9();
    c.set_timeout(std::chrono::milliseconds(400));
    c.set_retries(0);
    auto none = c.request("issue_ticket", Json{{"queue", "A"}}, "outage-1");
    CHECK_FALSE(none.has_value());  // unreachable: the caller is told, nothing invented
    server.start();
    c.set_retries(20);
    auto r = c.request("issue_ticket", Json{{"queue", "A"}}, "outage-1");
    REQUIRE(r.has_value());
    REQUIRE(r->ok);
    CHECK(r->body["ticket"]["number"] == "A002");
}
