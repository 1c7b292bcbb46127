// ticket_panel.cpp - drawing the current ticket and today's figures.
#include "ticket_panel.h"

#include <wx/datetime.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace hallq {

wxString minutes_text(int64_t seconds) {
    return wxString::Format(_("%lld min"), static_cast<long long>((seconds + 30) / 60));
}

TicketPanel::TicketPanel(wxWindow* parent) : wxPanel(parent) {
    auto* col = new wxBoxSizer(wxVERTICAL);
    number_ = new wxStaticText(this, wxID_ANY, "");
    number_->SetFont(wxFontInfo(40).Bold());
    details_ = new wxStaticText(this, wxID_ANY, "");
    details_->SetFont(wxFontInfo(13));
    figures_ = new wxStaticText(this, wxID_ANY, "");
    figures_->SetFont(wxFontInfo(12));
    col->Add(number_, 0, wxALL, 8);
    col->Add(details_, 1, wxALL | wxEXPAND, 8);
    col->Add(figures_, 0, wxALL, 8);
    SetSizer(col);
}

void TicketPanel::update(const DeskView& v) {
    const CurrentTicketView& t = v.current;
    if (!t.id) {
        number_->SetLabel(_("No ticket"));
        details_->SetLabel(v.queue.empty() ? _("Nobody is waiting for this window.")
                                           : wxString::Format(_("%d waiting - press F1 to call the next."), int(v.queue.size())));
    } else {
        wxString klass = t.klass == "green" ? _("Green channel") : t.klass == "reservation" ? _("Reservation") : _("Normal");
        wxString state = t.state == TicketState::serving ? _("Serving") : _("Called");
        number_->SetLabel(wxString::FromUTF8(t.number) + "  " + state);
        wxString d = _("Class: ") + klass + "\n" + _("Waited: ") + minutes_text(t.waited_s) + "    " +
                     _("At the window: ") + minutes_text(t.at_window_s) + "\n";
        wxString items;
        for (size_t i = 0; i < t.items.size(); ++i)
            items += (i ? wxString::FromUTF8("、") : wxString()) + wxString::FromUTF8(i < t.item_names.size() ? t.item_names[i] : t.items[i]);
        d += _("Items: ") + (items.empty() ? _("(not chosen)") : items) + "\n";
        if (!t.reservation.empty()) {
            d += _("Reservation: ") + wxString::FromUTF8(t.reservation);
            if (t.slot_at) d += "  " + wxDateTime(wxLongLong(t.slot_at)).Format("%H:%M");
            d += "\n";
        }
        if (!t.holder.empty()) d += _("Holder: ") + wxString::FromUTF8(t.holder) + "\n";
        d += wxString::Format(_("Recalled %d times (%d left), transferred %d times"), t.recalls, t.recalls_left,
                              t.transfers);
        details_->SetLabel(d);
    }
    const ClerkFigures& f = v.figures;
    figures_->SetLabel(wxString::Format(_("Today: served %d, average %s; ratings: %d good, %d fair, %d poor, %d not rated"),
                                        f.served, minutes_text(f.average_handling_s), f.good, f.neutral, f.bad,
                                        f.not_rated));
    Layout();
}

}  // namespace hallq
