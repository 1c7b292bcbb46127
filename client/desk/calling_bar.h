// calling_bar.h - the row of calling actions, each on one key (F1 next … F12 reopen), enabled
// only when the hall would accept it; the disabled button's tooltip says why.
#pragma once
#include <functional>
#include <map>
#include <wx/panel.h>

#include "desk_model.h"

class wxButton;

namespace hallq {

class CallingBar : public wxPanel {
public:
    CallingBar(wxWindow* parent, bool english, std::function<void(DeskAction)> on_action);
    void update(const DeskView& view);
    bool enabled(DeskAction a) const;
    // The keyboard focus on 叫号 when it can be pressed (Enter then calls the next ticket);
    // false when it cannot, and the caller puts the focus somewhere harmless.
    bool focus();

private:
    std::map<DeskAction, wxButton*> buttons_;
    std::map<DeskAction, bool> enabled_;
    bool english_;
};

std::vector<DeskAction> all_desk_actions();

}  // namespace hallq
