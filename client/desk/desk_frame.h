// desk_frame.h - the clerk desk window: login, then the calling bar, the ticket at the window,
// the queue, the inline action form, the work profile and the connection status.
#pragma once
#include "protocol/messages.h"
#include <map>
#include <memory>
#include <wx/frame.h>
#include <wx/panel.h>
#include <wx/timer.h>

#include "desk_model.h"
#include "desk_options.h"
#include "hall_feed.h"

class wxStaticText;
class wxTextCtrl;
class wxButton;

namespace hallq {

class LoginPanel;
class CallingBar;
class TicketPanel;
class QueuePanel;
class ActionForm;

class DeskFrame : public wxFrame {
public:
    explicit DeskFrame(const DeskOptions& o);
    ~DeskFrame() override;

private:
    void on_hall(const Hall& hall, bool connected);
    void refresh_view();
    void do_action(DeskAction a);
    void send(const std::string& type, const Json& body, std::function<void(const Reply&)> on_ok = {});
    void send(MessageType type, const Json& body, std::function<void(const Reply&)> on_ok = {}) {
        send(std::string(wire_name(type)), body, std::move(on_ok));
    }
    void login(const std::string& clerk, const std::string& password, int window);
    void logout();
    void show_desk(bool on);
    void focus_desk();
    void say(const wxString& text, bool problem = false);
    wxString refusal(const Reply& r) const;

    DeskOptions opt_;
    std::unique_ptr<HallFeed> feed_;
    Hall hall_;
    bool connected_ = false, logged_in_ = false;
    bool waiting_ = false;
    bool want_bar_ = false;
    int64_t logout_asked_ = 0;  // the ticket a "log out anyway?" was asked about  // 叫号 takes the focus once it can (after an action form closed)  // a request is on its way (retried until the server answers)
    std::string clerk_;
    int window_ = 0;
    DeskView view_;
    // Masked holders from command replies: the hall's events carry no personal data (security.md),
    // so a ticket issued after the desk's snapshot has its holder only in the call's reply.
    std::map<int64_t, std::string> holders_;
    std::string traced_view_;
    wxTimer tick_;
    wxPanel* desk_ = nullptr;
    LoginPanel* login_ = nullptr;
    CallingBar* bar_ = nullptr;
    TicketPanel* ticket_ = nullptr;
    QueuePanel* queue_ = nullptr;
    ActionForm* form_ = nullptr;
    wxStaticText *header_ = nullptr, *profile_ = nullptr;
    wxStaticText* notice_ = nullptr;
    wxButton* logout_ = nullptr;  // what the desk says about the last action, under the calling bar
    wxTextCtrl* profile_edit_ = nullptr;
};

}  // namespace hallq
