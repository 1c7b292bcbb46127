// desk_options.cpp - the command line of hall-desk.
#include "desk_options.h"

#include "option_values.h"

namespace hallq {

const char* const kDeskUsage = R"(hall-desk - 窗口叫号工作台 / clerk desk

Usage: hall-desk [options]
  --server EP     hall server request endpoint (default tcp://127.0.0.1:5570, or $HALLQ_SERVER)
  --events EP     hall server event endpoint (default tcp://127.0.0.1:5571, or $HALLQ_EVENTS)
  --window N      window to log in at (can be changed at login)
  --clerk ID      clerk id to log in with (can be changed at login)
  --lang zh|en    language of the desk (default zh: Chinese)
  --size WxH      window size (default 1280x720; never larger than the screen)
  --fullscreen    fill the whole screen
  --trace         print one line per login, change of view and server reply (for tests)
Keys: F1 next, F2 recall, F3 start, F4 finish, F5 no-show, F6 transfer, F7 park, F8 resume,
F9 call a chosen ticket, F11 pause, F12 reopen. docs/clerk-guide.md explains every action.
)";

std::string parse_desk_options(const std::vector<std::string>& args, DeskOptions& o) {
    endpoints_from_env(o.server, o.events);
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") return "help";
        if (a == "--trace") {
            o.trace = true;
            continue;
        }
        if (a == "--fullscreen") {
            o.fullscreen = true;
            continue;
        }
        if (a != "--server" && a != "--events" && a != "--window" && a != "--clerk" && a != "--lang" && a != "--size")
            return "unknown option " + a;
        if (i + 1 >= args.size()) return a + " needs a value";
        const std::string& v = args[++i];
        if (a == "--server") o.server = v;
        else if (a == "--events") o.events = v;
        else if (a == "--clerk") o.clerk = v;
        else if (a == "--lang") {
            if (v != "zh" && v != "en") return "--lang must be zh or en";
            o.lang = v;
        } else if (a == "--size") {
            if (!parse_pair(v, 'x', o.width, o.height) || o.width < 640 || o.height < 480)
                return "--size needs WIDTHxHEIGHT, at least 640x480";
        } else if (!parse_int(v, o.window) || o.window < 1 || o.window > 9999) {
            return "--window must be 1…9999";
        }
    }
    return "";
}

}  // namespace hallq
