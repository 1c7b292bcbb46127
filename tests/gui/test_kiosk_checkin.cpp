// test_kiosk_checkin.cpp - reservation check-in at hall-kiosk against a real hall server: an ID
// card swiped on the pty reader simulator (on time, then again), a reservation QR code typed by
// the "scanner" (xdotool), a code for another day, and a senior's swipe opening the green channel.
#include <catch2/catch.hpp>
#include <ctime>

#include "core/idnumber.h"
#include "gui_process.h"
#include "kiosk_touch.h"
#include "idcard/idcard_simulator.h"
#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

namespace {
std::string with_check_digit(const std::string& first17) { return first17 + id_check_char(first17); }

// Today's local date and the current minute, the way a reservation gives its slot.
std::pair<std::string, std::string> today_and_now(int day_offset = 0) {
    std::time_t t = std::time(nullptr) + day_offset * 86400;
    std::tm tm{};
    localtime_r(&t, &tm);
    char day[16], hm[8];
    std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
    std::strftime(hm, sizeof hm, "%H:%M", &tm);
    return {day, hm};
}

// The service day starts at midnight here, so "today" is the calendar date at any hour.
struct CheckInHall : KioskHall {
    std::unique_ptr<RequestClient> admin;
    CheckInHall() : KioskHall({"--rollover", "00:00"}) {
        admin = std::make_unique<RequestClient>(server.requests(), "admin");
    }
};

idcard::CardText card(const std::string& name, const std::string& id) {
    idcard::CardText c = idcard::IdCardSimulator::sample_holder();
    c.name = name;
    c.id_number = id;
    c.birth = id.substr(6, 8);
    return c;
}
}  // namespace

TEST_CASE("kiosk check-in: an ID card swiped at the slot gives the reservation ticket, a second swipe the same one") {
    CheckInHall hall;
    const std::string id = with_check_digit("61070219850612301");
    auto [day, now] = today_and_now();
    must_ok(*hall.admin, "import_reservations",
            Json{{"reservations", Json::array({Json{{"id", "YY-0001"}, {"item", "T-SJ-001"}, {"date", day}, {"slot", now},
                                                     {"id_number", id}, {"name", "李四"}, {"phone", "13800001234"}}})}});
    idcard::IdCardSimulator reader;
    VirtualScreen& screen = VirtualScreen::shared();
    AppProcess kiosk(HALL_KIOSK_BIN, hall.kiosk_args({"--reader", reader.slave_path()}), screen.display());
    expect_line(kiosk, "screen home lang=zh buttons=");

    kiosk.forget("screen ");  // the screen after the swipe, not before
    reader.present_card(card("李四", id));
    expect_line(kiosk, "card read holder=" + mask_id_tail(id));
    expect_line(kiosk, "reply check_in ok tickets=A001:reservation early=0 green=0");
    expect_line(kiosk, "screen tickets A001:reservation");
    screen.screenshot("kiosk-checked-in", 1920, 1080);
    CHECK(hall.ask.reservation("YY-0001")["status"] == "checked_in");
    CHECK(lines(hall.ask.tickets(), {"class", "reservation"}) == "reservation YY-0001\n");
    // The stored form: the tickets read table holds no ID number in clear.
    CHECK(hall.sql("SELECT COUNT(*) FROM tickets WHERE holder LIKE '%" + id.substr(6, 8) + "%'") == "0\n");

    // The card goes back on the reader: the same ticket, nothing new issued.
    kiosk.forget("screen ");  // the screen after the swipe, not before
    reader.present_card(card("李四", id));
    expect_line(kiosk, "reply check_in ok tickets=A001:reservation");
    expect_line(kiosk, "screen tickets A001:reservation:existing");
    CHECK(hall.ask.tickets().size() == 1);
}

TEST_CASE("kiosk check-in: a scanned reservation code, and a code for another day refused with its date") {
    CheckInHall hall;
    auto [day, now] = today_and_now();
    auto [tomorrow, later] = today_and_now(1);
    Json list = Json::array();
    list.push_back(Json{{"id", "YY-0002"}, {"code", "QR20261123A"}, {"item", "T-RS-001"}, {"date", day}, {"slot", now},
                        {"id_number", with_check_digit("61070219900101002")}, {"name", "王五"}});
    list.push_back(Json{{"id", "YY-0003"}, {"code", "QR20261124B"}, {"item", "T-RS-001"}, {"date", tomorrow},
                        {"slot", later}, {"id_number", with_check_digit("61070219900101003")}, {"name", "赵六"}});
    must_ok(*hall.admin, "import_reservations", Json{{"reservations", list}});
    VirtualScreen& screen = VirtualScreen::shared();
    AppProcess kiosk(HALL_KIOSK_BIN, hall.kiosk_args({}), screen.display());
    expect_line(kiosk, "screen home lang=zh buttons=");

    kiosk_scan(kiosk, screen.display(), "HQYY:QR20261123A");
    expect_line(kiosk, "scan code QR20261123A");
    expect_line(kiosk, "reply check_in ok tickets=B001:reservation");
    std::string shown = expect_line(kiosk, "screen tickets B001:reservation");
    CHECK(hall.ask.reservation("YY-0002")["status"] == "checked_in");

    kiosk_tap(kiosk, screen.display(), shown, "done");
    expect_line(kiosk, "screen home");
    kiosk_scan(kiosk, screen.display(), "QR20261124B");
    expect_line(kiosk, "reply check_in reservation_not_today");
    expect_line(kiosk, "screen message");
    screen.screenshot("kiosk-not-today", 1920, 1080);
    CHECK(hall.ask.reservation("YY-0003", tomorrow)["status"] == "booked");
    CHECK(hall.ask.tickets().size() == 1);
}

TEST_CASE("kiosk check-in: a senior's swipe without a reservation opens the green channel") {
    CheckInHall hall;
    idcard::IdCardSimulator reader;
    VirtualScreen& screen = VirtualScreen::shared();
    AppProcess kiosk(HALL_KIOSK_BIN, hall.kiosk_args({"--reader", reader.slave_path()}), screen.display());
    expect_line(kiosk, "screen home lang=zh buttons=");
    kiosk.forget("screen ");  // the screen after the swipe, not before
    reader.present_card(idcard::IdCardSimulator::sample_holder());  // born 1949
    expect_line(kiosk, "reply check_in ok tickets=- early=0 green=1");
    expect_line(kiosk, "banner ");
    std::string home = expect_line(kiosk, "screen home lang=zh buttons=");
    screen.screenshot("kiosk-green-channel", 1920, 1080);
    kiosk_tap(kiosk, screen.display(), home, "SJ");
    kiosk_tap(kiosk, screen.display(), expect_line(kiosk, "screen items SJ"), "T-SJ-001");
    expect_line(kiosk, "sent issue_ticket item=T-SJ-001 holder=**************002X");
    expect_line(kiosk, "reply issue_ticket ok A001 class=green existing=0");
    CHECK(lines(hall.ask.tickets(), {"class"}) == "green\n");
    // The stored form: the tickets read table holds the holder masked, never in full.
    CHECK(hall.sql("SELECT holder FROM tickets").find("19491231") == std::string::npos);
}
