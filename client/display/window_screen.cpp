// window_screen.cpp - window info, and the rating prompt when a ticket is finished there.
#include "window_screen.h"

#include <wx/dcbuffer.h>
#include <wx/sizer.h>
#include <wx/toplevel.h>

#include "trace.h"
#include "translation.h"

namespace hallq {

namespace {
wxString u(const std::string& s) { return wxString::FromUTF8(s); }
wxFont font(int px, bool bold = false) {
    return wxFont(wxFontInfo(wxSize(0, std::max(px, 8))).Family(wxFONTFAMILY_SWISS).Bold(bold));
}
}  // namespace

WindowScreen::WindowScreen(wxWindow* parent, int window, int rating_timeout_s, RateFn rate)
    : wxPanel(parent), window_(window), rate_(std::move(rate)), thanks_(this) {
    info_ = new wxPanel(this);
    info_->SetBackgroundStyle(wxBG_STYLE_PAINT);
    info_->Bind(wxEVT_PAINT, &WindowScreen::on_paint_info, this);
    rating_ = new RatingPanel(this, rating_timeout_s);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(info_, 1, wxEXPAND);
    sizer->Add(rating_, 1, wxEXPAND);
    SetSizer(sizer);
    rating_->Hide();
    // The timer's owner is this panel: its event comes here, and the thanks give way to the window.
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { info_->Refresh(); }, thanks_.GetId());
    // Rating keypads type into whatever has the focus, or into the frame when nothing has.
    if (wxWindow* top = wxGetTopLevelParent(parent)) top->Bind(wxEVT_CHAR_HOOK, &WindowScreen::on_key, this);
}

void WindowScreen::on_key(wxKeyEvent& e) {
    if (rating_->IsShown() && rating_->key(e.GetKeyCode())) return;
    e.Skip();
}

void WindowScreen::show_rating(bool on) {
    rating_->Show(on);
    info_->Show(!on);
    Layout();
    info_->Refresh();
}

void WindowScreen::show(const DisplayState& state) {
    state_ = state;
    auto p = state_.prompts.find(window_);
    if (p != state_.prompts.end() && p->second.ticket != asked_ticket_) {
        RatingPrompt prompt = p->second;
        asked_ticket_ = prompt.ticket;
        show_rating(true);
        std::string drawn = "rating prompt " + prompt.number + " window=" + std::to_string(window_);
        rating_->ask(prompt.number, prompt.clerk_name, prompt.item_name, state_.rating_reasons_up_to, drawn,
                     [this, prompt](const RatingChoice& c) {
                         if (c.level > 0) thanks_.StartOnce(kThanksMs);  // nobody to thank when nobody rated
                         show_rating(false);
                         rate_(prompt, c);
                     });
    } else if (p == state_.prompts.end() && rating_->IsShown()) {
        show_rating(false);  // rated elsewhere, or the ticket changed: nothing to ask any more
        asked_ticket_ = 0;
    }
    info_->Refresh(false);
}

void WindowScreen::on_paint_info(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(info_);
    wxSize s = info_->GetClientSize();
    dc.SetBackground(wxBrush(wxColour(8, 28, 58)));
    dc.Clear();
    auto w = state_.windows.find(window_);
    wxString name = w != state_.windows.end() && !w->second.name.empty() ? u(w->second.name)
                                                                          : wxString::Format(_("Window %d"), window_);
    int line = s.y / 8;
    dc.SetTextForeground(wxColour(240, 244, 250));
    dc.SetFont(font(line * 7 / 10, true));
    dc.DrawText(name, line / 2, line / 3);
    if (w != state_.windows.end() && !w->second.clerk_name.empty()) {
        dc.SetFont(font(line / 2));
        dc.DrawText(zh_en("Clerk") + ": " + u(w->second.clerk_name), line / 2, line * 13 / 10);
    }
    // In Chinese (the catalog's) in large type, in English (as written) below.
    const char* text = "Welcome";
    wxString number;
    if (thanks_.IsRunning()) text = "Thank you for your rating!";
    else if (w == state_.windows.end() || w->second.state == WindowState::closed) text = "This window is closed";
    else if (w->second.state == WindowState::paused) text = "Back shortly";
    else if (!w->second.current_number.empty()) {
        text = w->second.current_state == TicketState::serving ? "Now serving %s" : "Calling %s";
        number = u(w->second.current_number);
    }
    wxString big = number.empty() ? wxGetTranslation(text) : wxString::Format(wxGetTranslation(text), number);
    wxString small = number.empty() ? wxString(text) : wxString::Format(text, number);
    dc.SetTextForeground(wxColour(255, 214, 10));
    dc.SetFont(font(line * 15 / 10, true));
    dc.DrawText(big, line / 2, line * 3);
    dc.SetTextForeground(wxColour(200, 210, 230));
    dc.SetFont(font(line * 6 / 10));
    dc.DrawText(small, line / 2, line * 5);
    if (!state_.connected) {
        // Calm words for the citizen; the clerk at the window sees the detail on the desk.
        dc.SetBrush(wxBrush(wxColour(16, 52, 102)));
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.DrawRectangle(0, s.y - line, s.x, line);
        dc.SetTextForeground(wxColour(255, 214, 10));
        dc.SetFont(font(line / 2, true));
        dc.DrawText(zh_en_in("window screen", "Screen updating, please listen for your number"), line / 2,
                    s.y - line * 8 / 10);
    }
    std::string now = big.ToStdString(wxConvUTF8) + "|" + (state_.connected ? "1" : "0");
    if (now != traced_) {
        traced_ = now;
        trace("window screen " + std::to_string(window_) + ": " + big.ToStdString(wxConvUTF8) +
              " connected=" + (state_.connected ? "1" : "0"));
    }
}

}  // namespace hallq
