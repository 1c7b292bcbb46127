// action_form.cpp - finish, transfer, park and call-ticket forms inside the desk window.
#include "action_form.h"

#include <set>
#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "trace.h"

namespace hallq {

namespace {
const char* const kOutcomes[] = {"handled", "materials_missing", "referred", "not_handled"};
}

ActionForm::ActionForm(wxWindow* parent, std::function<void(MessageType, const Json&)> on_confirm)
    : wxPanel(parent), confirm_(std::move(on_confirm)) {
    auto* col = new wxBoxSizer(wxVERTICAL);
    title_ = new wxStaticText(this, wxID_ANY, "");
    title_->SetFont(wxFontInfo(14).Bold());
    col->Add(title_, 0, wxALL, 6);
    items_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 140));
    col->Add(items_, 1, wxEXPAND | wxALL, 6);
    wxString outcomes[] = {_("Handled"), _("Materials missing"), _("Referred"), _("Not handled")};
    outcome_ = new wxRadioBox(this, wxID_ANY, _("Outcome"), wxDefaultPosition, wxDefaultSize, 4, outcomes, 2);
    col->Add(outcome_, 0, wxEXPAND | wxALL, 6);
    auto* target = new wxBoxSizer(wxHORIZONTAL);
    queue_label_ = new wxStaticText(this, wxID_ANY, _("To queue"));
    target->Add(queue_label_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    target_queue_ = new wxChoice(this, wxID_ANY);
    target_window_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(110, -1), wxTE_PROCESS_ENTER);
    target_window_->SetHint(_("Window"));
    target_window_->SetToolTip(_("Window number (0: transfer to the queue instead)"));
    target_window_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { confirm(); });
    target->Add(target_queue_, 1, wxRIGHT, 12);
    window_label_ = new wxStaticText(this, wxID_ANY, _("or to window"));
    target->Add(window_label_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    target->Add(target_window_, 0);
    col->Add(target, 0, wxEXPAND | wxALL, 6);
    open_windows_ = new wxStaticText(this, wxID_ANY, "");
    col->Add(open_windows_, 0, wxLEFT | wxRIGHT, 6);
    ticket_ = new wxChoice(this, wxID_ANY);
    col->Add(ticket_, 0, wxEXPAND | wxALL, 6);
    text_label_ = new wxStaticText(this, wxID_ANY, "");
    col->Add(text_label_, 0, wxLEFT | wxRIGHT, 6);
    text_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    col->Add(text_, 0, wxEXPAND | wxALL, 6);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    ok_ = new wxButton(this, wxID_ANY, _("Confirm (Enter)"));
    cancel_ = new wxButton(this, wxID_ANY, _("Cancel (Esc)"));
    buttons->Add(ok_, 1, wxRIGHT, 6);
    buttons->Add(cancel_, 1);
    col->Add(buttons, 0, wxEXPAND | wxALL, 6);
    SetSizer(col);
    ok_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { confirm(); });
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { close(); });
    text_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { confirm(); });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE) return close();
        if (e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER) return confirm();
        e.Skip();
    });
    Hide();
}

bool ActionForm::open(DeskAction a, const Hall& hall, const DeskView& v, const std::string& chosen_ticket) {
    if (a != DeskAction::finish && a != DeskAction::transfer && a != DeskAction::park && a != DeskAction::call_ticket)
        return false;
    action_ = a;
    window_ = v.window;
    bool finish = a == DeskAction::finish, transfer = a == DeskAction::transfer, call = a == DeskAction::call_ticket;
    items_->Show(finish);
    outcome_->Show(finish);
    target_queue_->Show(transfer);
    target_window_->Show(transfer);
    queue_label_->Show(transfer);
    window_label_->Show(transfer);
    open_windows_->Show(transfer);
    text_label_->SetForegroundColour(GetForegroundColour());
    ticket_->Show(call);
    text_->Clear();
    if (finish) {
        title_->SetLabel(wxString::Format(_("Finish %s: items handled and outcome"), wxString::FromUTF8(v.current.number)));
        items_->Clear();
        item_codes_.clear();
        std::set<std::string> asked(v.current.items.begin(), v.current.items.end());
        for (const ServiceItem& i : hall.catalogue().items) {
            bool served_here = std::count(v.profile.begin(), v.profile.end(), i.queue) > 0;
            if (!served_here && !asked.count(i.code)) continue;
            int row = items_->Append(wxString::FromUTF8(i.name + "  (" + i.code + ")"));
            items_->Check(row, asked.count(i.code) > 0);
            item_codes_.push_back(i.code);
        }
        outcome_->SetSelection(0);
        text_label_->SetLabel("");
        text_->Hide();
    } else {
        text_->Show();
    }
    if (transfer) {
        title_->SetLabel(wxString::Format(_("Transfer %s to a queue or a window"), wxString::FromUTF8(v.current.number)));
        target_queue_->Clear();
        queue_letters_.clear();
        for (const Queue& q : hall.catalogue().queues) {
            target_queue_->Append(wxString::FromUTF8(q.letter + "  " + q.name));
            queue_letters_.push_back(q.letter);
        }
        int other = 0;  // the first queue other than the ticket's own
        for (size_t i = 0; i < queue_letters_.size(); ++i)
            if (queue_letters_[i] != v.current.queue) {
                other = int(i);
                break;
            }
        target_queue_->SetSelection(other);
        target_window_->Clear();
        // The windows open now (other than this one), to transfer to.
        wxString open;
        for (const auto& [n, w] : hall.windows())
            if (n != v.window && w.state != WindowState::closed) {
                const WindowDef* def = hall.catalogue().window(n);
                open += (open.empty() ? "" : ",  ") + wxString::Format("%d", n) +
                        (def && !def->name.empty() ? " " + wxString::FromUTF8(def->name) : wxString());
            }
        open_windows_->SetLabel(_("Open windows: ") + (open.empty() ? _("none") : open));
        text_label_->SetLabel(_("Note for the next clerk"));
    }
    if (a == DeskAction::park) {
        title_->SetLabel(wxString::Format(_("Park %s (e.g. waiting for a copy)"), wxString::FromUTF8(v.current.number)));
        text_label_->SetLabel(_("Note"));
    }
    if (call) {
        title_->SetLabel(_("Call a chosen ticket out of order"));
        ticket_->Clear();
        int pick = 0;
        for (size_t i = 0; i < v.queue.size(); ++i) {
            ticket_->Append(wxString::FromUTF8(v.queue[i].number));
            if (v.queue[i].number == chosen_ticket) pick = int(i);
        }
        ticket_->SetSelection(pick);
        text_label_->SetLabel(_("Reason (recorded)"));
    }
    open_ = true;
    Show();
    GetParent()->Layout();
    (finish ? static_cast<wxWindow*>(ok_) : transfer ? static_cast<wxWindow*>(target_window_) : text_)->SetFocus();
    return true;
}

void ActionForm::confirm() {
    if (!open_) return;
    Json body{{"window", window_}};
    MessageType type;
    std::string text = text_->GetValue().ToStdString(wxConvUTF8);
    switch (action_) {
        case DeskAction::finish: {
            type = MessageType::finish;
            Json items = Json::array();
            for (size_t i = 0; i < item_codes_.size(); ++i)
                if (items_->IsChecked(unsigned(i))) items.push_back(item_codes_[i]);
            body["items"] = items;
            body["outcome"] = kOutcomes[std::max(0, outcome_->GetSelection())];
            break;
        }
        case DeskAction::transfer: {
            type = MessageType::transfer;
            long target = 0;
            if (target_window_->GetValue().ToLong(&target) && target > 0) body["target_window"] = int(target);
            else body["target_queue"] = queue_letters_.at(size_t(std::max(0, target_queue_->GetSelection())));
            if (!text.empty()) body["note"] = text;
            break;
        }
        case DeskAction::park:
            type = MessageType::park;
            if (!text.empty()) body["note"] = text;
            break;
        case DeskAction::call_ticket:
            type = MessageType::call_ticket;
            if (ticket_->GetSelection() < 0) return;
            if (wxString::FromUTF8(text).Trim().Trim(false).empty()) {  // recorded: the form stays until it is given
                text_label_->SetLabel(_("Reason (recorded) - a reason is required"));
                text_label_->SetForegroundColour(wxColour(180, 20, 20));
                GetParent()->Layout();
                text_->SetFocus();
                trace("form Call ticket needs a reason");
                return;
            }
            body["ticket"] = ticket_->GetStringSelection().ToStdString(wxConvUTF8);
            body["reason"] = text;
            break;
        default: return;
    }
    close();
    confirm_(type, body);
}

void ActionForm::close() {
    open_ = false;
    Hide();
    GetParent()->Layout();
    if (focus_after_) focus_after_();  // back to the desk, where the F keys work
    else GetParent()->SetFocus();
}

}  // namespace hallq
