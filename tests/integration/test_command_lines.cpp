// test_command_lines.cpp - hallserver's and hallctl's command lines: --help, errors with exit code
// 2 naming the problem, config files read in order under the command line. Nothing here needs a
// running server: a usage error is found before anything is opened.
#include <catch2/catch.hpp>
#include <fstream>

#include "protocol/messages.h"
#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

namespace {
bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("hallserver: bad options and values exit with 2 and name the problem") {
    TempDir dir;
    const std::string bin = std::string(HALLSERVER_BIN) + " --db " + (dir.path / "x.db").string();
    std::string out;
    CHECK(run_command(bin + " --rollover 25:00 2>&1", &out) == 2);
    CHECK((has(out, "--rollover") && has(out, "HH:MM")));
    CHECK(run_command(bin + " --log-level loud 2>&1", &out) == 2);
    CHECK(has(out, "debug, info, warn or error"));
    CHECK(run_command(bin + " --catalogue 2>&1", &out) == 2);  // no value
    CHECK(has(out, "--catalogue"));
    CHECK(run_command(bin + " stray-word 2>&1", &out) == 2);
    CHECK(has(out, "stray-word"));
    CHECK(run_command(bin + " --config /nonexistent/hallq.json 2>&1", &out) == 2);
    CHECK(has(out, "/nonexistent/hallq.json"));
    CHECK_FALSE(std::filesystem::exists(dir.path / "x.db"));  // nothing was opened
    REQUIRE(run_command(std::string(HALLSERVER_BIN) + " --version", &out) == 0);
    CHECK(has(out, "hallserver 0.1.0 (protocol 1, schema "));
}

TEST_CASE("hallserver: every --config is read in order, then the command line wins") {
    TempDir dir;
    const std::string hall = std::string(HALLQ_TEST_DATA) + "/small-hall.json";
    std::ofstream(dir.path / "a.json")
        << R"({"catalogue": ")" << hall << R"(", "log_level": "loud"})";
    std::ofstream(dir.path / "b.json") << R"({"log_level": "warn"})";
    const std::string a = (dir.path / "a.json").string(), b = (dir.path / "b.json").string();
    const std::string bin = std::string(HALLSERVER_BIN) + " --check ";
    std::string out;
    REQUIRE(run_command(bin + "--config " + a + " --config " + b + " 2>&1", &out) == 0);
    CHECK(has(out, "4 windows"));  // a's catalogue, and b's log level over a's bad one
    CHECK(run_command(bin + "--config " + b + " --config " + a + " 2>&1", &out) == 2);  // a's last
    CHECK(run_command(bin + "--config " + a + " --log-level info 2>&1", &out) == 0);
    CHECK(
        run_command(bin + "--log-level info --config " + a + " --catalogue /nonexistent.json 2>&1",
                    &out) == 1);
    CHECK(has(out, "/nonexistent.json"));  // the command line's catalogue, not a's
}

TEST_CASE("hallctl: --help lists the commands, a command's --help its options") {
    const std::string ctl = std::string(HALLCTL_BIN) + " ";
    std::string out;
    REQUIRE(run_command(ctl + "--help", &out) == 0);
    for (const char* verb : {"issue", "login", "next", "finish", "transfer", "rate", "check-in",
                             "reservations", "tail", "simulate", "raw"})
        CHECK(has(out, std::string("  ") + verb));
    CHECK((has(out, "--server") && has(out, "--timeout") && has(out, "Exit codes")));
    REQUIRE(run_command(ctl + "issue --help", &out) == 0);
    for (const char* opt : {"--queue", "--item", "--class", "--id-number", "--name"})
        CHECK(has(out, opt));
    CHECK(run_command(ctl, &out) == 2);  // no command: the help, and a usage exit
    CHECK(has(out, "issue"));
}

TEST_CASE("hallctl: every verb of the message table is a command with its --help") {
    size_t verbs = 0;
    for (const MessageInfo& m : message_table()) {
        if (m.verb.empty()) continue;
        std::string verb(m.verb.substr(0, m.verb.find(' ')));  // "reservations import": one command
        INFO(m.name << " → " << verb);
        std::string out;
        CHECK(run_command(std::string(HALLCTL_BIN) + " " + verb + " --help", &out) == 0);
        CHECK(has(out, "Usage: hallctl " + verb));
        ++verbs;
    }
    CHECK(verbs >= 25);
}

TEST_CASE("hallctl: usage errors exit with 2 before anything is sent, naming the problem") {
    // No server listens on this port; a usage error must come before any attempt to reach it (4).
    test_keys_dir();  // hallctl has a device key ($HALLQ_DEVICE_KEY), as on a hall's admin machine
    const std::string ctl =
        std::string(HALLCTL_BIN) + " --server tcp://127.0.0.1:9 --timeout 100 --retries 0 ";
    std::string out;
    struct Case {
        const char* args;
        const char* named;
    };
    for (const Case& c : {Case{"frobnicate", "frobnicate"}, Case{"next", "WINDOW"},
                          Case{"rate A001", "LEVEL"}, Case{"next 1 --bogus", "--bogus"},
                          Case{"issue --queue", "--queue"}, Case{"next one", "window"},
                          Case{"issue", "--queue or --item"}, Case{"next 1 2 3", "3"}}) {
        INFO(c.args);
        CHECK(run_command(ctl + c.args + " 2>&1", &out) == 2);
        CHECK(has(out, c.named));
    }
    // The options before or after the command, and the alias: the request is sent (4: no server).
    CHECK(run_command(ctl + "no-show 1 2>&1", &out) == 4);
    CHECK(run_command(std::string(HALLCTL_BIN) +
                          " next 1 --server tcp://127.0.0.1:9 --timeout 100 --retries 0 2>&1",
                      &out) == 4);
    CHECK(has(out, "tcp://127.0.0.1:9"));
}
