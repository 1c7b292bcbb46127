// test_demo.cpp - the demo hall: the server with the demo catalogue, simulated kiosks and clerks.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

TEST_CASE("demo: simulated kiosks and clerks make calls that are printed as they happen") {
    TempDir dir;
    ServerProcess server(dir.path / "demo.db", std::string(HALLQ_DEMO_DATA) + "/demo-hall.json");
    server.start();
    std::string ctl = std::string(HALLCTL_BIN) + " --server " + server.requests() + " --events " + server.events();
    std::string out;
    // Ends by itself after five calls; `timeout` only guards against a hang.
    int rc = run_command("timeout 120 " + ctl + " simulate --kiosks 3 --windows 6 --speed 3000 --stop-after-calls 5", &out);
    INFO(out);
    REQUIRE(rc == 0);
    CHECK(out.find("汉台区政务服务中心") != std::string::npos);
    int calls = 0, issued = 0;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        if (line.find("叫号 ") != std::string::npos && line.find("号窗口") != std::string::npos) ++calls;
        if (line.find("取号 ") != std::string::npos) ++issued;
    }
    CHECK(calls >= 5);
    CHECK(issued >= 1);

    // What the simulator printed is what the server committed.
    RequestClient c(server.requests(), "check");
    Json status = must_ok(c, "status");
    int open = 0;
    for (const auto& w : status["windows"]) open += w["state"] != "closed";
    CHECK(open >= 1);
}

TEST_CASE("demo: hallserver --demo finds its catalogue and --help names every option") {
    TempDir dir;
    std::string out;
    std::string db = (dir.path / "d.db").string();
    REQUIRE(run_command(std::string(HALLSERVER_BIN) + " --demo --check --db " + db, &out) == 0);
    CHECK(out.find("汉台区政务服务中心") != std::string::npos);
    CHECK(out.find("22 windows") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(db));  // a check opens nothing
    std::ofstream(dir.path / "broken.json") << R"({"queues":[{"letter":"A"}],"items":[{"code":"X","queue":"Q"}]})";
    CHECK(run_command(std::string(HALLSERVER_BIN) + " --check --catalogue " + (dir.path / "broken.json").string() +
                      " 2>&1", &out) == 1);
    CHECK(out.find("broken.json") != std::string::npos);
    REQUIRE(run_command(std::string(HALLSERVER_BIN) + " --help", &out) == 0);
    for (const char* opt : {"--config", "--db", "--requests", "--events", "--catalogue", "--demo", "--rollover", "--log-level",
                            "--init-key"})
        CHECK(out.find(opt) != std::string::npos);
    CHECK(run_command(std::string(HALLSERVER_BIN) + " --no-such-option 2>/dev/null", &out) == 2);
}
