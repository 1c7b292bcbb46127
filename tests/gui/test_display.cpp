// test_display.cpp - hall-display on a virtual screen against a real hall server: calls shown,
// recovery after a server restart, a rating tapped on the window screen reaching the server.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "alsa_file_config.h"
#include "gui_process.h"
#include "hall_queries.h"
#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

namespace {
struct Hall {
    TempDir dir;
    ServerProcess server{dir.path / "hall.db"};
    HallQueries ask{server};
    std::unique_ptr<RequestClient> desk;

    Hall() {
        server.start();
        desk = std::make_unique<RequestClient>(server.requests(), "desk");
    }
    std::vector<std::string> endpoints() const { return {"--server", server.requests(), "--events", server.events()}; }
    void open_window(int w, const std::string& clerk) {
        must_ok(*desk, "clerk_login", login_body(w, clerk));
        must_ok(*desk, "window_open", Json{{"window", w}});
    }
    // The one rating recorded: its ticket_rated event (window, clerk, item and level, as the
    // ratings table gets them) with its ticket's number; the ticket view shows the same level.
    Json the_rating() {
        auto rated = ask.events("ticket_rated");
        REQUIRE(rated.size() == 1);
        Json ticket = ask.ticket(rated[0]["ticket"].get<int64_t>());
        CHECK(ticket["rating"] == rated[0]["level"]);
        rated[0]["number"] = ticket["number"];
        return rated[0];
    }
};

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// "… buttons=5@115,316 4@313,316 …" → the x,y of `level`.
std::pair<int, int> button(const std::string& line, int level) {
    std::string key = std::to_string(level) + "@";
    size_t at = line.find(key, line.find("buttons="));
    REQUIRE(at != std::string::npos);
    int x = 0, y = 0;
    REQUIRE(std::sscanf(line.c_str() + at + key.size(), "%d,%d", &x, &y) == 2);
    return {x, y};
}
}  // namespace

TEST_CASE("display: a call made with hallctl appears on the main screen, a restarted server is followed") {
    Hall hall;
    VirtualScreen& screen = VirtualScreen::shared();
    AppProcess app(HALL_DISPLAY_BIN, with(hall.endpoints(), {"--trace", "--no-audio", "--size", "1920x1080"}),
                   screen.display());
    expect_line(app, "connection restored");

    std::string ctl = std::string(HALLCTL_BIN) + " --server " + hall.server.requests() + " ";
    REQUIRE(run_command(ctl + "issue --queue A >/dev/null") == 0);
    REQUIRE(run_command(ctl + "issue --queue B >/dev/null") == 0);
    REQUIRE(run_command(ctl + "login 1 c01 --password hallq2026 >/dev/null && " + ctl + "open 1 >/dev/null && " + ctl + "next 1 >/dev/null") == 0);
    std::string shown = expect_line(app, "shown call A001 window=1");
    CHECK(shown.find("connected=1") != std::string::npos);
    screen.screenshot("display-main-1920x1080");

    // The server dies: the display says so, and follows it again when it is back.
    hall.server.kill9();
    expect_line(app, "connection lost");
    hall.server.start();
    expect_line(app, "connection restored");
    RequestClient desk(hall.server.requests(), "desk2");
    must_ok(desk, "start", Json{{"window", 1}});
    must_ok(desk, "finish", Json{{"window", 1}});
    must_ok(desk, "clerk_login", login_body(2, "c02"));
    must_ok(desk, "window_open", Json{{"window", 2}});
    must_ok(desk, "call_next", Json{{"window", 2}});
    expect_line(app, "shown call B001 window=2");
    screen.screenshot("display-main-after-restart");
}

TEST_CASE("display: the main screen fits a 1366x768 television") {
    Hall hall;
    VirtualScreen& screen = VirtualScreen::shared();
    AppProcess app(HALL_DISPLAY_BIN, with(hall.endpoints(), {"--trace", "--no-audio", "--size", "1366x768"}),
                   screen.display());
    expect_line(app, "connection restored");
    must_ok(*hall.desk, "issue_ticket", Json{{"queue", "A"}});
    hall.open_window(2, "c02");
    must_ok(*hall.desk, "call_next", Json{{"window", 2}});
    expect_line(app, "shown call A001 window=2");
    screen.screenshot("display-main-1366x768", 1366, 768);
}

TEST_CASE("display: every open window shows its number, missed numbers are listed, the latest call leads") {
    Hall hall;
    VirtualScreen& screen = VirtualScreen::shared();
    AppProcess app(HALL_DISPLAY_BIN, with(hall.endpoints(), {"--trace", "--no-audio", "--size", "1920x1080"}),
                   screen.display());
    expect_line(app, "connection restored");
    for (int i = 0; i < 4; ++i) must_ok(*hall.desk, "issue_ticket", Json{{"queue", "A"}});
    hall.open_window(1, "c01");
    hall.open_window(2, "c02");
    hall.open_window(3, "c03");
    must_ok(*hall.desk, "window_pause", Json{{"window", 3}});
    expect_line(app, "shown windows 1=- 2=- 3=paused missed=");
    must_ok(*hall.desk, "call_next", Json{{"window", 1}});  // A001, who does not come
    must_ok(*hall.desk, "no_show", Json{{"window", 1}});
    must_ok(*hall.desk, "call_next", Json{{"window", 1}});  // A002, served
    must_ok(*hall.desk, "start", Json{{"window", 1}});
    must_ok(*hall.desk, "call_next", Json{{"window", 2}});  // A003, being called
    expect_line(app, "shown windows 1=A002:serving 2=A003:called 3=paused missed=A001");
    expect_line(app, "shown call A003 window=2");
    screen.screenshot("display-main-windows-1920x1080");
}

TEST_CASE("window screen: a rating tapped by the citizen reaches the hall server") {
    Hall hall;
    VirtualScreen& screen = VirtualScreen::shared();
    AppProcess app(HALL_DISPLAY_BIN, with(hall.endpoints(), {"--trace", "--window", "3", "--size", "1024x600"}),
                   screen.display());
    expect_line(app, "connection restored");
    must_ok(*hall.desk, "issue_ticket", Json{{"queue", "B"}, {"item", "T-RS-001"}});
    hall.open_window(3, "c03");
    must_ok(*hall.desk, "call_next", Json{{"window", 3}});
    expect_line(app, "window screen 3: 请 B001 号");
    must_ok(*hall.desk, "start", Json{{"window", 3}});
    expect_line(app, "window screen 3: 正在办理 B001");
    screen.screenshot("window-screen-serving", 1024, 600);
    must_ok(*hall.desk, "finish", Json{{"window", 3}, {"items", Json::array({"T-RS-001"})}});
    std::string prompt = expect_line(app, "rating prompt B001 window=3");
    screen.screenshot("window-screen-rating", 1024, 600);

    auto [x, y] = button(prompt, 5);
    std::string tap = "DISPLAY=" + screen.display() + " xdotool mousemove " + std::to_string(x) + " " +
                      std::to_string(y) + " click 1";
    REQUIRE(run_command(tap) == 0);
    expect_line(app, "rating chosen B001 level=5");
    // The screen thanks the citizen at once; the server's answer arrives on its own thread.
    expect_line(app, "window screen 3: 感谢您的评价");
    expect_line(app, "rating sent B001 ok");
    CHECK(fields(hall.the_rating(), {"number", "window", "clerk", "item", "level"}) == "B001 3 c03 T-RS-001 5");
}

TEST_CASE("window screen: an unanswered prompt is recorded as not rated") {
    Hall hall;
    VirtualScreen& screen = VirtualScreen::shared();
    AppProcess app(HALL_DISPLAY_BIN,
                   with(hall.endpoints(), {"--trace", "--window", "1", "--size", "1024x600", "--rating-timeout", "5"}),
                   screen.display());
    expect_line(app, "connection restored");
    must_ok(*hall.desk, "issue_ticket", Json{{"queue", "A"}});
    hall.open_window(1, "c01");
    must_ok(*hall.desk, "call_next", Json{{"window", 1}});
    must_ok(*hall.desk, "start", Json{{"window", 1}});
    must_ok(*hall.desk, "finish", Json{{"window", 1}});
    expect_line(app, "rating prompt A001 window=1");
    expect_line(app, "rating timed out", std::chrono::seconds(30));
    expect_line(app, "rating sent A001 ok");
    CHECK(fields(hall.the_rating(), {"number", "level"}) == "A001 0");
    // Nobody rated: nobody is thanked.
    expect_line(app, "window screen 1: 欢迎办理");
    for (const auto& line : app.seen()) CHECK(line.find("感谢") == std::string::npos);
}

// "… attitude@412,300 … submit@400,420" → the x,y of `name`.
std::pair<int, int> spot(const std::string& line, const std::string& name) {
    std::string key = " " + name + "@";
    size_t at = line.find(key);
    REQUIRE(at != std::string::npos);
    int x = 0, y = 0;
    REQUIRE(std::sscanf(line.c_str() + at + key.size(), "%d,%d", &x, &y) == 2);
    return {x, y};
}

void tap(VirtualScreen& screen, std::pair<int, int> at) {
    REQUIRE(run_command("DISPLAY=" + screen.display() + " xdotool mousemove " + std::to_string(at.first) + " " +
                        std::to_string(at.second) + " click 1") == 0);
}

// A finished ticket at `window`, its prompt up: the prompt's trace line.
std::string finished_at(Hall& hall, AppProcess& app, int window, const std::string& queue = "A") {
    must_ok(*hall.desk, "issue_ticket", Json{{"queue", queue}});
    hall.open_window(window, "c0" + std::to_string(window));
    must_ok(*hall.desk, "call_next", Json{{"window", window}});
    must_ok(*hall.desk, "start", Json{{"window", window}});
    must_ok(*hall.desk, "finish", Json{{"window", window}});
    return expect_line(app, "rating prompt ");
}

TEST_CASE("window screen: at 800x480 every level is whole and tappable, the worst too, with readable reasons") {
    Hall hall;
    VirtualScreen& screen = VirtualScreen::shared();
    AppProcess app(HALL_DISPLAY_BIN, with(hall.endpoints(), {"--trace", "--window", "1", "--size", "800x480"}),
                   screen.display());
    expect_line(app, "connection restored");
    std::string prompt = finished_at(hall, app, 1);
    screen.screenshot("window-screen-rating-800x480", 800, 480);
    // Every tile's centre on the 800×480 screen, in order from 5 to 1, a fifth of the width apart.
    int last_x = -800;
    for (int level = 5; level >= 1; --level) {
        auto [x, y] = button(prompt, level);
        INFO(prompt);
        CHECK(x > last_x + 800 / 6);
        CHECK(x < 800);
        CHECK(y > 480 / 5);
        CHECK(y < 480 * 4 / 5);
        last_x = x;
    }
    tap(screen, button(prompt, 1));  // 非常不满意
    std::string asked = expect_line(app, "rating reasons asked level=1");
    screen.screenshot("window-screen-reasons-800x480", 800, 480);
    // Six reasons and the submit button, all on the screen and 50 px or more apart.
    std::vector<std::pair<int, int>> spots;
    for (const char* r : {"attitude", "efficiency", "guidance", "materials", "environment", "other", "submit"}) {
        auto at = spot(asked, r);
        CHECK(at.first > 0);
        CHECK(at.first < 800);
        CHECK(at.second < 480);
        for (const auto& o : spots) CHECK(std::abs(o.first - at.first) + std::abs(o.second - at.second) >= 50);
        spots.push_back(at);
    }
    tap(screen, spot(asked, "attitude"));
    expect_line(app, "rating reason attitude on");
    tap(screen, spot(asked, "submit"));
    expect_line(app, "rating chosen A001 level=1");
    expect_line(app, "rating sent A001 ok");
    Json rated = hall.the_rating();
    CHECK(rated["level"] == 1);
    CHECK(rated["reasons"] == Json::array({"attitude"}));
}

TEST_CASE("window screen: keys 1-5 rate the moment the prompt appears, the thanks last seconds, not minutes") {
    Hall hall;
    VirtualScreen& screen = VirtualScreen::shared();
    AppProcess app(HALL_DISPLAY_BIN, with(hall.endpoints(), {"--trace", "--window", "2", "--size", "1024x600"}),
                   screen.display());
    expect_line(app, "connection restored");
    finished_at(hall, app, 2);
    // A USB rating keypad types into the focused frame; no control of the prompt was touched.
    REQUIRE(run_command("DISPLAY=" + screen.display() +
                        " xdotool search --sync --onlyvisible --classname hall-display windowfocus --sync key 4") == 0);
    expect_line(app, "rating chosen A001 level=4");
    expect_line(app, "window screen 2: 感谢您的评价");
    // No hall event comes; the thanks give way to the window by themselves.
    expect_line(app, "window screen 2: 欢迎办理");
    expect_line(app, "rating sent A001 ok");
    CHECK(hall.the_rating()["level"] == 4);
}

TEST_CASE("window screen: 基本满意 is submitted at once unless the hall asks reasons for it") {
    for (int up_to : {2, 3}) {
        TempDir dir;
        {
            std::ofstream cfg(dir.path / "hall.json");
            cfg << R"({"policy": {"rating_reasons_up_to": )" << up_to << "}}";
        }
        ServerProcess server(dir.path / "hall.db");
        server.start({"--config", (dir.path / "hall.json").string()});
        RequestClient desk(server.requests(), "desk");
        VirtualScreen& screen = VirtualScreen::shared();
        AppProcess app(HALL_DISPLAY_BIN,
                       {"--server", server.requests(), "--events", server.events(), "--trace", "--window", "1", "--size", "1024x600"},
                       screen.display());
        expect_line(app, "connection restored");
        must_ok(desk, "issue_ticket", Json{{"queue", "A"}});
        must_ok(desk, "clerk_login", login_body(1, "c01"));
        must_ok(desk, "window_open", Json{{"window", 1}});
        must_ok(desk, "call_next", Json{{"window", 1}});
        must_ok(desk, "start", Json{{"window", 1}});
        must_ok(desk, "finish", Json{{"window", 1}});
        std::string prompt = expect_line(app, "rating prompt A001");
        tap(screen, button(prompt, 3));
        if (up_to == 3) {
            std::string asked = expect_line(app, "rating reasons asked level=3");
            tap(screen, spot(asked, "submit"));
        }
        expect_line(app, "rating chosen A001 level=3");
        if (up_to == 2)
            for (const auto& line : app.seen()) CHECK(line.find("rating reasons asked") == std::string::npos);
    }
}

TEST_CASE("display: bad options are refused with the reason") {
    std::string out;
    CHECK(run_command(std::string(HALL_DISPLAY_BIN) + " --zone 5-2 2>&1", &out) == 2);
    CHECK(out.find("bad window range") != std::string::npos);
    CHECK(run_command(std::string(HALL_DISPLAY_BIN) + " --no-such 2>&1", &out) == 2);
    CHECK(out.find("unknown option --no-such") != std::string::npos);
    CHECK(run_command(std::string(HALL_DISPLAY_BIN) + " --help", &out) == 0);
    CHECK(out.find("--rating-timeout") != std::string::npos);
}

namespace {
// An ALSA configuration whose default output is a file: what the hall would hear, as samples.
std::string alsa_to_file(const TempDir& dir) {
    std::string conf = (dir.path / "asound.conf").string();
    std::ofstream(conf) << alsa_file_config((dir.path / "out.raw").string());
    return conf;
}

size_t loud_samples(const std::filesystem::path& raw) {
    std::ifstream in(raw, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t loud = 0;
    for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
        int16_t v = int16_t(uint8_t(bytes[i]) | (uint8_t(bytes[i + 1]) << 8));
        loud += v > 500 || v < -500;
    }
    return loud;
}
}  // namespace

TEST_CASE("display: calls in the audio zone are spoken, others are only shown") {
    Hall hall;
    VirtualScreen& screen = VirtualScreen::shared();
    std::string conf = alsa_to_file(hall.dir);
    AppProcess app(HALL_DISPLAY_BIN, with(hall.endpoints(), {"--trace", "--size", "1366x768", "--zone", "1-2", "--repeat", "1"}),
                   screen.display(), {{"ALSA_CONFIG_PATH", conf}, {"JACK_NO_START_SERVER", "1"}});
    expect_line(app, "connection restored");
    for (int i = 0; i < 2; ++i) must_ok(*hall.desk, "issue_ticket", Json{{"queue", "B"}});
    hall.open_window(3, "c03");  // outside the zone
    must_ok(*hall.desk, "call_next", Json{{"window", 3}});
    expect_line(app, "shown call B001 window=3");
    hall.open_window(2, "c02");
    must_ok(*hall.desk, "call_next", Json{{"window", 2}});
    expect_line(app, "shown call B002 window=2");
    std::string spoken = expect_line(app, "announced B002 window=2");
    for (const auto& l : app.seen()) CHECK(l.find("announced B001") == std::string::npos);
    CHECK(loud_samples(hall.dir.path / "out.raw") > 1600);  // at least 0.1 s of sound at 16 kHz
    CHECK(app.stderr_text().find("voice pack") == std::string::npos);
}

TEST_CASE("display: a broken voice pack is named at startup, calls are still shown, with the chime") {
    Hall hall;
    VirtualScreen& screen = VirtualScreen::shared();
    std::filesystem::path pack = hall.dir.path / "pack";
    std::filesystem::create_directories(pack);
    std::filesystem::copy(std::string(HALLQ_SOUNDS_DIR) + "/zh", pack, std::filesystem::copy_options::recursive);
    std::filesystem::remove(pack / "hao.wav");  // the clip for 号
    std::string conf = alsa_to_file(hall.dir);
    AppProcess app(HALL_DISPLAY_BIN, with(hall.endpoints(), {"--trace", "--size", "1366x768", "--voice", pack.string()}),
                   screen.display(), {{"ALSA_CONFIG_PATH", conf}, {"JACK_NO_START_SERVER", "1"}});
    std::string fallback = expect_line(app, "voice fallback:");
    CHECK(fallback.find("hao.wav") != std::string::npos);
    expect_line(app, "connection restored");
    CHECK(app.stderr_text().find("hao.wav") != std::string::npos);
    must_ok(*hall.desk, "issue_ticket", Json{{"queue", "A"}});
    hall.open_window(1, "c01");
    must_ok(*hall.desk, "call_next", Json{{"window", 1}});
    expect_line(app, "shown call A001 window=1");
    expect_line(app, "announced A001 window=1");  // the chime
    CHECK(loud_samples(hall.dir.path / "out.raw") > 0);
}
