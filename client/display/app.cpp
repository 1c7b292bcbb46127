// app.cpp - hall-display: the main hall screen, or with --window N the screen at one window.
// Keeps a replica of the hall, draws it, speaks every call in its audio zone, and sends ratings.
#include <wx/app.h>
#include <wx/frame.h>
#include <wx/msgdlg.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "app_main.h"
#include "display_options.h"
#include "hall_feed.h"
#include "main_screen.h"
#include "trace.h"
#include "translation.h"
#include "window_screen.h"
#ifdef HALLQ_HAVE_AUDIO
#include "announcer.h"
#endif

#ifndef HALLQ_SOURCE_SOUNDS_DIR
#define HALLQ_SOURCE_SOUNDS_DIR ""
#endif

namespace hallq {

namespace {
#ifdef HALLQ_HAVE_AUDIO
// The installed Mandarin pack: <prefix>/share/hallq/sounds/zh, else the source tree's.
std::string default_voice() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path exe = fs::canonical("/proc/self/exe", ec);
    for (fs::path p : {exe.parent_path() / "../share/hallq/sounds/zh", fs::path(HALLQ_SOURCE_SOUNDS_DIR) / "zh"})
        if (fs::exists(p / "manifest.json", ec)) return p.string();
    return "";
}
#endif
}  // namespace

class DisplayApp : public wxApp {
public:
    bool OnInit() override;
    int OnExit() override;

private:
    void update(const DisplayState& state, const std::vector<Event>& events);

    DisplayOptions opt_;
    std::unique_ptr<HallFeed> feed_;
    MainScreen* main_ = nullptr;
    WindowScreen* window_ = nullptr;
    bool connected_ = false;
#ifdef HALLQ_HAVE_AUDIO
    std::unique_ptr<Announcer> announcer_;
#endif
};

DisplayOptions g_options;  // parsed in app_main, before the toolkit starts

bool DisplayApp::OnInit() {
    opt_ = g_options;
    trace_enabled() = opt_.trace;
    // Chinese first, English second, on one screen: the catalog gives the Chinese (zh_en()).
    if (!use_language("zh", "hallq-display"))
        std::cerr << "hall-display: Chinese catalog hallq-display.mo not found; showing English\n";

#ifdef HALLQ_HAVE_AUDIO
    if (opt_.window == 0) {  // the main screen speaks; window screens stay quiet
        AnnouncerConfig ac;
        ac.pack_dir = opt_.voice.empty() ? default_voice() : opt_.voice;
        if (!opt_.tmpl.empty()) ac.style.tmpl = opt_.tmpl;
        if (opt_.repeat > 0) ac.style.repeat = opt_.repeat;
        ac.zone = opt_.zone;
        ac.silent = !opt_.audio;
        announcer_ = std::make_unique<Announcer>(ac);
        announcer_->on_first_sample = [](const AnnouncementTiming& t) {
            auto ms = std::chrono::duration_cast<std::chrono::microseconds>(t.first_sample - t.queued).count();
            trace("announced " + t.ticket + " window=" + std::to_string(t.window) + " latency_us=" + std::to_string(ms) +
                  " mono_us=" + mono_us(t.first_sample));
        };
        if (!announcer_->startup_error().empty()) {
            std::cerr << "hall-display: 语音播报受限 / voice announcements limited: " << announcer_->startup_error()
                      << "\n";
            trace("voice fallback: " + announcer_->startup_error());
        }
    }
#endif

    wxString title = opt_.window ? zh_en("Window screen %d", opt_.window) : zh_en("Hall display");
    auto* frame = new wxFrame(nullptr, wxID_ANY, title);
    if (opt_.window) {
        window_ = new WindowScreen(frame, opt_.window, opt_.rating_timeout_s,
                                   [this](const RatingPrompt& p, const RatingChoice& c) {
                                       Json body{{"ticket", p.ticket}, {"window", p.window}, {"level", c.level}};
                                       if (!c.reasons.empty()) body["reasons"] = c.reasons;
                                       trace("rating chosen " + p.number + " level=" + std::to_string(c.level));
                                       feed_->close_prompt(p.window);
                                       feed_->send("rate", body, [number = p.number](std::optional<Reply> r) {
                                           trace("rating sent " + number + " " +
                                                 (!r ? std::string("unreachable") : r->ok ? std::string("ok") : std::string(to_string(r->error.code))));
                                       });
                                   });
    } else {
        main_ = new MainScreen(frame, opt_.notice);
    }
    int w = opt_.width ? opt_.width : opt_.window ? 1024 : 1366;
    int h = opt_.height ? opt_.height : opt_.window ? 600 : 768;
    frame->SetClientSize(w, h);
    frame->Move(opt_.x, opt_.y);
    frame->Show();
    if (opt_.fullscreen) frame->ShowFullScreen(true);

    HallFeed::Options fo;
    fo.requests = opt_.server;
    fo.events = opt_.events;
    fo.name = opt_.window ? "window-screen" + std::to_string(opt_.window) : "hall-display";
    feed_ = std::make_unique<HallFeed>(fo);
    feed_->on_change = [this](const DisplayState& s, const std::vector<Event>& events) {
        CallAfter([this, s, events] { update(s, events); });
    };
    feed_->start();
    trace("display ready");
    return true;
}

void DisplayApp::update(const DisplayState& state, const std::vector<Event>& events) {
    if (state.connected != connected_) {
        connected_ = state.connected;
        trace(connected_ ? "connection restored seq=" + std::to_string(state.seq) : std::string("connection lost"));
    }
    if (main_) main_->show(state);
    if (window_) window_->show(state);
#ifdef HALLQ_HAVE_AUDIO
    if (announcer_)
        for (const Event& e : events)
            if (e.type == EventType::ticket_called || e.type == EventType::ticket_recalled)
                for (const CallLine& c : state.calls)
                    if (c.ticket == e.ticket) {
                        announcer_->announce(c.number, c.window);
                        break;
                    }
#else
    (void)events;
#endif
}

int DisplayApp::OnExit() {
    feed_.reset();
    return wxApp::OnExit();
}

const WxAppSpec& wx_app_spec() {
    return wx_app<DisplayApp>("hall-display", kDisplayUsage, parse_display_options, g_options);
}

}  // namespace hallq
