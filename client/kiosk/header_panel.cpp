// header_panel.cpp - the hall's name and the language switch, on the kiosk's blue header.
#include "kiosk_chrome.h"
#include "kiosk_text.h"

namespace hallq {

HeaderPanel::HeaderPanel(wxWindow* parent, std::function<void()> on_language) : wxPanel(parent) {
    SetBackgroundColour(look::kBlue);
    auto* hs = new wxBoxSizer(wxHORIZONTAL);
    title_ = look::label(this, "", 44, *wxWHITE, true);
    lang_ = look::button(this, 30, true, wxSize(200, 90), std::move(on_language));
    hs->Add(title_, 1, wxALIGN_CENTRE_VERTICAL | wxALL, 24);
    hs->Add(lang_, 0, wxALIGN_CENTRE_VERTICAL | wxALL, 16);
    SetSizer(hs);
}

void HeaderPanel::show(const KioskScreen& s) {
    wxString hall = s.hall_name.empty() ? wxString() : wxString::FromUTF8(s.hall_name) + wxString::FromUTF8(" · ");
    look::set_wrapped(title_, hall + say(Text::title), look::window_size(this).x - 300);
    // Each language is offered in its own words, not translated.
    lang_->SetLabel(s.lang == Lang::zh ? wxString("English") : wxString::FromUTF8("中文"));
}

}  // namespace hallq
