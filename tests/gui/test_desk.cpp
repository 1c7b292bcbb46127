// test_desk.cpp - hall-desk on a virtual screen against a real hall server, driven by the keys a
// clerk presses: log in, call, recall, start, finish, no-show, transfer, refusals, server restart.
// A key is pressed only once the desk shows the state it acts on: a reply comes back before the
// event that changes the desk's view of the window, so waiting for the reply alone races.
#include <catch2/catch.hpp>
#include <fstream>

#include "gui_process.h"
#include "hall_queries.h"
#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

namespace {
// Keys and text go to the desk's window (focused first: there is no window manager).
void press(const std::string& display, const std::string& what) {
    std::string cmd = "DISPLAY=" + display + " xdotool search --sync --onlyvisible --classname hall-desk windowfocus --sync " + what;
    REQUIRE(run_command(cmd + " >/dev/null 2>&1") == 0);
}

struct DeskHall {
    TempDir dir;
    ServerProcess server{dir.path / "hall.db"};
    HallQueries ask{server};
    std::unique_ptr<RequestClient> kiosk;
    DeskHall() {
        std::ofstream(dir.path / "server.json") << R"({"policy": {"recall_cooldown_s": 0}})";
        server.start({"--config", (dir.path / "server.json").string()});
        kiosk = std::make_unique<RequestClient>(server.requests(), "kiosk");
    }
};
}  // namespace

TEST_CASE("desk: a clerk's morning, key by key") {
    DeskHall hall;
    for (const char* q : {"A", "A", "A", "B"}) must_ok(*hall.kiosk, "issue_ticket", Json{{"queue", q}});
    VirtualScreen& screen = VirtualScreen::shared();
    AppProcess desk(HALL_DESK_BIN,
                    {"--server", hall.server.requests(), "--events", hall.server.events(), "--trace", "--clerk", "c01",
                     "--window", "1", "--size", "1280x800"},
                    screen.display(), {{"HALLQ_PASSWORD", ""}});
    expect_line(desk, "desk ready");
    expect_line(desk, "desk connected");

    // A wrong password is refused with the reason, and the clerk can try again.
    press(screen.display(), "type --delay 30 wrong-pass");
    press(screen.display(), "key Return");
    expect_line(desk, "login refused wrong_password");
    screen.screenshot("desk-login-refused", 1280, 822);
    press(screen.display(), "type --delay 30 hallq2026");
    press(screen.display(), "key Return");
    expect_line(desk, "login ok c01 window=1");
    expect_line(desk, "state=open current=- waiting=4");
    screen.screenshot("desk-idle", 1280, 822);

    press(screen.display(), "key F3");  // start, with no ticket: refused on the desk itself
    expect_line(desk, "action Start disabled window_idle");

    press(screen.display(), "key F1");
    expect_line(desk, "reply call_next ok");
    expect_line(desk, "current=A001:called");
    press(screen.display(), "key F2");
    expect_line(desk, "reply recall ok");
    press(screen.display(), "key F3");
    expect_line(desk, "current=A001:serving");
    press(screen.display(), "key F4");  // the finish form, then F4 again: items as asked, handled
    press(screen.display(), "key F4");
    expect_line(desk, "reply finish ok");
    expect_line(desk, "current=- waiting=3");
    CHECK(fields(hall.ask.ticket("A001"), {"state", "outcome", "recalls"}) == "done handled 1");

    press(screen.display(), "key F1");
    expect_line(desk, "current=A002:called");
    press(screen.display(), "key F5");
    expect_line(desk, "reply no_show ok");
    expect_line(desk, "current=- waiting=2");  // the next key acts on the window as it is now
    CHECK(hall.ask.ticket("A002")["state"] == "no_show");

    // Transfer to window 3: F6, the window number, Enter; it waits in window 3's queue.
    press(screen.display(), "key F1");
    expect_line(desk, "current=A003:called");
    press(screen.display(), "key F6");
    press(screen.display(), "type 3");
    press(screen.display(), "key Return");
    expect_line(desk, "reply transfer ok");
    expect_line(desk, "current=- waiting=1");
    Json order = must_ok(*hall.kiosk, "call_order", Json{{"window", 3}});
    REQUIRE(order["tickets"].size() >= 1);
    CHECK(order["tickets"][0]["number"] == "A003");

    // Calling a chosen ticket needs a reason: the form says so and stays open; Esc closes it.
    press(screen.display(), "key F9");
    press(screen.display(), "key Return");
    expect_line(desk, "form Call ticket needs a reason");
    screen.screenshot("desk-reason-required", 1280, 720);
    press(screen.display(), "key Escape");

    // The server goes away: the desk says so. F1 pressed meanwhile is retried with the same
    // request id once the server is back, and applied once.
    hall.server.kill9();
    expect_line(desk, "desk disconnected");
    press(screen.display(), "key F1");
    hall.server.start({"--config", (hall.dir.path / "server.json").string()});
    expect_line(desk, "reply call_next ok");
    expect_line(desk, "desk connected");
    expect_line(desk, "current=B001:called");
    // A001, A002, A003 and B001 were called once each (the refused call_ticket made nothing).
    CHECK(hall.ask.events("ticket_called").size() == 4);
    press(screen.display(), "key F3");
    expect_line(desk, "current=B001:serving");
    screen.screenshot("desk-serving", 1280, 822);

    // Park (waiting for a copy), resume, finish; then a break and back.
    press(screen.display(), "key F7");
    press(screen.display(), "type --delay 20 copy");
    press(screen.display(), "key Return");
    expect_line(desk, "reply park ok");
    expect_line(desk, "current=- ");
    press(screen.display(), "key F8");
    expect_line(desk, "reply resume ok");
    expect_line(desk, "current=B001:serving");
    press(screen.display(), "key F4");
    press(screen.display(), "key Return");
    expect_line(desk, "reply finish ok");
    expect_line(desk, "current=- ");
    press(screen.display(), "key F11");
    expect_line(desk, "state=paused");
    press(screen.display(), "key F12");
    expect_line(desk, "reply window_open ok");
    CHECK(hall.ask.ticket("B001")["state"] == "done");

    // A server that stays down a while: the desk says it is retrying, refuses a second action
    // meanwhile, and shows the real outcome when the server answers.
    must_ok(*hall.kiosk, "issue_ticket", Json{{"queue", "A"}});
    expect_line(desk, "waiting=1");
    hall.server.kill9();
    expect_line(desk, "desk disconnected");
    press(screen.display(), "key F1");
    expect_line(desk, "reply call_next retrying");
    expect_line(desk, "desk says problem: 服务器无响应，正在重试");
    screen.screenshot("desk-server-down", 1280, 822);
    press(screen.display(), "key F1");
    expect_line(desk, "action Next waiting");
    hall.server.start({"--config", (hall.dir.path / "server.json").string()});
    expect_line(desk, "reply call_next ok");
    expect_line(desk, "desk says 已完成：叫号 A004");
    CHECK(hall.ask.events("ticket_called").size() == 5);  // the second F1 called nobody
}

TEST_CASE("desk: after an action the focus is on the calling bar, and logging out with a ticket open asks first") {
    DeskHall hall;
    for (const char* q : {"A", "A"}) must_ok(*hall.kiosk, "issue_ticket", Json{{"queue", q}});
    VirtualScreen& screen = VirtualScreen::shared();
    AppProcess desk(HALL_DESK_BIN,
                    {"--server", hall.server.requests(), "--events", hall.server.events(), "--trace", "--clerk", "c01",
                     "--window", "1", "--size", "1366x768"},
                    screen.display(), {{"HALLQ_PASSWORD", ""}});
    expect_line(desk, "desk connected");
    press(screen.display(), "type --delay 30 hallq2026");
    press(screen.display(), "key Return");
    std::string ok = expect_line(desk, "login ok c01 window=1");
    int lx = 0, ly = 0;
    REQUIRE(std::sscanf(ok.c_str() + ok.find("logout@") + 7, "%d,%d", &lx, &ly) == 2);
    CHECK(lx < 1366);
    CHECK(ly < 768);
    expect_line(desk, "state=open current=- waiting=2");
    press(screen.display(), "key F1");
    expect_line(desk, "current=A001:called");
    // Park with a note; then Enter: the focus is on 叫号, so it calls the next ticket, not "log out".
    press(screen.display(), "key F7");
    press(screen.display(), "type --delay 20 copy");
    press(screen.display(), "key Return");
    expect_line(desk, "reply park ok");
    expect_line(desk, "current=- ");
    press(screen.display(), "key Return");
    expect_line(desk, "current=A002:called");
    // Log out with A002 at the window: asked first; another action withdraws the question.
    std::string tap = "DISPLAY=" + screen.display() + " xdotool mousemove " + std::to_string(lx) + " " + std::to_string(ly) + " click 1";
    REQUIRE(run_command(tap) == 0);
    expect_line(desk, "confirm logout A002");
    expect_line(desk, "desk says problem: 号票 A002 仍在本窗口办理中");
    screen.screenshot("desk-logout-asked", 1366, 768);
    press(screen.display(), "key F5");
    expect_line(desk, "current=- ");
    // Nothing open: out at once, and the login screen holds no message of the last login.
    REQUIRE(run_command(tap) == 0);
    expect_line(desk, "logged out");
    expect_line(desk, "login screen shown");
    screen.screenshot("desk-logged-out", 1366, 768);
}

TEST_CASE("desk: bad options are refused with the reason") {
    std::string out;
    CHECK(run_command(std::string(HALL_DESK_BIN) + " --lang fr 2>&1", &out) == 2);
    CHECK(out.find("--lang must be zh or en") != std::string::npos);
    CHECK(run_command(std::string(HALL_DESK_BIN) + " --help", &out) == 0);
    CHECK(out.find("F1 next") != std::string::npos);
}
