// display_options.cpp - config file and command line of hall-display.
#include "display_options.h"

#include <sstream>

#include "option_values.h"

namespace hallq {

const char* const kDisplayUsage = R"(hall-display - 大厅显示屏 / hall display screens

Usage: hall-display [options]
  --server EP          hall server request endpoint (default tcp://127.0.0.1:5570, or $HALLQ_SERVER)
  --events EP          hall server event endpoint (default tcp://127.0.0.1:5571, or $HALLQ_EVENTS)
  --window N           the screen facing the citizen at window N (with the rating prompt);
                       without it, the main hall screen
  --fullscreen         full screen (TV); otherwise a window of --size
  --size WxH           window size, e.g. 1920x1080 or 1366x768
  --at X,Y             where the window is placed (default 0,0)
  --voice DIR          voice pack folder (default: the installed Mandarin pack, sounds/zh)
  --template TEXT      announcement, e.g. "{chime}请{ticket}号到{window}号窗口办理"
  --repeat N           times each call is spoken (default: the pack's)
  --zone LIST          announce only these windows, e.g. 1-10,15 (e.g. one floor)
  --no-audio           show calls without speaking them
  --notice TEXT        the scrolling notice line
  --rating-timeout S   seconds before an unanswered rating is recorded as not rated (default 30)
  --config FILE        JSON file with any of these keys: server, events, window, fullscreen,
                       voice, template, repeat, zone, audio, notice, rating_timeout
  --trace              print one line per call shown, prompt and rating (for tests)
)";

std::string parse_window_list(const std::string& text, std::set<int>& out) {
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ',')) {
        int a = 0, b = 0;
        char dash = 0;
        std::istringstream p(part);
        if (!(p >> a)) return "bad window list: " + text;
        if (p >> dash) {
            if (dash != '-' || !(p >> b)) return "bad window list: " + text;
        } else {
            b = a;
        }
        if (a < 1 || b < a || b > 9999) return "bad window range: " + part;
        for (int w = a; w <= b; ++w) out.insert(w);
    }
    return "";
}

namespace {
std::string load_file(const std::string& path, DisplayOptions& o) {
    Json j;
    if (std::string e = read_config_object(path, j); !e.empty()) return e;
    for (const auto& [key, v] : j.items()) {
        if (key == "server" || key == "events" || key == "voice" || key == "template" || key == "notice" ||
            key == "zone") {
            if (!v.is_string()) return "config file " + path + ": \"" + key + "\" must be text";
            std::string s = v.get<std::string>();
            if (key == "server") o.server = s;
            else if (key == "events") o.events = s;
            else if (key == "voice") o.voice = s;
            else if (key == "template") o.tmpl = s;
            else if (key == "notice") o.notice = s;
            else if (std::string e = parse_window_list(s, o.zone); !e.empty()) return path + ": " + e;
        } else if (key == "window" || key == "repeat" || key == "rating_timeout") {
            if (!v.is_number_integer()) return "config file " + path + ": \"" + key + "\" must be a whole number";
            int n = v.get<int>();
            if (key == "window") o.window = n;
            else if (key == "repeat") o.repeat = n;
            else o.rating_timeout_s = n;
        } else if (key == "fullscreen" || key == "audio") {
            if (!v.is_boolean()) return "config file " + path + ": \"" + key + "\" must be true or false";
            (key == "fullscreen" ? o.fullscreen : o.audio) = v.get<bool>();
        } else {
            return "config file " + path + ": unknown key \"" + key + "\"";
        }
    }
    return "";
}
}  // namespace

std::string parse_display_options(const std::vector<std::string>& args, DisplayOptions& o) {
    endpoints_from_env(o.server, o.events);
    for (size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "--config")
            if (std::string e = load_file(args[i + 1], o); !e.empty()) return e;
    static const std::set<std::string> kValued = {"--config", "--server",  "--events", "--voice",
                                                  "--template", "--notice", "--zone",   "--size",
                                                  "--window", "--repeat", "--rating-timeout", "--at"};
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") return "help";
        if (a == "--fullscreen") o.fullscreen = true;
        else if (a == "--no-audio") o.audio = false;
        else if (a == "--trace") o.trace = true;
        else if (!kValued.count(a)) return "unknown option " + a;
        else if (i + 1 >= args.size()) return a + " needs a value";
        else {
            const std::string& v = args[++i];
            int n = 0;
            if (a == "--server") o.server = v;
            else if (a == "--events") o.events = v;
            else if (a == "--voice") o.voice = v;
            else if (a == "--template") o.tmpl = v;
            else if (a == "--notice") o.notice = v;
            else if (a == "--zone") {
                if (std::string e = parse_window_list(v, o.zone); !e.empty()) return e;
            } else if (a == "--size") {
                if (!parse_pair(v, 'x', o.width, o.height) || o.width < 320 || o.height < 240)
                    return "--size needs WIDTHxHEIGHT, e.g. 1920x1080";
            } else if (a == "--at") {
                if (!parse_pair(v, ',', o.x, o.y)) return "--at needs X,Y, e.g. 0,0";
            } else if (a != "--config") {
                if (!parse_int(v, n) || n < 0) return a + " needs a whole number";
                if (a == "--window") o.window = n;
                else if (a == "--repeat") o.repeat = n;
                else o.rating_timeout_s = n;
            }
        }
    }
    if (o.rating_timeout_s < 5) return "--rating-timeout must be at least 5 seconds";
    if (o.window > 9999) return "--window must be 1…9999";
    return "";
}

}  // namespace hallq
