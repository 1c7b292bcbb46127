// test_display_options.cpp - hall-display's command line and config file: values read, bad ones
// refused with a reason naming the option or key. No screen needed.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "display_options.h"

using namespace hallq;

namespace {
std::string parse(std::vector<std::string> args, DisplayOptions& o) { return parse_display_options(args, o); }
// The refusal of `args` on fresh options.
std::string problem(std::vector<std::string> args) {
    DisplayOptions o;
    return parse_display_options(args, o);
}
}  // namespace

TEST_CASE("display options: the command line sets every option") {
    DisplayOptions o;
    REQUIRE(parse({"--server", "tcp://10.0.0.5:5570", "--events", "tcp://10.0.0.5:5571", "--window", "3", "--fullscreen",
                   "--size", "1366x768", "--at", "10,20", "--voice", "/opt/zh", "--template", "{chime}请{ticket}号",
                   "--repeat", "3", "--zone", "1-3,7", "--no-audio", "--rating-timeout", "20", "--trace"},
                  o) == "");
    CHECK(o.server == "tcp://10.0.0.5:5570");
    CHECK(o.window == 3);
    CHECK(o.fullscreen);
    CHECK((o.width == 1366 && o.height == 768 && o.x == 10 && o.y == 20));
    CHECK(o.voice == "/opt/zh");
    CHECK(o.repeat == 3);
    CHECK(o.zone == std::set<int>{1, 2, 3, 7});
    CHECK_FALSE(o.audio);
    CHECK(o.rating_timeout_s == 20);
    CHECK(o.trace);
}

TEST_CASE("display options: bad values are refused with the reason") {
    CHECK(problem({"--zone", "5-2"}).find("bad window range") != std::string::npos);
    CHECK(problem({"--zone", "a"}).find("bad window list") != std::string::npos);
    CHECK(problem({"--size", "big"}).find("--size") != std::string::npos);
    CHECK(problem({"--repeat", "two"}) == "--repeat needs a whole number");
    CHECK(problem({"--window"}) == "--window needs a value");
    CHECK(problem({"--bogus"}) == "unknown option --bogus");
    CHECK(problem({"--history", "6"}).find("--history") != std::string::npos);  // gone with the call list
    CHECK(problem({"--rating-timeout", "1"}).find("--rating-timeout") != std::string::npos);
    CHECK(problem({"--help"}) == "help");
}

TEST_CASE("display options: a config file, overridden by the command line") {
    auto path = std::filesystem::temp_directory_path() / ("hallq-display-" + std::to_string(getpid()) + ".json");
    std::ofstream(path) << R"({"server": "tcp://hall:5570", "window": 4, "zone": "1-2", "audio": false, "repeat": 1})";
    DisplayOptions o;
    REQUIRE(parse({"--config", path.string(), "--repeat", "2"}, o) == "");
    CHECK(o.server == "tcp://hall:5570");
    CHECK(o.window == 4);
    CHECK(o.zone == std::set<int>{1, 2});
    CHECK_FALSE(o.audio);
    CHECK(o.repeat == 2);
    std::ofstream(path) << R"({"windw": 4})";
    CHECK(parse({"--config", path.string()}, o).find("unknown key \"windw\"") != std::string::npos);
    std::ofstream(path) << R"({"window": "4"})";
    CHECK(parse({"--config", path.string()}, o).find("\"window\" must be a whole number") != std::string::npos);
    std::filesystem::remove(path);
    CHECK(parse({"--config", path.string()}, o).find("cannot read config file") != std::string::npos);
}
