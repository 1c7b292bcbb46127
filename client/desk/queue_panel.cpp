// queue_panel.cpp - the waiting and parked lists.
#include "queue_panel.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "ticket_panel.h"

namespace hallq {

namespace {
wxListCtrl* make_list(wxWindow* parent) {
    auto* l = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    l->AppendColumn(_("Number"), wxLIST_FORMAT_LEFT, 90);
    l->AppendColumn(_("Class"), wxLIST_FORMAT_LEFT, 110);
    l->AppendColumn(_("Item"), wxLIST_FORMAT_LEFT, 220);
    l->AppendColumn(_("Waiting"), wxLIST_FORMAT_RIGHT, 90);
    return l;
}

wxString class_text(const std::string& k) {
    return k == "green" ? _("Green channel") : k == "reservation" ? _("Reservation") : _("Normal");
}

// Refills `list` only when the rows as shown changed (the desk refreshes every second; waits are
// shown in minutes), so the list neither flickers nor loses its scroll position.
void fill(wxListCtrl* list, const std::vector<QueueEntry>& entries, std::vector<std::string>& numbers,
          std::vector<wxString>& shown) {
    std::vector<wxString> rows;
    for (const auto& e : entries)
        rows.push_back(wxString::FromUTF8(e.number + "|" + e.klass + "|" + e.item_name) + "|" + minutes_text(e.waited_s) +
                       (e.transferred_here ? "|t" : ""));
    if (rows == shown) return;
    shown = rows;
    std::vector<std::string> now;
    for (const auto& e : entries) now.push_back(e.number);
    long selected = list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    std::string keep = selected >= 0 && size_t(selected) < numbers.size() ? numbers[size_t(selected)] : "";
    list->DeleteAllItems();
    for (size_t i = 0; i < entries.size(); ++i) {
        const QueueEntry& e = entries[i];
        long row = list->InsertItem(long(i), wxString::FromUTF8(e.number + (e.transferred_here ? " ↩" : "")));
        list->SetItem(row, 1, class_text(e.klass));
        list->SetItem(row, 2, wxString::FromUTF8(e.item_name));
        list->SetItem(row, 3, minutes_text(e.waited_s));
        if (e.klass == "green") list->SetItemTextColour(row, wxColour(0, 130, 60));
        if (e.number == keep) list->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
    numbers = now;
}
}  // namespace

QueuePanel::QueuePanel(wxWindow* parent) : wxPanel(parent) {
    auto* col = new wxBoxSizer(wxVERTICAL);
    auto* t1 = new wxStaticText(this, wxID_ANY, _("Waiting for this window (in calling order)"));
    t1->SetFont(wxFontInfo(12).Bold());
    waiting_ = make_list(this);
    auto* t2 = new wxStaticText(this, wxID_ANY, _("Parked at this window"));
    t2->SetFont(wxFontInfo(12).Bold());
    parked_ = make_list(this);
    // Small minimums: at 1366×768 the action form below the ticket must fit beside them.
    waiting_->SetMinSize(wxSize(-1, 120));
    parked_->SetMinSize(wxSize(-1, 60));
    col->Add(t1, 0, wxALL, 4);
    col->Add(waiting_, 3, wxEXPAND | wxALL, 4);
    col->Add(t2, 0, wxALL, 4);
    col->Add(parked_, 1, wxEXPAND | wxALL, 4);
    SetSizer(col);
}

void QueuePanel::update(const DeskView& v) {
    fill(waiting_, v.queue, waiting_numbers_, waiting_shown_);
    fill(parked_, v.parked, parked_numbers_, parked_shown_);
}

std::string QueuePanel::selected_waiting() const {
    long s = waiting_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return s >= 0 && size_t(s) < waiting_numbers_.size() ? waiting_numbers_[size_t(s)] : "";
}

std::string QueuePanel::selected_parked() const {
    long s = parked_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (s >= 0 && size_t(s) < parked_numbers_.size()) return parked_numbers_[size_t(s)];
    return parked_numbers_.empty() ? "" : parked_numbers_.front();
}

}  // namespace hallq

namespace hallq {
void QueuePanel::focus() { waiting_->SetFocus(); }

wxWindow* QueuePanel::list() const { return waiting_; }
}  // namespace hallq
