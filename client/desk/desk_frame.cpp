// desk_frame.cpp - the clerk desk: actions sent with same-id retries, replies shown in place.
#include "desk_frame.h"

#include "protocol/messages.h"

#include <wx/accel.h>
#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>

#include <chrono>
#include <map>

#include "action_form.h"
#include "calling_bar.h"
#include "trace.h"
#include "login_panel.h"
#include "queue_panel.h"
#include "ticket_panel.h"

namespace hallq {

namespace {
int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}
wxString u(const std::string& s) { return wxString::FromUTF8(s); }

// The clerk's name for a request, for the status line ("已完成：叫号 A001").
wxString request_label(const std::string& type, bool english) {
    using M = MessageType;
    static const std::map<M, DeskAction> kActions = {
        {M::call_next, DeskAction::next},     {M::recall, DeskAction::recall},     {M::start, DeskAction::start},
        {M::finish, DeskAction::finish},      {M::no_show, DeskAction::no_show},   {M::transfer, DeskAction::transfer},
        {M::park, DeskAction::park},          {M::resume, DeskAction::resume},     {M::call_ticket, DeskAction::call_ticket},
        {M::window_pause, DeskAction::pause}, {M::window_open, DeskAction::reopen}};
    const MessageInfo* m = find_message(type);
    if (!m) return u(type);
    auto it = kActions.find(m->type);
    if (it != kActions.end()) return u(english ? action_label_en(it->second) : action_label_zh(it->second));
    if (m->type == M::set_profile) return _("Change work profile");
    if (m->type == M::clerk_logout) return _("Log out");
    return u(type);
}
}  // namespace

DeskFrame::DeskFrame(const DeskOptions& o)
    : wxFrame(nullptr, wxID_ANY, _("Clerk desk") + " - hallq"), opt_(o), tick_(this) {
    CreateStatusBar(3);
    int widths[] = {220, 260, -1};
    SetStatusWidths(3, widths);
    auto* root = new wxBoxSizer(wxVERTICAL);
    login_ = new LoginPanel(this, opt_.clerk, opt_.window,
                            [this](const std::string& c, const std::string& p, int w) { login(c, p, w); });
    root->Add(login_, 1, wxEXPAND);

    desk_ = new wxPanel(this);
    auto* col = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    header_ = new wxStaticText(desk_, wxID_ANY, "");
    header_->SetFont(wxFontInfo(15).Bold());
    auto* out = logout_ = new wxButton(desk_, wxID_ANY, _("Log out"));
    out->SetCanFocus(false);  // never where the focus lands: one Enter must not log the clerk out
    out->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { logout(); });
    top->Add(header_, 1, wxALIGN_CENTER_VERTICAL | wxALL, 6);
    top->Add(out, 0, wxALL, 6);
    col->Add(top, 0, wxEXPAND);
    bar_ = new CallingBar(desk_, opt_.lang == "en", [this](DeskAction a) { do_action(a); });
    col->Add(bar_, 0, wxEXPAND | wxALL, 4);
    // What the desk says about the last action, where the clerk looks: under the calling bar.
    notice_ = new wxStaticText(desk_, wxID_ANY, " ", wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
    notice_->SetFont(wxFontInfo(15).Bold());
    col->Add(notice_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    auto* middle = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    ticket_ = new TicketPanel(desk_);
    form_ = new ActionForm(desk_, [this](MessageType type, const Json& body) { send(type, body); });
    form_->set_focus_after([this] { focus_desk(); });
    left->Add(ticket_, 1, wxEXPAND);
    left->Add(form_, 0, wxEXPAND);
    middle->Add(left, 1, wxEXPAND | wxALL, 4);
    queue_ = new QueuePanel(desk_);
    middle->Add(queue_, 1, wxEXPAND | wxALL, 4);
    col->Add(middle, 1, wxEXPAND);
    auto* prow = new wxBoxSizer(wxHORIZONTAL);
    profile_ = new wxStaticText(desk_, wxID_ANY, "");
    profile_edit_ = new wxTextCtrl(desk_, wxID_ANY, "", wxDefaultPosition, wxSize(160, -1));
    profile_edit_->SetToolTip(_("Queue letters in priority order, e.g. A,B,F"));
    auto* apply = new wxButton(desk_, wxID_ANY, _("Change work profile"));
    apply->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        Json letters = Json::array();
        for (wxString l : wxSplit(profile_edit_->GetValue().Upper(), ',')) {
            l.Trim().Trim(false);
            if (!l.empty()) letters.push_back(l.ToStdString());
        }
        send(MessageType::set_profile, Json{{"window", window_}, {"profile", letters}});
    });
    prow->Add(profile_, 1, wxALIGN_CENTER_VERTICAL | wxALL, 6);
    prow->Add(profile_edit_, 0, wxALL, 4);
    prow->Add(apply, 0, wxALL, 4);
    col->Add(prow, 0, wxEXPAND);
    desk_->SetSizer(col);
    root->Add(desk_, 1, wxEXPAND);
    SetSizer(root);
    show_desk(false);

    // Every frequent action on one key.
    std::vector<wxAcceleratorEntry> keys;
    for (DeskAction a : all_desk_actions()) {
        int id = wxWindow::NewControlId();
        keys.emplace_back(wxACCEL_NORMAL, WXK_F1 + std::stoi(action_key(a) + 1) - 1, id);  // "F4" → WXK_F4
        Bind(wxEVT_MENU, [this, a](wxCommandEvent&) {
            if (logged_in_) do_action(a);
        }, id);
    }
    SetAcceleratorTable(wxAcceleratorTable(int(keys.size()), keys.data()));
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { refresh_view(); });  // waits and cooldowns move on
    tick_.Start(1000);

    HallFeed::Options fo;
    fo.requests = opt_.server;
    fo.events = opt_.events;
    fo.name = "desk";
    feed_ = std::make_unique<HallFeed>(fo);
    feed_->on_hall = [this](const Hall& h, bool connected, const std::vector<Event>&) {
        CallAfter([this, h, connected] { on_hall(h, connected); });
    };
    feed_->start();
    SetStatusText(_("Connecting..."), 0);
    login_->focus();
}

DeskFrame::~DeskFrame() { feed_.reset(); }

void DeskFrame::show_desk(bool on) {
    login_->Show(!on);
    desk_->Show(on);
    Layout();
    if (on) focus_desk();  // so the F keys reach the desk at once
    else {
        login_->reset();
        trace("login screen shown");
    }
}

void DeskFrame::focus_desk() {
    // 叫号 when it can be pressed, else the queue list: never the log-out button, where one Enter
    // would end the clerk's session. 叫号 takes it as soon as it can (after the reply).
    want_bar_ = !bar_->focus();
    if (want_bar_) queue_->focus();
}

void DeskFrame::say(const wxString& text, bool problem) {
    SetStatusText(text, 2);
    GetStatusBar()->SetForegroundColour(problem ? wxColour(190, 20, 20) : *wxBLACK);
    notice_->SetLabel(text);
    notice_->SetBackgroundColour(problem ? wxColour(253, 228, 228) : desk_->GetBackgroundColour());
    notice_->SetForegroundColour(problem ? wxColour(170, 10, 10) : wxColour(20, 90, 40));
    notice_->Refresh();
    trace(std::string("desk says ") + (problem ? "problem: " : "") + text.ToStdString(wxConvUTF8));
}

wxString DeskFrame::refusal(const Reply& r) const {
    std::string msg = std::string(opt_.lang == "en" ? message_en(r.error.code) : message_zh(r.error.code));
    return _("Refused: ") + u(msg) + (r.error.detail.empty() ? "" : " (" + u(r.error.detail) + ")");
}

void DeskFrame::on_hall(const Hall& hall, bool connected) {
    hall_ = hall;
    if (connected != connected_) {
        connected_ = connected;
        SetStatusText(connected ? _("Connected") : _("Connection lost - reconnecting"), 0);
        trace(connected ? "desk connected" : "desk disconnected");
    }
    refresh_view();
}

void DeskFrame::refresh_view() {
    if (!logged_in_) return;
    view_ = desk_view(hall_, window_, clerk_, now_ms());
    if (view_.current.id && view_.current.holder.empty())
        if (auto it = holders_.find(view_.current.id); it != holders_.end()) view_.current.holder = it->second;
    header_->SetLabel(u(view_.window_name.empty() ? std::to_string(window_) : view_.window_name) + u("  ·  ") +
                      u(view_.clerk_name.empty() ? clerk_ : view_.clerk_name) + u("  ·  ") +
                      (view_.window_state == WindowState::open     ? _("Open")
                       : view_.window_state == WindowState::paused ? _("Paused")
                                                                   : _("Closed")));
    bar_->update(view_);
    // A focused button just disabled leaves the focus nowhere, and the F keys with it.
    wxWindow* focus = FindFocus();
    if (!focus || !focus->IsEnabled() || wxGetTopLevelParent(focus) != this) focus_desk();
    else if (want_bar_ && focus == queue_->list()) want_bar_ = !bar_->focus();
    ticket_->update(view_);
    queue_->update(view_);
    wxString profile;
    for (const auto& l : view_.profile) profile += (profile.empty() ? wxString() : wxString(" > ")) + u(l);
    profile_->SetLabel(_("Work profile: ") + profile);
    std::string enabled;
    for (const ActionState& s : view_.actions)
        if (s.enabled) enabled += std::string(enabled.empty() ? "" : ",") + action_label_en(s.action);
    std::string line = "view window=" + std::to_string(window_) + " state=" + to_string(view_.window_state) +
                       " current=" + (view_.current.id ? view_.current.number + ":" + to_string(view_.current.state) : "-") +
                       " waiting=" + std::to_string(view_.queue.size()) + " enabled=" + enabled;
    if (line != traced_view_) trace(traced_view_ = line);
}

void DeskFrame::send(const std::string& type, const Json& body, std::function<void(const Reply&)> on_ok) {
    say(_("Sending..."));
    waiting_ = true;
    auto retrying = [this, type] {
        CallAfter([this, type] {
            trace("reply " + type + " retrying");
            say(_("The hall server does not answer; retrying. The outcome will show here when it answers."), true);
        });
    };
    feed_->send_until_answered(type, body, [this, type, on_ok](std::optional<Reply> r) {
        CallAfter([this, type, r, on_ok] {
            waiting_ = false;
            if (!r) return;  // the desk is closing
            trace("reply " + type + " " + (r->ok ? std::string("ok") : std::string(to_string(r->error.code))));
            if (!r->ok) return say(refusal(*r), true);
            std::string number = r->body.contains("ticket") ? json_get<std::string>(r->body["ticket"], "number", "") : "";
            if (r->body.contains("ticket")) {
                std::string holder = json_get<std::string>(r->body["ticket"], "holder", "");
                if (!holder.empty()) holders_[json_get<int64_t>(r->body["ticket"], "id", 0)] = holder;
                if (holders_.size() > 2000) holders_.clear();  // a day's worth at most
                refresh_view();
            }
            say(_("Done: ") + request_label(type, opt_.lang == "en") + (number.empty() ? wxString() : " " + u(number)));
            if (on_ok) on_ok(*r);
        });
    }, retrying);
}

void DeskFrame::do_action(DeskAction a) {
    logout_asked_ = 0;
    if (waiting_) {  // one action at a time: a second F1 while the first is retried would call twice
        trace(std::string("action ") + action_label_en(a) + " waiting");
        return say(_("Still waiting for the hall server to answer the last action."), true);
    }
    if (form_->is_open() && form_->action() == a) return form_->confirm();  // the key again confirms
    if (!bar_->enabled(a)) {
        const ActionState& s = action(view_, a);
        trace(std::string("action ") + action_label_en(a) + " disabled " + s.why_not);
        ErrorCode code;
        if (parse_error_code(s.why_not, code))
            say(_("Not now: ") + u(std::string(opt_.lang == "en" ? message_en(code) : message_zh(code))), true);
        return;
    }
    if (form_->open(a, hall_, view_, a == DeskAction::call_ticket ? queue_->selected_waiting() : "")) return;
    Json w{{"window", window_}};
    switch (a) {
        case DeskAction::next: return send(MessageType::call_next, w);
        case DeskAction::recall: return send(MessageType::recall, w);
        case DeskAction::start: return send(MessageType::start, w);
        case DeskAction::no_show: return send(MessageType::no_show, w);
        case DeskAction::pause: return send(MessageType::window_pause, w);
        case DeskAction::reopen: return send(MessageType::window_open, w);
        case DeskAction::resume:
            w["ticket"] = queue_->selected_parked();
            return send(MessageType::resume, w);
        default: return;
    }
}

void DeskFrame::login(const std::string& clerk, const std::string& password, int window) {
    Json body{{"window", window}, {"clerk", clerk}, {"password", password}};
    feed_->send(std::string(wire_name(MessageType::clerk_login)), body, [this, clerk, window](std::optional<Reply> r) {
        CallAfter([this, clerk, window, r] {
            // Logged in already (the desk was restarted): carry on at the window.
            bool again = r && !r->ok && r->error.code == ErrorCode::window_state;
            if (!r) return login_->show_error(_("The hall server does not answer. Check the network and try again."));
            if (!r->ok && !again) {
                trace(std::string("login refused ") + std::string(to_string(r->error.code)));
                return login_->show_error(refusal(*r));
            }
            logged_in_ = true;
            clerk_ = clerk;
            window_ = window;
            SetStatusText(wxString::Format(_("Clerk %s at window %d"), u(clerk), window), 1);
            show_desk(true);
            wxRect out = logout_->GetScreenRect();
            trace("login ok " + clerk + " window=" + std::to_string(window) + " logout@" +
                  std::to_string(out.x + out.width / 2) + "," + std::to_string(out.y + out.height / 2));
            refresh_view();
            if (view_.window_state != WindowState::open) send(MessageType::window_open, Json{{"window", window}});
        });
    });
}

void DeskFrame::logout() {
    // A ticket still at the window: the first press asks, a second one confirms; anything else
    // the clerk does in between withdraws the question.
    if (view_.current.id && logout_asked_ != view_.current.id) {
        logout_asked_ = view_.current.id;
        trace("confirm logout " + view_.current.number);
        say(wxString::Format(_("Ticket %s is still at this window. Press Log out again to log out anyway."),
                             u(view_.current.number)),
            true);
        return focus_desk();
    }
    logout_asked_ = 0;
    send(MessageType::clerk_logout, Json{{"window", window_}}, [this](const Reply&) {
        logged_in_ = false;
        trace("logged out");
        show_desk(false);
    });
}

}  // namespace hallq
