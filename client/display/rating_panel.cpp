// rating_panel.cpp - the five-level rating prompt with reasons and countdown.
#include "rating_panel.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/tglbtn.h>

#include "core/rating.h"
#include "trace.h"
#include "translation.h"

namespace hallq {

namespace {
// Button colours from 非常满意 (green) to 非常不满意 (red); labels and reasons come from core/rating.h.
struct Level {
    int value;
    wxColour colour;
};
const Level kLevels[] = {{5, wxColour(30, 140, 60)},
                         {4, wxColour(90, 170, 60)},
                         {3, wxColour(200, 160, 20)},
                         {2, wxColour(220, 110, 30)},
                         {1, wxColour(200, 40, 40)}};

wxString u(const std::string& s) { return wxString::FromUTF8(s); }
wxFont big(int px, bool bold = true) { return wxFont(wxFontInfo(wxSize(0, px)).Family(wxFONTFAMILY_SWISS).Bold(bold)); }
}  // namespace

RatingPanel::RatingPanel(wxWindow* parent, int timeout_s) : wxPanel(parent), timeout_s_(timeout_s), timer_(this) {
    SetBackgroundColour(wxColour(245, 247, 250));
    auto* col = new wxBoxSizer(wxVERTICAL);
    title_ = new wxStaticText(this, wxID_ANY, "");
    title_->SetFont(big(30));
    col->Add(title_, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 16);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    for (const Level& l : kLevels) {
        const RatingLevel* label = rating_level(l.value);
        auto* b = new wxButton(this, wxID_ANY, u(std::string(label->zh) + "\n" + std::string(label->en)),
                               wxDefaultPosition, wxSize(170, 150));
        b->SetFont(big(20));
        b->SetBackgroundColour(l.colour);
        b->SetForegroundColour(*wxWHITE);
        b->SetToolTip(wxString::Format("%d", l.value));
        int value = l.value;
        b->Bind(wxEVT_BUTTON, [this, value](wxCommandEvent&) { choose(value); });
        row->Add(b, 1, wxALL | wxEXPAND, 8);
        levels_.push_back(b);
    }
    col->Add(row, 2, wxEXPAND | wxLEFT | wxRIGHT, 16);

    reason_box_ = new wxPanel(this);
    auto* rcol = new wxBoxSizer(wxVERTICAL);
    reasons_title_ = new wxStaticText(reason_box_, wxID_ANY, zh_en("What went wrong?"));
    reasons_title_->SetFont(big(22, false));
    rcol->Add(reasons_title_, 0, wxALL, 8);
    auto* grid = new wxGridSizer(2, 3, 8, 8);
    for (const RatingReason& r : kRatingReasons) {
        auto* t = new wxToggleButton(reason_box_, wxID_ANY, u(std::string(r.zh) + " / " + std::string(r.en)),
                                     wxDefaultPosition, wxSize(-1, 64));
        t->SetFont(big(20, false));
        t->SetName(std::string(r.code));
        grid->Add(t, 1, wxEXPAND);
        reasons_.push_back(t);
    }
    rcol->Add(grid, 1, wxEXPAND | wxALL, 8);
    submit_ = new wxButton(reason_box_, wxID_ANY, zh_en("Submit"), wxDefaultPosition, wxSize(-1, 70));
    submit_->SetFont(big(26));
    submit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });
    rcol->Add(submit_, 0, wxEXPAND | wxALL, 8);
    reason_box_->SetSizer(rcol);
    col->Add(reason_box_, 2, wxEXPAND | wxLEFT | wxRIGHT, 16);

    countdown_ = new wxStaticText(this, wxID_ANY, "");
    countdown_->SetFont(big(18, false));
    col->Add(countdown_, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    SetSizer(col);
    reason_box_->Hide();
    Bind(wxEVT_TIMER, &RatingPanel::on_tick, this);
    Bind(wxEVT_CHAR_HOOK, &RatingPanel::on_key, this);
}

void RatingPanel::ask(const std::string& number, const std::string& clerk, const std::string& item,
                      std::function<void(const RatingChoice&)> done) {
    done_ = std::move(done);
    level_ = 0;
    for (size_t i = 0; i < levels_.size(); ++i) levels_[i]->SetBackgroundColour(kLevels[i].colour);
    for (auto* t : reasons_) t->SetValue(false);
    reason_box_->Hide();
    wxString what = u(number) + (item.empty() ? wxString() : "  " + u(item)) + (clerk.empty() ? wxString() : "  " + _("Clerk") + " " + u(clerk));
    title_->SetLabel(zh_en("Please rate our service") + "\n" + what);
    left_s_ = timeout_s_;
    countdown_->SetLabel(zh_en("closes in %d s", left_s_));
    Layout();
    timer_.Start(1000);
}

std::string RatingPanel::button_positions() const {
    std::string out;
    for (size_t i = 0; i < levels_.size(); ++i) {
        wxRect r = levels_[i]->GetScreenRect();
        out += (i ? " " : "") + std::to_string(5 - i) + "@" + std::to_string(r.x + r.width / 2) + "," +
               std::to_string(r.y + r.height / 2);
    }
    return out;
}

void RatingPanel::choose(int level) {
    if (!done_) return;
    level_ = level;
    for (size_t i = 0; i < levels_.size(); ++i) {  // mark the choice: the others fade
        const Level& l = kLevels[i];
        levels_[i]->SetBackgroundColour(l.value == level ? l.colour : l.colour.ChangeLightness(160));
    }
    if (level >= 4) return submit();
    reason_box_->Show();  // a low rating: ask why, then submit
    left_s_ = timeout_s_;
    Layout();
}

void RatingPanel::submit() {
    if (!done_) return;
    RatingChoice c;
    c.level = level_;
    if (level_ >= 1 && level_ <= 3)
        for (auto* t : reasons_)
            if (t->GetValue()) c.reasons.push_back(t->GetName().ToStdString());
    timer_.Stop();
    auto done = std::move(done_);
    done_ = nullptr;
    done(c);
}

void RatingPanel::on_tick(wxTimerEvent&) {
    if (--left_s_ <= 0) {
        if (level_ == 0) trace("rating timed out");
        return submit();  // a low level chosen without reasons is still recorded
    }
    countdown_->SetLabel(zh_en("closes in %d s", left_s_));
}

void RatingPanel::on_key(wxKeyEvent& e) {
    int k = e.GetKeyCode();
    if (k >= '1' && k <= '5') return choose(k - '0');
    if (k >= WXK_NUMPAD1 && k <= WXK_NUMPAD5) return choose(k - WXK_NUMPAD0);
    if ((k == WXK_RETURN || k == WXK_NUMPAD_ENTER) && level_) return submit();
    e.Skip();
}

}  // namespace hallq
