// login_panel.h - the clerk logs in: clerk id, password, window. The password is sent once to
// the hall server (which keeps only an argon2id hash) and never stored here.
#pragma once
#include <functional>
#include <string>
#include <wx/panel.h>

class wxTextCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxButton;

namespace hallq {

class LoginPanel : public wxPanel {
public:
    using Submit = std::function<void(const std::string& clerk, const std::string& password, int window)>;
    LoginPanel(wxWindow* parent, const std::string& clerk, int window, Submit submit);
    void show_error(const wxString& message);  // and lets the clerk try again
    void focus();
    // Shown again after a logout: no message of the last login left, the button ready.
    void reset();

private:
    void submit();

    wxTextCtrl *clerk_ = nullptr, *password_ = nullptr;
    wxSpinCtrl* window_ = nullptr;
    wxStaticText* error_ = nullptr;
    wxButton* login_ = nullptr;
    Submit on_submit_;
};

}  // namespace hallq
