// message_panel.cpp - one large message in the middle of the screen, or "one moment".
#include "kiosk_screens.h"
#include "kiosk_text.h"

namespace hallq {

MessagePanel::MessagePanel(wxWindow* parent, const KioskScreen& s) : ScreenPanel(parent) {
    if (s.kind == KioskScreen::Kind::busy) {
        sizer_->Add(look::label(this, say(Text::waiting_reply), 48, look::kInk, true), 0, wxALIGN_CENTRE | wxTOP, 300);
        return;
    }
    auto* l = look::label(this, "", 44, look::kInk, true);
    look::set_wrapped(l, say(s.message, s.lang), look::window_size(this).x - 100);
    sizer_->Add(l, 0, wxALIGN_CENTRE | wxTOP, 240);
}

}  // namespace hallq
