// banner_panel.cpp - a coloured band under the header with what just happened, line by line.
#include "kiosk_chrome.h"
#include "kiosk_text.h"

namespace hallq {

namespace {
wxColour tone_colour(KioskScreen::Tone t) {
    switch (t) {
        case KioskScreen::Tone::blue: return look::kDarkBlue;
        case KioskScreen::Tone::green: return look::kGreen;
        case KioskScreen::Tone::amber: return look::kAmber;
        case KioskScreen::Tone::red: break;
    }
    return look::kRed;
}
}  // namespace

BannerPanel::BannerPanel(wxWindow* parent) : wxPanel(parent) {
    auto* bs = new wxBoxSizer(wxVERTICAL);
    text_ = look::label(this, "", 32, *wxWHITE, true);
    bs->Add(text_, 0, wxEXPAND | wxALL, 18);
    SetSizer(bs);
    Hide();
}

wxString BannerPanel::show(const KioskScreen& s) {
    wxString text;
    for (const KioskLine& l : s.banner) text += (text.empty() ? "" : "\n") + say(l, s.lang);
    SetBackgroundColour(tone_colour(s.banner_tone));
    look::set_wrapped(text_, text, look::window_size(this).x - 60);
    Show(!text.empty());
    return text;
}

}  // namespace hallq
