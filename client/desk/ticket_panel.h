// ticket_panel.h - the ticket at the window (number, class, waits, items, linked reservation,
// recalls and transfers) and the clerk's own figures for today.
#pragma once
#include <wx/panel.h>

#include "desk_model.h"

class wxStaticText;

namespace hallq {

class TicketPanel : public wxPanel {
public:
    explicit TicketPanel(wxWindow* parent);
    void update(const DeskView& view);

private:
    wxStaticText *number_, *details_, *figures_;
};

wxString minutes_text(int64_t seconds);

}  // namespace hallq
