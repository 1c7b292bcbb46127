// desk_options.h - hall-desk settings from the command line (parsed before the toolkit starts).
#pragma once
#include <string>
#include <vector>

namespace hallq {

struct DeskOptions {
    std::string server = "tcp://127.0.0.1:5570", events = "tcp://127.0.0.1:5571";
    int window = 0;         // preselected window; the clerk may change it at login
    std::string clerk;      // preselected clerk id
    std::string lang = "zh";  // zh (Chinese UI) or en
    int width = 1280, height = 720;  // fits a 1366×768 clerk PC with its taskbar
    bool fullscreen = false;
    bool trace = false;     // one machine-readable line per login, view change and reply (tests)
};

// Empty on success, "help", or the problem naming the option.
std::string parse_desk_options(const std::vector<std::string>& args, DeskOptions& o);
extern const char* const kDeskUsage;

}  // namespace hallq
