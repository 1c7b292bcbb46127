// kiosk_options.h - hall-kiosk settings: a config file (JSON), then the command line. No wx.
#pragma once
#include <string>
#include <vector>

namespace hallq {

struct KioskOptions {
    std::string server = "tcp://127.0.0.1:5570", events = "tcp://127.0.0.1:5571";
    std::string reader;          // ID-card reader's serial device, e.g. /dev/ttyUSB0; empty: none
    int reader_baud = 115200;
    std::string printer;         // thermal printer device (/dev/ttyS0, /dev/usb/lp0) or "cups"; empty: none
    std::string print_dir;       // print to file: <number>.escpos and <number>.png in this folder
    std::string scan_format;     // reservation QR pattern; empty = ScanDecoder::kDefaultFormat
    int idle_seconds = 60;       // back to the start screen after this long untouched
    std::string lang = "zh";     // zh or en at start (the screen has a switch)
    bool fullscreen = false;
    int width = 1080, height = 1920;  // portrait kiosk by default; 1920x1080 for landscape
    int x = 0, y = 0;
    bool trace = false;          // machine-readable lines of what is shown and sent (tests)
};

// Parses argv over `o` (a --config file first, so the command line wins). Returns an empty
// string, "help", or a message naming the bad option or key.
std::string parse_kiosk_options(const std::vector<std::string>& args, KioskOptions& o);

extern const char* const kKioskUsage;

}  // namespace hallq
