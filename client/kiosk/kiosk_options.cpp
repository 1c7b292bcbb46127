// kiosk_options.cpp - config file and command line of hall-kiosk.
#include "kiosk_options.h"

#include <regex>
#include <set>

#include "option_values.h"

namespace hallq {

const char* const kKioskUsage = R"usage(hall-kiosk - 自助取号机 / self-service ticket kiosk

Usage: hall-kiosk [options]
  --server EP          hall server request endpoint (default tcp://127.0.0.1:5570, or $HALLQ_SERVER)
  --events EP          hall server event endpoint (default tcp://127.0.0.1:5571, or $HALLQ_EVENTS)
  --reader DEV         ID-card reader on this serial device (GA/T 467), e.g. /dev/ttyUSB0;
                       "demo": a simulated reader with a button that swipes the demo hall's cards
  --reader-baud N      the reader's baud rate (default 115200)
  --printer DEV        thermal ticket printer (ESC/POS): /dev/ttyS0, /dev/usb/lp0, or "cups"
                       for the system's default printer
  --print-to DIR       also write each ticket to DIR as <number>.escpos and <number>.png
  --scan-format RE     reservation QR codes the scanner may type (ECMAScript; the first group is
                       the code), default "(?:HQYY:)?([A-Za-z0-9-]{4,64})"
  --idle S             seconds untouched before going back to the start screen (default 60)
  --lang zh|en         language at start (default zh; the screen has a switch)
  --size WxH           window size (default 1080x1920 portrait; 1920x1080 landscape)
  --at X,Y             where the window is placed (default 0,0)
  --fullscreen         full screen
  --config FILE        JSON file with any of these keys: server, events, reader, reader_baud,
                       printer, print_to, scan_format, idle, lang, size, fullscreen
  --trace              print one line per screen shown, request sent and ticket printed (tests)
)usage";

namespace {
// One option's value, from the command line or the config file: empty string when accepted.
std::string set(KioskOptions& o, const std::string& key, const std::string& v) {
    int n = 0;
    if (key == "server") o.server = v;
    else if (key == "events") o.events = v;
    else if (key == "reader") o.reader = v;
    else if (key == "printer") o.printer = v;
    else if (key == "print-to" || key == "print_to") o.print_dir = v;
    else if (key == "reader-baud" || key == "reader_baud") {
        static const std::set<int> kBauds = {9600, 19200, 38400, 57600, 115200};
        if (!parse_int(v, n) || !kBauds.count(n)) return "--reader-baud must be 9600, 19200, 38400, 57600 or 115200";
        o.reader_baud = n;
    } else if (key == "scan-format" || key == "scan_format") {
        try {
            std::regex check(v, std::regex::ECMAScript);
        } catch (const std::regex_error&) {
            return "--scan-format is not a valid pattern: " + v;
        }
        o.scan_format = v;
    } else if (key == "idle") {
        if (!parse_int(v, n) || n < 10 || n > 3600) return "--idle must be 10 to 3600 seconds";
        o.idle_seconds = n;
    } else if (key == "lang") {
        if (v != "zh" && v != "en") return "--lang must be zh or en";
        o.lang = v;
    } else if (key == "size") {
        if (!parse_pair(v, 'x', o.width, o.height) || o.width < 320 || o.height < 320) return "--size must be WxH, e.g. 1080x1920";
    } else if (key == "at") {
        if (!parse_pair(v, ',', o.x, o.y)) return "--at must be X,Y";
    } else {
        return "unknown option --" + key;
    }
    return "";
}

std::string load_file(const std::string& path, KioskOptions& o) {
    Json j;
    if (std::string e = read_config_object(path, j); !e.empty()) return e;
    for (const auto& [key, v] : j.items()) {
        std::string e;
        if (key == "fullscreen") {
            if (!v.is_boolean()) return "config file " + path + ": \"fullscreen\" must be true or false";
            o.fullscreen = v.get<bool>();
        } else if (v.is_string()) {
            e = set(o, key, v.get<std::string>());
        } else if (v.is_number_integer() && (key == "reader_baud" || key == "idle")) {
            e = set(o, key, std::to_string(v.get<long long>()));
        } else {
            e = "\"" + key + "\" has the wrong type or is unknown";
        }
        if (!e.empty()) return "config file " + path + ": " + e;
    }
    return "";
}
}  // namespace

std::string parse_kiosk_options(const std::vector<std::string>& args, KioskOptions& o) {
    endpoints_from_env(o.server, o.events);
    for (size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "--config")
            if (std::string e = load_file(args[i + 1], o); !e.empty()) return e;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") return "help";
        if (a == "--fullscreen") o.fullscreen = true;
        else if (a == "--trace") o.trace = true;
        else if (a.rfind("--", 0) != 0) return "unexpected argument " + a;
        else if (i + 1 >= args.size()) return a + " needs a value";
        else if (a == "--config") ++i;
        else if (std::string e = set(o, a.substr(2), args[++i]); !e.empty()) return e;
    }
    return "";
}

}  // namespace hallq
