// app.cpp - hall-desk: the clerk's calling workstation at a window. Chinese UI by default, English
// with --lang en (wx translation catalogs, po/ in this folder).
#include <wx/app.h>
#include <wx/gdicmn.h>

#include <algorithm>

#include <iostream>

#include "app_main.h"
#include "desk_frame.h"
#include "desk_options.h"
#include "trace.h"
#include "translation.h"

namespace hallq {

DeskOptions g_desk_options;  // parsed in app_main, before the toolkit starts

class DeskApp : public wxApp {
public:
    bool OnInit() override {
        trace_enabled() = g_desk_options.trace;
        if (!use_language(g_desk_options.lang, "hallq-desk"))
            std::cerr << "hall-desk: Chinese catalog hallq-desk.mo not found; showing English\n";
        auto* frame = new DeskFrame(g_desk_options);
        // Never larger than the screen's free area: at 1366×768 every part stays in view.
        wxRect free = wxGetClientDisplayRect();
        frame->SetClientSize(std::min(g_desk_options.width, free.width), std::min(g_desk_options.height, free.height));
        frame->Move(free.x, free.y);
        frame->Show();
        if (g_desk_options.fullscreen) frame->ShowFullScreen(true);
        trace("desk ready");
        return true;
    }
};

const WxAppSpec& wx_app_spec() { return wx_app<DeskApp>("hall-desk", kDeskUsage, parse_desk_options, g_desk_options); }

}  // namespace hallq
