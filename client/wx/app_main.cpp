// app_main.cpp - main() of every wx app: options, then wxEntry with the app's wxApp.
#include "app_main.h"

#include <wx/app.h>

#include <iostream>

namespace {
wxAppConsole* create_app() {
    wxAppConsole::CheckBuildOptions(WX_BUILD_OPTIONS_SIGNATURE, "hallq");
    return hallq::wx_app_spec().create();
}
}  // namespace

int main(int argc, char** argv) {
    const hallq::WxAppSpec& spec = hallq::wx_app_spec();
    std::string problem = spec.parse(std::vector<std::string>(argv + 1, argv + argc));
    if (problem == "help") {
        std::cout << spec.usage;
        return 0;
    }
    if (!problem.empty()) {
        std::cerr << spec.name << ": " << problem << "\n" << spec.usage;
        return 2;
    }
    wxApp::SetInitializerFunction(create_app);
    return wxEntry(argc, argv);
}
