// kiosk_frame.h - the kiosk's one window: the header, the banner, the screen of the moment and the
// footer (kiosk_chrome.h, kiosk_screens.h), over a KioskSession that decides what they show.
//
// The frame forwards every intent (touch, card, scanner key, idle timer) to the session and then
// renders what changed. Requests go through the hall feed's sender thread, prints through the
// print queue; their answers, like the card watcher's reads, are brought onto the UI thread with
// CallAfter and given to the session as intents too.
#pragma once
#include <wx/frame.h>
#include <wx/timer.h>

#include <functional>
#include <string>

#include "kiosk_options.h"
#include "kiosk_screens.h"
#include "kiosk_session.h"

class wxKeyEvent;

namespace hallq {

class HallFeed;
class PrintQueue;
class HeaderPanel;
class BannerPanel;
class FooterPanel;

class KioskFrame : public wxFrame, private KioskPorts {
public:
    KioskFrame(const KioskOptions& opt, HallFeed& feed, PrintQueue& printer);

    // From the feed (UI thread): the catalogue when it changed, and the connection state.
    void on_catalogue(const Catalogue& catalogue);
    void on_connection(bool connected);
    // From the card watcher (UI thread).
    void on_card(const idcard::CardText& card);
    void on_card_error(idcard::ReadError error);
    // Any touch or key: the visitor is still there.
    void touched();
    // Demo kiosks (--reader demo): a footer button that puts the next demo card on the simulated
    // reader; `swipe` does it and returns who the card belongs to.
    void enable_demo_swipe(std::function<std::string()> swipe);

private:
    // KioskPorts
    void send(const std::string& type, const Json& body, uint64_t generation) override;
    void print(const IssuedTicket& ticket, const std::string& hall_name, const std::string& missed_call) override;

    void act(const std::function<void(KioskSession&)>& intent);
    void render();
    void show_screen();
    // Reports the screen (once painted: see the .cpp) with the centre of every button.
    void trace_screen();
    void emit_screen_line();
    void pointer_trace(wxWindow* button, const std::string& code);
    void on_key(wxKeyEvent& e);

    KioskOptions opt_;
    HallFeed& feed_;
    PrintQueue& printer_;
    KioskSession session_;
    KioskAct act_;
    // What is rendered: the session's counters and settings when it was last drawn.
    uint64_t shown_ = 0, banner_shown_ = 0, printing_shown_ = 0;
    Lang lang_;
    std::string hall_name_;
    bool banner_up_ = false;
    std::string screen_name_;  // as traced
    bool trace_pending_ = false;  // a screen line is due at the next paint of the content

    wxPanel* root_ = nullptr;
    HeaderPanel* header_ = nullptr;
    BannerPanel* banner_ = nullptr;
    wxPanel* content_ = nullptr;
    wxBoxSizer* content_sizer_ = nullptr;
    ScreenPanel* screen_ = nullptr;
    FooterPanel* footer_ = nullptr;
    wxTimer idle_;
};

}  // namespace hallq
