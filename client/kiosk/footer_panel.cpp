// footer_panel.cpp - the swipe hint and "start over" (and on demo kiosks, the demo card button).
#include "kiosk_chrome.h"
#include "kiosk_text.h"

namespace hallq {

FooterPanel::FooterPanel(wxWindow* parent, std::function<void()> on_start_over) : wxPanel(parent) {
    SetBackgroundColour(look::kFooter);
    auto* fs = new wxBoxSizer(wxHORIZONTAL);
    hint_ = look::label(this, "", 28, look::kInk);
    home_ = look::button(this, 30, true, wxSize(300, 100), std::move(on_start_over));
    fs->Add(hint_, 1, wxALIGN_CENTRE_VERTICAL | wxALL, 20);
    fs->Add(home_, 0, wxALIGN_CENTRE_VERTICAL | wxALL, 16);
    SetSizer(fs);
}

void FooterPanel::add_demo_button(std::function<void()> on_demo) {
    demo_ = look::button(this, 24, false, wxSize(220, 100), std::move(on_demo));
    GetSizer()->Insert(1, demo_, 0, wxALIGN_CENTRE_VERTICAL | wxALL, 16);
}

void FooterPanel::show(const KioskScreen&) {
    look::set_wrapped(hint_, say(Text::swipe_hint), look::window_size(this).x - (demo_ ? 680 : 420));
    home_->SetLabel(say(Text::start_over));
    if (demo_) demo_->SetLabel(say(Text::demo_swipe));
}

}  // namespace hallq
