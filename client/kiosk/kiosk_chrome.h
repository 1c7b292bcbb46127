// kiosk_chrome.h - what stays around the kiosk's screens, one panel each (one .cpp each): the
// header (the hall's name, the language switch), the banner (what just happened: a card read, the
// green channel, the server unreachable) and the footer (the swipe hint, the demo card, "start over").
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "kiosk_look.h"
#include "kiosk_session.h"

namespace hallq {

// header_panel.cpp
class HeaderPanel : public wxPanel {
public:
    HeaderPanel(wxWindow* parent, std::function<void()> on_language);
    void show(const KioskScreen& s);
    wxButton* language_button() const { return lang_; }

private:
    wxStaticText* title_;
    wxButton* lang_;
};

// banner_panel.cpp: hidden while there is nothing to say.
class BannerPanel : public wxPanel {
public:
    explicit BannerPanel(wxWindow* parent);
    // Shows the session's banner; returns its text ("" when hidden).
    wxString show(const KioskScreen& s);

private:
    wxStaticText* text_;
};

// footer_panel.cpp
class FooterPanel : public wxPanel {
public:
    FooterPanel(wxWindow* parent, std::function<void()> on_start_over);
    void show(const KioskScreen& s);
    // Demo kiosks (--reader demo): a button that puts the next demo card on the simulated reader.
    void add_demo_button(std::function<void()> on_demo);
    wxButton* home_button() const { return home_; }
    wxButton* demo_button() const { return demo_; }

private:
    wxStaticText* hint_;
    wxButton* home_;
    wxButton* demo_ = nullptr;
};

}  // namespace hallq
