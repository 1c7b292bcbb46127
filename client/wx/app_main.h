// app_main.h - the one main() of the wx apps (hall-kiosk, hall-display, hall-desk). It parses the
// options first, so --help and bad options are answered even without a screen, then starts the
// toolkit with the app. Each app defines wx_app_spec(); app_main.cpp holds main() itself.
#pragma once
#include <functional>
#include <string>
#include <vector>

class wxApp;

namespace hallq {

struct WxAppSpec {
    const char* name;   // "hall-kiosk": names the program in the problem line
    const char* usage;  // printed for --help and after a problem
    // Parses the command line into the app's options: "" (go on), "help", or the problem.
    std::function<std::string(const std::vector<std::string>& args)> parse;
    std::function<wxApp*()> create;  // the app, made once the toolkit is up
};

// Defined by each app, in its app.cpp; usually `return wx_app<MyApp>("my-app", kUsage, parse, g_options);`.
const WxAppSpec& wx_app_spec();

// The spec of App whose options `parse` reads into `options` (a global: App reads it in OnInit).
template <class App, class Options>
const WxAppSpec& wx_app(const char* name, const char* usage,
                        std::string (*parse)(const std::vector<std::string>&, Options&), Options& options) {
    static const WxAppSpec spec{name, usage, [parse, &options](const std::vector<std::string>& a) { return parse(a, options); },
                                [] { return static_cast<wxApp*>(new App); }};
    return spec;
}

}  // namespace hallq
