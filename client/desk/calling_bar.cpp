// calling_bar.cpp - the calling buttons and their keys.
#include "calling_bar.h"

#include <wx/button.h>
#include <wx/sizer.h>

#include "core/errors.h"

namespace hallq {

std::vector<DeskAction> all_desk_actions() {
    return {DeskAction::next,     DeskAction::recall, DeskAction::start,  DeskAction::finish,
            DeskAction::no_show,  DeskAction::transfer, DeskAction::park, DeskAction::resume,
            DeskAction::call_ticket, DeskAction::pause, DeskAction::reopen};
}

CallingBar::CallingBar(wxWindow* parent, bool english, std::function<void(DeskAction)> on_action)
    : wxPanel(parent), english_(english) {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    for (DeskAction a : all_desk_actions()) {
        wxString label = wxString::FromUTF8(english ? action_label_en(a) : action_label_zh(a)) + "\n" + action_key(a);
        auto* b = new wxButton(this, wxID_ANY, label, wxDefaultPosition, wxSize(-1, 64));
        b->SetFont(wxFontInfo(a == DeskAction::next ? 15 : 12).Bold(a == DeskAction::next));
        b->Bind(wxEVT_BUTTON, [on_action, a](wxCommandEvent&) { on_action(a); });
        b->Disable();
        row->Add(b, a == DeskAction::next ? 2 : 1, wxEXPAND | wxALL, 3);
        buttons_[a] = b;
        enabled_[a] = false;
    }
    SetSizer(row);
}

bool CallingBar::focus() {
    if (!buttons_[DeskAction::next]->IsEnabled()) return false;
    buttons_[DeskAction::next]->SetFocus();
    return true;
}

void CallingBar::update(const DeskView& view) {
    for (const ActionState& s : view.actions) {
        wxButton* b = buttons_[s.action];
        b->Enable(s.enabled);
        enabled_[s.action] = s.enabled;
        wxString tip = wxString(action_key(s.action));
        if (!s.enabled && !s.why_not.empty()) {
            ErrorCode code;
            if (parse_error_code(s.why_not, code))
                tip += " — " + wxString::FromUTF8(std::string(english_ ? message_en(code) : message_zh(code)));
        }
        b->SetToolTip(tip);
    }
}

bool CallingBar::enabled(DeskAction a) const {
    auto it = enabled_.find(a);
    return it != enabled_.end() && it->second;
}

}  // namespace hallq
