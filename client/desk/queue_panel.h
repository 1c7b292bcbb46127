// queue_panel.h - the tickets this window may call, in the order "next" would take them, with
// their waits; and the tickets parked here. Live from the replica: there is no refresh button.
#pragma once
#include <vector>
#include <wx/panel.h>
#include <wx/string.h>

#include "desk_model.h"

class wxListCtrl;

namespace hallq {

class QueuePanel : public wxPanel {
public:
    explicit QueuePanel(wxWindow* parent);
    void update(const DeskView& view);
    std::string selected_waiting() const;  // number, or empty
    std::string selected_parked() const;   // number, or the first parked, or empty
    void focus();                          // keyboard focus on the waiting list (the keys work from here)
    wxWindow* list() const;                // the waiting list (where focus() puts the focus)

private:
    wxListCtrl *waiting_, *parked_;
    std::vector<std::string> waiting_numbers_, parked_numbers_;
    std::vector<wxString> waiting_shown_, parked_shown_;  // the rows as last drawn
};

}  // namespace hallq
