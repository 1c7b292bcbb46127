// app.cpp - hall-desk: the clerk's calling workstation at a window. Chinese UI by default, English
// with --lang en (wx translation catalogs, po/ in this folder).
#include <wx/app.h>
#include <wx/translation.h>

#include <filesystem>
#include <iostream>

#include "desk_frame.h"
#include "desk_options.h"
#include "trace.h"

#ifndef HALLQ_BUILD_LOCALE_DIR
#define HALLQ_BUILD_LOCALE_DIR ""
#endif

namespace hallq {

DeskOptions g_desk_options;  // parsed in main, before the toolkit starts

class DeskApp : public wxApp {
public:
    bool OnInit() override {
        trace_enabled() = g_desk_options.trace;
        namespace fs = std::filesystem;
        std::error_code ec;
        fs::path exe = fs::canonical("/proc/self/exe", ec);
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix((exe.parent_path() / "../share/locale").string());
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(HALLQ_BUILD_LOCALE_DIR);
        auto* translations = new wxTranslations();
        wxTranslations::Set(translations);
        if (g_desk_options.lang == "zh") {
            translations->SetLanguage("zh_CN");
            if (!translations->AddCatalog("hallq-desk"))
                std::cerr << "hall-desk: Chinese catalog hallq-desk.mo not found; showing English\n";
        }
        auto* frame = new DeskFrame(g_desk_options);
        frame->SetClientSize(g_desk_options.width, g_desk_options.height);
        frame->Move(0, 0);
        frame->Show();
        trace("desk ready");
        return true;
    }
};

}  // namespace hallq

wxIMPLEMENT_APP_NO_MAIN(hallq::DeskApp);

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string problem = hallq::parse_desk_options(args, hallq::g_desk_options);
    if (problem == "help") {
        std::cout << hallq::kDeskUsage;
        return 0;
    }
    if (!problem.empty()) {
        std::cerr << "hall-desk: " << problem << "\n" << hallq::kDeskUsage;
        return 2;
    }
    return wxEntry(argc, argv);
}
