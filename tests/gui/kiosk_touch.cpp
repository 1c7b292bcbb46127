// kiosk_touch.cpp - taps and scans with xdotool on the virtual screen.
#include "kiosk_touch.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "server_process.h"

namespace hallq::test {

std::string KioskHall::sql(const std::string& q) const {
    std::string out;
    run_command("sqlite3 '" + (dir.path / "hall.db").string() + "' \"" + q + "\"", &out);
    return out;
}

std::vector<std::string> KioskHall::kiosk_args(std::vector<std::string> more) const {
    std::vector<std::string> a = {"--server", server.requests(), "--events", server.events(), "--trace",
                                  "--size", "1920x1080"};
    a.insert(a.end(), more.begin(), more.end());
    return a;
}

std::map<std::string, std::string> kiosk_buttons(const std::string& line) {
    std::map<std::string, std::string> out;
    auto at = line.find("buttons=");
    if (at == std::string::npos) return out;
    std::stringstream list(line.substr(at + 8));
    std::string entry;
    while (std::getline(list, entry, '|')) {
        auto a = entry.find('@'), c = entry.find(',', a);
        if (a != std::string::npos && c != std::string::npos)
            out[entry.substr(0, a)] = entry.substr(a + 1, c - a - 1) + " " + entry.substr(c + 1);
    }
    return out;
}

void kiosk_tap(AppProcess& kiosk, const std::string& display, const std::string& line, const std::string& code) {
    std::string xdo = "DISPLAY=" + display + " xdotool ";
    std::string screen = line;
    // Until the kiosk says the pointer is on the button: if the screen is reported again meanwhile
    // (its layout moved), the button is where the newer line says.
    for (int moves = 0; moves < 10; ++moves) {
        auto b = kiosk_buttons(screen);
        INFO(screen);
        REQUIRE(b.count(code));
        kiosk.forget("pointer on ");
        REQUIRE(run_command(xdo + "mousemove 0 0 >/dev/null 2>&1") == 0);  // off every button first
        REQUIRE(run_command(xdo + "mousemove " + b[code] + " >/dev/null 2>&1") == 0);
        std::string got = kiosk.wait_for_any({"pointer on " + code, "screen "}, std::chrono::seconds(45));
        if (got.empty()) FAIL("the pointer never reached " << code << "\n" << screen);
        if (got.rfind("screen ", 0) == 0) {
            screen = got;
            continue;
        }
        kiosk.forget("screen ");  // what the kiosk showed before the tap is not what it shows after
        REQUIRE(run_command(xdo + "click 1 >/dev/null 2>&1") == 0);
        return;
    }
    FAIL("the screen kept moving under the pointer: " << screen);
}

void kiosk_scan(AppProcess& kiosk, const std::string& display, const std::string& text) {
    kiosk.forget("screen ");  // what the kiosk showed before the scan is not what it shows after
    // Focused first: there is no window manager on the virtual screen.
    std::string focus = "DISPLAY=" + display + " xdotool search --sync --onlyvisible --classname hall-kiosk windowfocus --sync ";
    REQUIRE(run_command(focus + "type --delay 10 '" + text + "' >/dev/null 2>&1") == 0);
    REQUIRE(run_command(focus + "key Return >/dev/null 2>&1") == 0);
}

}  // namespace hallq::test
