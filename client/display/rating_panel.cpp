// rating_panel.cpp - the five-level rating prompt, drawn to the panel's size: tiles with faces,
// reasons for a low rating, a submit button and a countdown.
#include "rating_panel.h"

#include <wx/dcbuffer.h>
#include <wx/dcgraph.h>

#include <algorithm>

#include "core/rating.h"
#include "trace.h"
#include "translation.h"

namespace hallq {

namespace {
// From 非常满意 (green) to 非常不满意 (red); `dark` text where white would not read (amber).
struct Level {
    int value;
    wxColour colour;
    bool dark;
    int mouth;  // the face's mouth: +2 a broad smile … -2 a deep frown
};
const Level kLevels[] = {{5, wxColour(24, 128, 58), false, 2},
                         {4, wxColour(66, 148, 48), false, 1},
                         {3, wxColour(240, 186, 36), true, 0},
                         {2, wxColour(214, 96, 24), false, -1},
                         {1, wxColour(186, 30, 30), false, -2}};
const wxColour kFaded(224, 227, 232), kFadedText(62, 68, 80), kInk(24, 28, 36), kPanel(245, 247, 250);
const wxColour kPicked(20, 90, 200);

wxString u(std::string_view s) { return wxString::FromUTF8(s.data(), s.size()); }

wxFont font_px(int px, bool bold) {
    return wxFont(wxFontInfo(wxSize(0, std::max(px, 8))).Family(wxFONTFAMILY_SWISS).Bold(bold));
}

// The largest font up to `px` high in which `text` fits `width`.
void fit(wxDC& dc, const wxString& text, int width, int px, bool bold) {
    for (;; px = px * 9 / 10) {
        dc.SetFont(font_px(px, bold));
        if (px <= 9 || dc.GetTextExtent(text).x <= width) return;
    }
}

// The largest font up to `px` high in which each of the five levels' labels fits `width`: one
// size for all, so no level looks smaller than another.
int fit_levels(wxDC& dc, bool zh, int width, int px, bool bold) {
    for (;; px = px * 9 / 10) {
        dc.SetFont(font_px(px, bold));
        bool fits = true;
        for (int level = kLowestLevel; level <= kHighestLevel && fits; ++level) {
            const RatingLevel* l = rating_level(level);
            fits = dc.GetTextExtent(u(zh ? l->zh : l->en)).x <= width;
        }
        if (px <= 9 || fits) return px;
    }
}

void centred(wxDC& dc, const wxString& text, int cx, int y) {
    wxSize e = dc.GetTextExtent(text);
    dc.DrawText(text, cx - e.x / 2, y);
}

void face(wxDC& dc, int cx, int cy, int r, int mouth, const wxColour& ink) {
    dc.SetPen(wxPen(ink, std::max(2, r / 8)));
    dc.SetBrush(*wxTRANSPARENT_BRUSH);
    dc.DrawCircle(cx, cy, r);
    dc.SetBrush(wxBrush(ink));
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.DrawCircle(cx - r * 2 / 5, cy - r / 4, std::max(2, r / 8));
    dc.DrawCircle(cx + r * 2 / 5, cy - r / 4, std::max(2, r / 8));
    dc.SetPen(wxPen(ink, std::max(2, r / 9)));
    dc.SetBrush(*wxTRANSPARENT_BRUSH);
    int y = cy + r * 2 / 5 - mouth * r / 12;  // a smile sits higher at its ends
    wxPoint pts[3] = {{cx - r / 2, y}, {cx, y + mouth * r / 5}, {cx + r / 2, y}};
    if (mouth == 0) dc.DrawLine(pts[0], pts[2]);
    else dc.DrawSpline(3, pts);
}
}  // namespace

RatingPanel::RatingPanel(wxWindow* parent, int timeout_s) : wxPanel(parent), timeout_s_(timeout_s), timer_(this) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(wxSize(kMinWidth, kMinHeight));
    reasons_.resize(kRatingReasons.size());
    picked_.assign(kRatingReasons.size(), false);
    Bind(wxEVT_PAINT, &RatingPanel::on_paint, this);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        place();
        Refresh(false);
        e.Skip();
    });
    Bind(wxEVT_LEFT_DOWN, &RatingPanel::on_click, this);
    Bind(wxEVT_TIMER, &RatingPanel::on_tick, this);
}

void RatingPanel::ask(const std::string& number, const std::string& clerk, const std::string& item,
                      int reasons_up_to, const std::string& drawn, std::function<void(const RatingChoice&)> done) {
    done_ = std::move(done);
    drawn_ = drawn + " buttons=";
    level_ = 0;
    reasons_up_to_ = reasons_up_to;
    reasons_shown_ = false;
    picked_.assign(kRatingReasons.size(), false);
    what_ = u(number) + (item.empty() ? wxString() : "  " + u(item)) +
            (clerk.empty() ? wxString() : "  " + zh_en("Clerk") + " " + u(clerk));
    left_s_ = timeout_s_;
    place();
    Refresh(false);
    SetFocus();
    timer_.Start(1000);
}

void RatingPanel::place() {
    wxSize s = GetClientSize();
    int w = std::max(s.x, 1), h = std::max(s.y, 1), m = std::max(6, std::min(w, h) / (reasons_shown_ ? 50 : 40));
    int y = m;
    auto band = [&](double part) {
        wxRect r(m, y, w - 2 * m, int(h * part));
        y += r.height + m;
        return r;
    };
    title_ = band(reasons_shown_ ? 0.09 : 0.17);
    wxRect row = band(reasons_shown_ ? 0.25 : 0.62);
    int tw = (row.width - 4 * m) / 5;
    for (size_t i = 0; i < tiles_.size(); ++i) tiles_[i] = wxRect(row.x + int(i) * (tw + m), row.y, tw, row.height);
    if (reasons_shown_) {
        reasons_title_ = band(0.07);
        wxRect grid = band(0.28);
        int cols = 3, rows = int((reasons_.size() + cols - 1) / cols);
        int cw = (grid.width - (cols - 1) * m) / cols, ch = (grid.height - (rows - 1) * m) / rows;
        for (size_t i = 0; i < reasons_.size(); ++i)
            reasons_[i] = wxRect(grid.x + int(i % cols) * (cw + m), grid.y + int(i / cols) * (ch + m), cw, ch);
        wxRect sub = band(0.10);
        submit_ = wxRect(sub.x + sub.width / 4, sub.y, sub.width / 2, sub.height);
    }
    int left = std::min(h - y - m / 2, int(h * 0.07));  // what is left at the bottom
    countdown_ = wxRect(m, h - left - m / 2, w - 2 * m, std::max(left, 8));
}

void RatingPanel::draw_tile(wxDC& dc, size_t i) const {
    const Level& l = kLevels[i];
    const wxRect& r = tiles_[i];
    bool chosen = level_ == l.value, faded = level_ && !chosen;
    wxColour bg = faded ? kFaded : l.colour, ink = faded ? kFadedText : l.dark ? kInk : *wxWHITE;
    int radius = std::max(6, std::min(r.width, r.height) / 10);
    dc.SetPen(chosen ? wxPen(kInk, std::max(4, r.width / 28)) : *wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(bg));
    dc.DrawRoundedRectangle(r, radius);
    const RatingLevel* label = rating_level(l.value);
    int fr = std::min(r.width * 28 / 100, r.height * (reasons_shown_ ? 22 : 20) / 100);
    wxFont zh_font = font_px(fit_levels(dc, true, r.width * 88 / 100, r.height * (reasons_shown_ ? 20 : 14) / 100, true), true);
    wxFont en_font = font_px(fit_levels(dc, false, r.width * 88 / 100, r.height * (reasons_shown_ ? 12 : 8) / 100, false), false);
    dc.SetFont(zh_font);
    int zh_h = dc.GetCharHeight();
    dc.SetFont(en_font);
    int en_h = dc.GetCharHeight(), gap = r.height / 16;
    // Face, Chinese and English labels as one block in the middle of the tile.
    int block = 2 * fr + gap + zh_h + r.height / 40 + en_h;
    int top = r.y + std::max(r.height / 10, (r.height - block) / 2);
    int cy = top + fr;
    face(dc, r.x + r.width / 2, cy, fr, l.mouth, ink);
    dc.SetTextForeground(ink);
    int zh_y = cy + fr + gap;
    dc.SetFont(zh_font);
    centred(dc, u(label->zh), r.x + r.width / 2, zh_y);
    int en_y = zh_y + zh_h + r.height / 40;
    dc.SetFont(en_font);
    if (en_y + en_h <= r.GetBottom()) centred(dc, u(label->en), r.x + r.width / 2, en_y);
    // The key that chooses it, in the corner: a keypad's keys are numbered the same.
    dc.SetFont(font_px(std::max(12, r.height / 12), true));
    dc.DrawText(wxString::Format("%d", l.value), r.x + radius / 2 + 4, r.y + radius / 3 + 2);
    if (chosen) {  // a tick in the other corner
        int t = std::max(10, r.width / 9), x = r.GetRight() - t * 2, y0 = r.y + t;
        dc.SetPen(wxPen(ink, std::max(3, t / 4)));
        dc.DrawLine(x, y0 + t / 2, x + t / 2, y0 + t);
        dc.DrawLine(x + t / 2, y0 + t, x + t + t / 3, y0 - t / 4);
    }
}

void RatingPanel::on_paint(wxPaintEvent&) {
    {
        wxAutoBufferedPaintDC pdc(this);
        wxGCDC dc(pdc);
        paint(dc);
    }
    if (drawn_.empty()) return;
    std::string line = drawn_ + (drawn_.back() == '=' ? button_positions() : reason_positions());
    drawn_.clear();
    trace(line);
}

void RatingPanel::paint(wxDC& dc) {
    dc.SetBackground(wxBrush(kPanel));
    dc.Clear();
    dc.SetTextForeground(kInk);
    wxString title = reasons_shown_ ? zh_en("What went wrong?") : zh_en("Please rate our service");
    fit(dc, title, title_.width, reasons_shown_ ? title_.height * 7 / 10 : title_.height * 45 / 100, true);
    centred(dc, title, title_.x + title_.width / 2, title_.y);
    if (!reasons_shown_ && !what_.empty()) {
        fit(dc, what_, title_.width, title_.height * 30 / 100, false);
        centred(dc, what_, title_.x + title_.width / 2, title_.y + title_.height * 60 / 100);
    }
    for (size_t i = 0; i < tiles_.size(); ++i) draw_tile(dc, i);
    if (reasons_shown_) {
        dc.SetTextForeground(kInk);
        wxString hint = zh_en("Choose any, then submit");
        fit(dc, hint, reasons_title_.width, reasons_title_.height * 8 / 10, false);
        centred(dc, hint, reasons_title_.x + reasons_title_.width / 2, reasons_title_.y);
        for (size_t i = 0; i < reasons_.size(); ++i) {
            const wxRect& r = reasons_[i];
            bool on = picked_[i];
            dc.SetPen(wxPen(on ? kPicked : wxColour(150, 156, 168), 2));
            dc.SetBrush(wxBrush(on ? kPicked : *wxWHITE));
            dc.DrawRoundedRectangle(r, std::max(6, r.height / 6));
            dc.SetTextForeground(on ? *wxWHITE : kInk);
            const RatingReason& reason = kRatingReasons[i];
            wxString zh = (on ? wxString::FromUTF8("✔ ") : wxString()) + u(reason.zh);
            fit(dc, zh, r.width * 9 / 10, r.height * 40 / 100, true);
            int zh_h = dc.GetCharHeight();
            centred(dc, zh, r.x + r.width / 2, r.y + r.height / 2 - zh_h * 9 / 10);
            fit(dc, u(reason.en), r.width * 9 / 10, r.height * 26 / 100, false);
            centred(dc, u(reason.en), r.x + r.width / 2, r.y + r.height / 2 + zh_h / 10);
        }
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(wxBrush(kInk));
        dc.DrawRoundedRectangle(submit_, std::max(6, submit_.height / 5));
        dc.SetTextForeground(*wxWHITE);
        wxString sub = zh_en("Submit");
        fit(dc, sub, submit_.width * 9 / 10, submit_.height * 55 / 100, true);
        centred(dc, sub, submit_.x + submit_.width / 2, submit_.y + (submit_.height - dc.GetCharHeight()) / 2);
    }
    dc.SetTextForeground(wxColour(90, 96, 108));
    wxString count = zh_en("closes in %d s", std::max(left_s_, 0));
    fit(dc, count, countdown_.width, countdown_.height, false);
    centred(dc, count, countdown_.x + countdown_.width / 2, countdown_.y);
}

std::string RatingPanel::centre(const wxRect& r) const {
    wxPoint p = ClientToScreen(wxPoint(r.x + r.width / 2, r.y + r.height / 2));
    return std::to_string(p.x) + "," + std::to_string(p.y);
}

std::string RatingPanel::button_positions() const {
    std::string out;
    for (size_t i = 0; i < tiles_.size(); ++i)
        out += (i ? " " : "") + std::to_string(kLevels[i].value) + "@" + centre(tiles_[i]);
    return out;
}

std::string RatingPanel::reason_positions() const {
    std::string out;
    for (size_t i = 0; i < reasons_.size(); ++i) out += std::string(kRatingReasons[i].code) + "@" + centre(reasons_[i]) + " ";
    return out + "submit@" + centre(submit_);
}

void RatingPanel::on_click(wxMouseEvent& e) {
    if (!done_) return;
    wxPoint p = e.GetPosition();
    for (size_t i = 0; i < tiles_.size(); ++i)
        if (tiles_[i].Contains(p)) return choose(kLevels[i].value);
    if (!reasons_shown_) return;
    for (size_t i = 0; i < reasons_.size(); ++i)
        if (reasons_[i].Contains(p)) {
            picked_[i] = !picked_[i];
            left_s_ = timeout_s_;  // still choosing
            trace(std::string("rating reason ") + std::string(kRatingReasons[i].code) + (picked_[i] ? " on" : " off"));
            return Refresh(false);
        }
    if (submit_.Contains(p)) submit();
}

bool RatingPanel::key(int k) {
    if (!done_) return false;
    if (k >= '1' && k <= '5') return choose(k - '0'), true;
    if (k >= WXK_NUMPAD1 && k <= WXK_NUMPAD5) return choose(k - WXK_NUMPAD0), true;
    if ((k == WXK_RETURN || k == WXK_NUMPAD_ENTER) && level_) return submit(), true;
    return false;
}

void RatingPanel::choose(int level) {
    if (!done_) return;
    level_ = level;
    if (!reasons_allowed(level, reasons_up_to_)) return submit();
    if (!reasons_shown_) picked_.assign(kRatingReasons.size(), false);
    reasons_shown_ = true;  // a low rating: ask why, then submit
    left_s_ = timeout_s_;
    place();
    drawn_ = "rating reasons asked level=" + std::to_string(level) + " ";
    Refresh(false);
}

void RatingPanel::submit() {
    if (!done_) return;
    RatingChoice c;
    c.level = level_;
    if (reasons_allowed(level_, reasons_up_to_))
        for (size_t i = 0; i < picked_.size(); ++i)
            if (picked_[i]) c.reasons.emplace_back(kRatingReasons[i].code);
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
    RefreshRect(countdown_, false);
}

}  // namespace hallq
