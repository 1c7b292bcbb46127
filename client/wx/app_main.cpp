// app_main.cpp - main() of every wx app: options, then wxEntry with the app's wxApp.
#include "app_main.h"

#include <wx/app.h>

#include <iostream>

#include "net/device_key.h"

namespace {
wxAppConsole* create_app() {
    wxAppConsole::CheckBuildOptions(WX_BUILD_OPTIONS_SIGNATURE, "hallq");
    return hallq::wx_app_spec().create();
}
}  // namespace

int main(int argc, char** argv) {
    const hallq::WxAppSpec& spec = hallq::wx_app_spec();
    // --device-key FILE (every app): the device's CURVE key, from `hallctl device enroll --out`.
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string key_path;
    for (size_t i = 0; i < args.size(); ++i)
        if (args[i] == "--device-key" && i + 1 < args.size()) {
            key_path = args[i + 1];
            args.erase(args.begin() + long(i), args.begin() + long(i) + 2);
            break;
        }
    std::string problem = spec.parse(args);
    if (problem == "help") {
        std::cout << spec.usage
                  << "  --device-key FILE    this device's key from the hall's administrator (hallctl device\n"
                     "                       enroll; default $HALLQ_DEVICE_KEY)\n";
        return 0;
    }
    if (problem.empty()) {
        try {
            if (!key_path.empty()) hallq::set_device_key(hallq::read_device_key(key_path));
            hallq::device_key();  // none at all: say so now, not from inside the toolkit
        } catch (const hallq::DeviceKeyError& e) {
            std::cerr << spec.name << ": " << e.what() << "\n";
            return 2;
        }
    }
    if (!problem.empty()) {
        std::cerr << spec.name << ": " << problem << "\n" << spec.usage;
        return 2;
    }
    wxApp::SetInitializerFunction(create_app);
    return wxEntry(argc, argv);
}
