// login_panel.cpp - clerk id, password and window, with the server's refusal shown in place.
#include "login_panel.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace hallq {

LoginPanel::LoginPanel(wxWindow* parent, const std::string& clerk, int window, Submit on_submit)
    : wxPanel(parent), on_submit_(std::move(on_submit)) {
    auto* grid = new wxFlexGridSizer(2, 10, 10);
    wxFont big(wxFontInfo(16));
    auto label = [&](const wxString& text) {
        auto* l = new wxStaticText(this, wxID_ANY, text);
        l->SetFont(big);
        grid->Add(l, 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
    };
    label(_("Clerk ID"));
    clerk_ = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(clerk), wxDefaultPosition, wxSize(260, -1),
                            wxTE_PROCESS_ENTER);
    clerk_->SetName("clerk");
    grid->Add(clerk_);
    label(_("Password"));
    password_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(260, -1), wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    password_->SetName("password");
    grid->Add(password_);
    label(_("Window"));
    window_ = new wxSpinCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(170, -1), wxSP_ARROW_KEYS, 1, 9999,
                             window > 0 ? window : 1);
    grid->Add(window_);
    for (wxWindow* w : std::initializer_list<wxWindow*>{clerk_, password_, window_}) w->SetFont(big);

    auto* col = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Clerk desk - log in"));
    title->SetFont(wxFontInfo(22).Bold());
    col->AddStretchSpacer();
    col->Add(title, 0, wxALIGN_CENTER | wxBOTTOM, 24);
    col->Add(grid, 0, wxALIGN_CENTER);
    login_ = new wxButton(this, wxID_OK, _("Log in"), wxDefaultPosition, wxSize(200, 48));
    login_->SetFont(big);
    col->Add(login_, 0, wxALIGN_CENTER | wxTOP, 20);
    error_ = new wxStaticText(this, wxID_ANY, "");
    error_->SetForegroundColour(wxColour(190, 20, 20));
    error_->SetFont(big);
    col->Add(error_, 0, wxALIGN_CENTER | wxTOP, 12);
    col->AddStretchSpacer();
    SetSizer(col);

    login_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });
    clerk_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { password_->SetFocus(); });
    password_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { submit(); });
}

void LoginPanel::focus() { (clerk_->IsEmpty() ? clerk_ : password_)->SetFocus(); }

void LoginPanel::reset() {
    error_->SetLabel("");
    password_->Clear();
    login_->Enable();
    Layout();
    focus();
}

void LoginPanel::submit() {
    if (clerk_->IsEmpty()) return show_error(_("Enter your clerk ID."));
    login_->Disable();
    error_->SetLabel(_("Logging in..."));
    on_submit_(clerk_->GetValue().Trim().ToStdString(wxConvUTF8), password_->GetValue().ToStdString(wxConvUTF8),
               window_->GetValue());
    password_->Clear();  // not kept once sent
}

void LoginPanel::show_error(const wxString& message) {
    error_->SetLabel(message);
    login_->Enable();
    Layout();
    focus();
}

}  // namespace hallq
