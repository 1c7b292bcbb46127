// kiosk_touch.h - driving hall-kiosk in GUI tests as a visitor does: tapping the buttons where its
// --trace lines say they are, and "scanning" a code through the keyboard-wedge path (xdotool);
// and the hall server a kiosk test runs against.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "gui_process.h"
#include "hall_queries.h"
#include "server_process.h"

namespace hallq::test {

// A hall server in a fresh folder, with the kiosk's command line pointing at it.
struct KioskHall {
    TempDir dir;
    ServerProcess server{dir.path / "hall.db"};
    HallQueries ask{server};  // what the server says of the hall
    explicit KioskHall(std::vector<std::string> server_args = {}) { server.start(std::move(server_args)); }
    // The output of sqlite3 on the hall's database: only for checks of the stored form.
    std::string sql(const std::string& q) const;
    // --server, --events, --trace and a 1920x1080 window, then `more`.
    std::vector<std::string> kiosk_args(std::vector<std::string> more) const;
};

// "screen home lang=zh buttons=RS@277,252|SJ@803,252" → {RS: "277 252", SJ: "803 252"}
std::map<std::string, std::string> kiosk_buttons(const std::string& screen_line);

// Taps the button `code` of the screen `screen_line` describes (REQUIREs that it is there): the
// pointer goes to a corner, then onto the button; the press follows only once the kiosk says the
// pointer is on that button ("pointer on CODE"), so it lands there even while the toolkit is still
// placing the screen's buttons.
void kiosk_tap(AppProcess& kiosk, const std::string& display, const std::string& screen_line, const std::string& code);

// Types `text` and Enter into the kiosk's window, as a QR scanner in keyboard mode does.
// Waits for a screen line only from after the scan, like kiosk_tap.
void kiosk_scan(AppProcess& kiosk, const std::string& display, const std::string& text);

}  // namespace hallq::test
