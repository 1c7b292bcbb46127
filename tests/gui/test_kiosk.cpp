// test_kiosk.cpp - hall-kiosk on a virtual screen against a real hall server: tickets by touch
// (xdotool taps where the kiosk says its buttons are), printing to files, to a printer without
// paper and to a working one (pty printer simulator), the language switch, the reset after
// inactivity, and a hostile ID-card reader (pty reader simulator sending random bytes).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "gui_process.h"
#include "kiosk_touch.h"
#include "idcard/idcard_simulator.h"
#include "printer/printer_simulator.h"
#include "server_process.h"

using namespace hallq;
using namespace hallq::test;
namespace fs = std::filesystem;

namespace {
std::string read_file(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("kiosk: a ticket by touch, printed to files with a readable QR code, then English") {
    KioskHall hall;
    fs::path out = fs::path(artifacts_dir()) / "kiosk-print";
    fs::remove_all(out);
    VirtualScreen& screen = VirtualScreen::shared();
    AppProcess kiosk(HALL_KIOSK_BIN, hall.kiosk_args({"--print-to", out.string()}), screen.display());
    expect_line(kiosk, "kiosk ready");
    std::string home = expect_line(kiosk, "screen home lang=zh buttons=");
    screen.screenshot("kiosk-home", 1920, 1080);
    kiosk_tap(kiosk, screen.display(), home, "SJ");
    std::string items = expect_line(kiosk, "screen items SJ");
    kiosk_tap(kiosk, screen.display(), items, "T-SJ-002");
    expect_line(kiosk, "sent issue_ticket item=T-SJ-002");
    expect_line(kiosk, "reply issue_ticket ok A001 class=normal existing=0");
    std::string printed = expect_line(kiosk, "printed A001 to=");
    std::string shown = expect_line(kiosk, "screen tickets A001:normal");
    screen.screenshot("kiosk-ticket", 1920, 1080);

    // The server has it, for the item touched.
    CHECK(lines(hall.ask.tickets(), {"number", "item", "state"}) == "A001 T-SJ-002 waiting\n");
    std::string id = fields(hall.ask.ticket("A001"), {"id"});
    // ESC/POS bytes: the number in large type, then a cut; the PNG's QR code reads back.
    std::string escpos = read_file(out / "A001.escpos");
    CHECK(escpos.find("A001") != std::string::npos);
    CHECK(escpos.find("\x1d\x56") != std::string::npos);  // GS V: cut
    std::string qr;
    REQUIRE(run_command("zbarimg -q --raw '" + (out / "A001.png").string() + "' 2>/dev/null", &qr) == 0);
    CHECK(qr == "hallq:ticket:" + id + "\n");

    // Done → the start screen; the language switch → the same screen in English.
    kiosk_tap(kiosk, screen.display(), shown, "done");
    home = expect_line(kiosk, "screen home lang=zh");
    kiosk_tap(kiosk, screen.display(), home, "lang");
    expect_line(kiosk, "lang en");
    home = expect_line(kiosk, "screen home lang=en");
    kiosk_tap(kiosk, screen.display(), home, "RS");
    items = expect_line(kiosk, "screen items RS lang=en");
    screen.screenshot("kiosk-items-en", 1920, 1080);
    // Landscape: the items side by side.
    auto b = kiosk_buttons(items);
    CHECK(b["T-RS-001"].substr(b["T-RS-001"].find(' ')) == b["T-RS-002"].substr(b["T-RS-002"].find(' ')));
    kiosk_tap(kiosk, screen.display(), items, "T-RS-001");
    expect_line(kiosk, "reply issue_ticket ok B001");
    CHECK(hall.ask.tickets().size() == 2);
}

TEST_CASE("kiosk: a printer without paper loses no ticket, and a working one gets the ticket") {
    KioskHall hall;
    PrinterSimulator printer;
    printer.set_state(PrinterSimulator::State::PaperOut);
    VirtualScreen& screen = VirtualScreen::shared();
    AppProcess kiosk(HALL_KIOSK_BIN, hall.kiosk_args({"--printer", printer.path()}), screen.display());
    std::string home = expect_line(kiosk, "screen home lang=zh buttons=");
    kiosk_tap(kiosk, screen.display(), home, "RS");
    kiosk_tap(kiosk, screen.display(), expect_line(kiosk, "screen items RS"), "T-RS-002");
    expect_line(kiosk, "reply issue_ticket ok C001");
    expect_line(kiosk, "print failed C001 paper-out");
    std::string shown = expect_line(kiosk, "screen tickets C001");  // the number stays on screen
    screen.screenshot("kiosk-paper-out", 1920, 1080);
    CHECK(printer.received().empty());  // nothing half printed
    CHECK(hall.ask.ticket("C001")["state"] == "waiting");

    printer.set_state(PrinterSimulator::State::Ready);
    kiosk_tap(kiosk, screen.display(), shown, "done");
    home = expect_line(kiosk, "screen home lang=zh buttons=");
    kiosk_tap(kiosk, screen.display(), home, "RS");
    kiosk_tap(kiosk, screen.display(), expect_line(kiosk, "screen items RS"), "T-RS-002");
    expect_line(kiosk, "printed C002 to=" + printer.path());
    REQUIRE(printer.wait_for_bytes(100, std::chrono::seconds(10)));
    CHECK(printer.received().find("C002") != std::string::npos);
}

TEST_CASE("kiosk: back to the start screen after inactivity") {
    KioskHall hall;
    VirtualScreen& screen = VirtualScreen::shared();
    AppProcess kiosk(HALL_KIOSK_BIN, hall.kiosk_args({"--idle", "10"}), screen.display());
    std::string home = expect_line(kiosk, "screen home lang=zh buttons=");
    kiosk_tap(kiosk, screen.display(), home, "lang");
    kiosk_tap(kiosk, screen.display(), expect_line(kiosk, "screen home lang=en"), "SJ");
    expect_line(kiosk, "screen items SJ lang=en");
    expect_line(kiosk, "idle reset");
    expect_line(kiosk, "screen home lang=en");
    CHECK(hall.ask.tickets().empty());
}

TEST_CASE("kiosk: a reader sending random bytes cannot stop it") {
    KioskHall hall;
    idcard::IdCardSimulator reader;
    reader.set_mode(idcard::SimMode::random_bytes);
    VirtualScreen& screen = VirtualScreen::shared();
    AppProcess kiosk(HALL_KIOSK_BIN, hall.kiosk_args({"--reader", reader.slave_path()}), screen.display());
    expect_line(kiosk, "screen home lang=zh buttons=");
    expect_line(kiosk, "card error ");
    std::string home = expect_line(kiosk, "screen home lang=zh buttons=");  // moved down by the banner
    kiosk_tap(kiosk, screen.display(), home, "SJ");
    kiosk_tap(kiosk, screen.display(), expect_line(kiosk, "screen items SJ"), "T-SJ-001");
    expect_line(kiosk, "reply issue_ticket ok A001");
    CHECK(reader.requests_seen() > 0);
}

TEST_CASE("kiosk: a portrait screen lays the items out one under another") {
    KioskHall hall;
    VirtualScreen& screen = VirtualScreen::shared();
    std::vector<std::string> args = hall.kiosk_args({});
    args[args.size() - 1] = "720x1080";  // --size
    AppProcess kiosk(HALL_KIOSK_BIN, args, screen.display());
    kiosk_tap(kiosk, screen.display(), expect_line(kiosk, "screen home lang=zh buttons="), "SJ");
    auto b = kiosk_buttons(expect_line(kiosk, "screen items SJ"));
    REQUIRE(b.count("T-SJ-001"));
    REQUIRE(b.count("T-SJ-002"));
    int x1 = std::stoi(b["T-SJ-001"]), x2 = std::stoi(b["T-SJ-002"]);
    int y1 = std::stoi(b["T-SJ-001"].substr(b["T-SJ-001"].find(' '))), y2 = std::stoi(b["T-SJ-002"].substr(b["T-SJ-002"].find(' ')));
    CHECK(x1 == x2);
    CHECK(y2 > y1);
    CHECK(x1 < 720);  // inside the window
    screen.screenshot("kiosk-portrait-items", 720, 1080);
}

TEST_CASE("kiosk: bad options are refused with the reason") {
    std::string out;
    CHECK(run_command(std::string(HALL_KIOSK_BIN) + " --lang fr 2>&1", &out) == 2);
    CHECK(out.find("--lang must be zh or en") != std::string::npos);
    CHECK(run_command(std::string(HALL_KIOSK_BIN) + " --scan-format '(' 2>&1", &out) == 2);
    CHECK(out.find("--scan-format is not a valid pattern") != std::string::npos);
    CHECK(run_command(std::string(HALL_KIOSK_BIN) + " --idle 2 2>&1", &out) == 2);
    CHECK(run_command(std::string(HALL_KIOSK_BIN) + " --help", &out) == 0);
    CHECK(out.find("--print-to DIR") != std::string::npos);
}
