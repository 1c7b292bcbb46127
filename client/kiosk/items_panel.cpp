// items_panel.cpp - a department's service items, a large button each, and "back".
#include "kiosk_screens.h"
#include "kiosk_text.h"

namespace hallq {

ItemsPanel::ItemsPanel(wxWindow* parent, const KioskScreen& s, const KioskAct& act) : ScreenPanel(parent) {
    const auto& c = s.menu.categories.at(s.category);
    sizer_->Add(look::label(this, say(Text::choose_item, {c.name}), 40, look::kInk, true), 0, wxALIGN_CENTRE | wxBOTTOM, 24);
    int columns = landscape() ? 2 : 1;
    auto* grid = new wxGridSizer(columns, 16, 16);
    for (const std::string& code : c.items) {
        const ServiceItem* item = s.catalogue.item(code);
        if (!item) continue;
        grid->Add(big_button(code, wxString::FromUTF8(item->name), 34, look::kInk, columns, 110,
                             [act, code] { act([code](KioskSession& k) { k.choose_item(code); }); }),
                  0, wxEXPAND);
    }
    sizer_->Add(grid, 0, wxEXPAND);
    sizer_->AddStretchSpacer();
    sizer_->Add(big_button("back", say(Text::back), 34, look::kInk, 1, 100, [act] { act([](KioskSession& k) { k.back(); }); }, 300),
                0, wxALIGN_LEFT);
}

}  // namespace hallq
