// display_options.h - hall-display settings: config file (JSON), then the command line. No wx.
#pragma once
#include <set>
#include <string>
#include <vector>

namespace hallq {

struct DisplayOptions {
    std::string server = "tcp://127.0.0.1:5570", events = "tcp://127.0.0.1:5571";
    int window = 0;  // 0: the main hall screen; N: the screen facing the citizen at window N
    bool fullscreen = false;
    int width = 0, height = 0;  // window size when not full-screen; 0 = the screen's default
    int x = 0, y = 0;           // where the window is placed on the desktop
    std::string voice;          // voice pack folder; empty = the installed Mandarin pack
    std::string tmpl;           // announcement template; empty = the pack's
    int repeat = 0;             // times the sentence is spoken; 0 = the pack's
    std::set<int> zone;         // windows this display announces; empty = all
    bool audio = true;
    std::string notice;  // empty: 请留意叫号，<the hall's missed-call rule (hall.missed_call)> · Please listen for your number
    int rating_timeout_s = 30;  // the rating prompt records "not rated" after this
    bool trace = false;         // one machine-readable line per shown call, prompt, rating (tests)
};

// Parses argv over `o` (a --config file first, so the command line wins). Returns an empty
// string, "help", or a message naming the bad option or key.
std::string parse_display_options(const std::vector<std::string>& args, DisplayOptions& o);

// "1-10,15" → {1…10, 15}; empty string on success, else the problem.
std::string parse_window_list(const std::string& text, std::set<int>& out);

extern const char* const kDisplayUsage;

}  // namespace hallq
