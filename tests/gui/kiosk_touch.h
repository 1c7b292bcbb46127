// kiosk_touch.h - driving hall-kiosk in GUI tests as a visitor does: tapping the buttons where its
// --trace lines say they are, and "scanning" a code through the keyboard-wedge path (xdotool).
#pragma once
#include <map>
#include <string>

namespace hallq::test {

// "screen home lang=zh buttons=RS@277,252|SJ@803,252" → {RS: "277 252", SJ: "803 252"}
std::map<std::string, std::string> kiosk_buttons(const std::string& screen_line);

// Taps the button `code` of the screen `screen_line` describes (REQUIREs that it is there).
void kiosk_tap(const std::string& display, const std::string& screen_line, const std::string& code);

// Types `text` and Enter into the kiosk's window, as a QR scanner in keyboard mode does.
void kiosk_scan(const std::string& display, const std::string& text);

}  // namespace hallq::test
