// test_hallctl.cpp - the command-line client against a real server: exit codes and output.
#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

TEST_CASE("hallctl issues, calls and reports refusals with exit codes") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    std::string ctl = std::string(HALLCTL_BIN) + " --server " + server.requests() + " --events " + server.events() + " ";
    std::string out;
    REQUIRE(run_command(ctl + "issue --queue A", &out) == 0);
    Json issued = Json::parse(out);
    CHECK(issued["ticket"]["number"] == "A001");
    REQUIRE(run_command(ctl + "login 1 c01 --password hallq2026", &out) == 0);
    REQUIRE(run_command(ctl + "open 1", &out) == 0);
    REQUIRE(run_command(ctl + "next 1", &out) == 0);
    CHECK(Json::parse(out)["ticket"]["state"] == "called");
    CHECK(run_command(ctl + "next 1 2>&1", &out) == 3);  // busy: refused with a reason
    CHECK(out.find("window_busy") != std::string::npos);
    CHECK(run_command(ctl + "issue --queue A --id-number 123 2>&1", &out) == 3);
    CHECK(out.find("invalid_id_number") != std::string::npos);
    CHECK(run_command(ctl + "frobnicate 2>&1", &out) == 2);
    REQUIRE(run_command(ctl + "status", &out) == 0);
    CHECK(Json::parse(out)["queues"][0]["issued"] == 1);

    SECTION("tail prints the calls") {
        REQUIRE(run_command(ctl + "start 1", &out) == 0);
        REQUIRE(run_command(ctl + "finish 1", &out) == 0);
        run_command(ctl + "issue --queue B", &out);
        // tail prints the next event as a JSON line and stops.
        std::string tail_out;
        std::atomic<bool> tail_done{false};
        std::thread tail([&] {
            run_command(ctl + "tail --count 1", &tail_out);
            tail_done = true;
        });
        // Keep issuing until the tail has seen one (it subscribes asynchronously).
        RequestClient c(server.requests(), "t");
        bool seen = eventually([&] { return tail_done.load(); },
                               [&] { c.request("issue_ticket", Json{{"queue", "B"}}); },
                               std::chrono::seconds(20));
        tail.join();
        REQUIRE(seen);
        CHECK(Json::parse(tail_out)["type"] == "ticket_issued");
    }
    SECTION("Ctrl-C ends tail cleanly") {
        TempDir work;
        std::string f = (work.path / "tail.out").string();
        // tail runs until interrupted; once it has printed an event it is surely listening.
        std::string script = ctl + "tail > " + f + " 2>&1 & pid=$!; "
                             "for i in $(seq 200); do grep -q ticket_issued " + f + " && break; " +
                             ctl + "issue --queue C > /dev/null; done; "
                             "kill -INT $pid; wait $pid; echo rc=$?; cat " + f;
        REQUIRE(run_command("bash -c '" + script + "'", &out) == 0);
        INFO(out);
        CHECK(out.find("rc=0") != std::string::npos);
        CHECK(out.find("Interrupted") == std::string::npos);
    }
    server.kill9();
    CHECK(run_command(ctl + "--timeout 200 --retries 0 ping 2>&1", &out) == 4);
}
