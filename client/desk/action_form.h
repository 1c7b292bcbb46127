// action_form.h - the inline form for actions that need a little input: finish (items handled
// and outcome), transfer (queue or window, note), park (note), call a chosen ticket (reason).
// Never modal: Enter (or the action's key again) confirms, Esc cancels.
#pragma once
#include <functional>
#include <wx/panel.h>

#include "core/hall.h"
#include "desk_model.h"
#include "protocol/json.h"
#include "protocol/messages.h"

class wxStaticText;
class wxChoice;
class wxTextCtrl;
class wxCheckListBox;
class wxRadioBox;
class wxButton;

namespace hallq {

class ActionForm : public wxPanel {
public:
    // `confirm` gets the request type and body.
    ActionForm(wxWindow* parent, std::function<void(MessageType, const Json&)> confirm);
    // Where the keyboard focus goes when the form closes (the calling bar), not the first control.
    void set_focus_after(std::function<void()> f) { focus_after_ = std::move(f); }
    // Opens the form for `a` at `window`; false if `a` needs no form.
    bool open(DeskAction a, const Hall& hall, const DeskView& view, const std::string& chosen_ticket);
    bool is_open() const { return open_; }
    DeskAction action() const { return action_; }
    void confirm();
    void close();

private:
    std::function<void()> focus_after_;
    bool open_ = false;
    DeskAction action_ = DeskAction::next;
    int window_ = 0;
    std::vector<std::string> item_codes_, queue_letters_;
    wxStaticText* title_;
    wxCheckListBox* items_;
    wxRadioBox* outcome_;
    wxChoice *target_queue_, *ticket_;
    wxTextCtrl* target_window_;  // a window number; empty: the queue chosen beside it
    wxTextCtrl* text_;  // note or reason
    wxStaticText* text_label_;
    wxStaticText *queue_label_ = nullptr, *window_label_ = nullptr, *open_windows_ = nullptr;
    wxButton *ok_, *cancel_;
    std::function<void(MessageType, const Json&)> confirm_;
};

}  // namespace hallq
