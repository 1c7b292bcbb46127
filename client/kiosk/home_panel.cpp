// home_panel.cpp - the start screen: a large button per department.
#include "kiosk_screens.h"
#include "kiosk_text.h"

namespace hallq {

HomePanel::HomePanel(wxWindow* parent, const KioskScreen& s, const KioskAct& act) : ScreenPanel(parent) {
    if (!s.connected || s.menu.categories.empty()) {
        sizer_->Add(look::label(this, say(Text::connecting), 40, look::kInk), 0, wxALIGN_CENTRE | wxTOP, 200);
        return;
    }
    sizer_->Add(look::label(this, say(Text::choose_service), 44, look::kInk, true), 0, wxALIGN_CENTRE | wxBOTTOM, 24);
    int columns = landscape() ? 4 : 2;
    auto* grid = new wxGridSizer(columns, 20, 20);
    for (size_t i = 0; i < s.menu.categories.size(); ++i) {
        const auto& c = s.menu.categories[i];
        grid->Add(big_button(c.code, wxString::FromUTF8(c.name), 40, look::kBlue, columns, 150,
                             [act, i] { act([i](KioskSession& k) { k.choose_category(i); }); }),
                  1, wxEXPAND);
    }
    sizer_->Add(grid, 0, wxEXPAND);
    sizer_->AddStretchSpacer();
}

}  // namespace hallq
