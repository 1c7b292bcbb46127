// test_status_query.cpp - the status query counts each queue's waiting, finished and longest wait
// from the hall's indexes; they agree with a count over every ticket of the day.
#include "core/local_time.h"
#include "credentials.h"
#include "service_fixture.h"

using namespace hallq;
using namespace hallq::test;

namespace {
// The status rows a pass over every ticket of the day gives: letter → {waiting, served, longest}.
std::map<std::string, std::array<int64_t, 3>> counted(const Hall& hall, int64_t now) {
    std::map<std::string, std::array<int64_t, 3>> out;
    for (const auto& q : hall.catalogue().queues) out[q.letter] = {0, 0, -1};
    for (const auto& [id, t] : hall.tickets()) {
        auto& row = out[t.queue];
        if (t.state == TicketState::done) ++row[1];
        if (t.state != TicketState::waiting) continue;
        ++row[0];
        row[2] = std::max(row[2], (now - t.issued_at) / 1000);
    }
    return out;
}
}  // namespace

TEST_CASE("status query: waiting, served and the longest wait per queue agree with every ticket") {
    int64_t now = local_time_ms("2026-11-23", 10 * 60);
    ServiceFixture f("status", now);
    REQUIRE(seed_passwords(*f.store, f.svc->hall().catalogue(), "secret99", now) > 0);
    for (int w : {1, 2}) {
        f.ok("clerk_login", Json{{"window", w}, {"clerk", "c0" + std::to_string(w)}, {"password", "secret99"}}, now);
        f.ok("window_open", Json{{"window", w}}, now);
    }
    for (int i = 0; i < 12; ++i) f.ok("issue_ticket", Json{{"queue", i % 3 ? "A" : "B"}}, now += 1000);
    auto serve = [&](int window) {
        f.ok("call_next", Json{{"window", window}}, now += 1000);
        f.ok("start", Json{{"window", window}}, now += 1000);
        f.ok("finish", Json{{"window", window}, {"outcome", "handled"}}, now += 60000);
    };
    serve(1);
    serve(2);
    serve(1);
    // Transferred: one to queue B, one to window 2 only (it waits outside its queue's backlog).
    f.ok("call_next", Json{{"window", 1}}, now += 1000);
    f.ok("transfer", Json{{"window", 1}, {"target_queue", "B"}}, now += 1000);
    f.ok("call_next", Json{{"window", 1}}, now += 1000);
    f.ok("transfer", Json{{"window", 1}, {"target_window", 2}}, now += 1000);
    f.ok("cancel_ticket", Json{{"ticket", "A008"}}, now += 1000);
    now += 5 * 60000;

    Json status = f.ok("status", Json::object(), now);
    auto expected = counted(f.svc->hall(), now);
    REQUIRE(status["queues"].size() == expected.size());
    int waiting = 0;
    for (const Json& row : status["queues"]) {
        std::string letter = row["letter"].get<std::string>();
        INFO("queue " << letter);
        const auto& e = expected.at(letter);
        CHECK(row["waiting"].get<int64_t>() == e[0]);
        CHECK(row["served"].get<int64_t>() == e[1]);
        CHECK(json_get<int64_t>(row, "longest_wait_s", -1) == e[2]);
        waiting += row["waiting"].get<int>();
    }
    CHECK(waiting == 12 - 3 - 1);  // issued, less finished and cancelled (both transferred wait)
    CHECK(expected.at("A")[1] + expected.at("B")[1] == 3);
    CHECK(f.svc->hall().waiting_targeted().size() == 1);
}
