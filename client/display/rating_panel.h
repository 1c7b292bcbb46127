// rating_panel.h - the rating prompt (好差评) on the window screen: five large tiles from 非常满意 to
// 非常不满意, each with a face, its label in Chinese and English and its key; reasons for a low
// rating (levels 1 … policy.rating_reasons_up_to); a countdown that records "not rated". Drawn to
// the panel's size, so every level is whole and tappable from 800×480 up. Keys 1–5 and Enter
// work from the moment it appears (rating keypads are keyboards): the window screen hands them
// over from its frame (key()).
#pragma once
#include <array>
#include <functional>
#include <string>
#include <vector>
#include <wx/panel.h>
#include <wx/timer.h>

#include "core/rating.h"

class wxDC;

namespace hallq {

struct RatingChoice {
    int level = 0;  // 1–5; 0 = not rated (timed out)
    std::vector<std::string> reasons;
};

class RatingPanel : public wxPanel {
public:
    // The smallest panel the prompt is laid out for (every tile whole, reasons readable).
    static constexpr int kMinWidth = 800, kMinHeight = 480;

    RatingPanel(wxWindow* parent, int timeout_s);
    // Shows the prompt for a finished ticket; `done` is called once with the citizen's choice.
    // Reasons are asked for levels 1 … reasons_up_to.
    // `drawn`: traced with " buttons=…" once the prompt is on the screen (tests tap then).
    void ask(const std::string& number, const std::string& clerk, const std::string& item, int reasons_up_to,
             const std::string& drawn, std::function<void(const RatingChoice&)> done);
    bool asking() const { return bool(done_); }
    // A key from the frame: 1–5 (top row or keypad) choose, Enter submits. Whether it was taken.
    bool key(int code);
    // Screen centres of the five level tiles, 5 first; of the reasons and submit when shown (tests tap them).
    std::string button_positions() const;
    std::string reason_positions() const;
    bool AcceptsFocus() const override { return true; }

private:
    void place();  // the tiles' and buttons' rectangles for the panel's size and state
    void on_paint(wxPaintEvent&);
    void paint(wxDC& dc);
    void on_click(wxMouseEvent&);
    void draw_tile(wxDC& dc, size_t i) const;
    void choose(int level);
    void submit();
    void on_tick(wxTimerEvent&);
    std::string centre(const wxRect& r) const;

    int timeout_s_, left_s_ = 0;
    int level_ = 0, reasons_up_to_ = kDefaultReasonsUpTo;
    bool reasons_shown_ = false;
    wxTimer timer_;
    wxString what_;
    std::string drawn_;  // traced after the next paint
    wxRect title_, countdown_, reasons_title_, submit_;
    std::array<wxRect, 5> tiles_;  // 5 … 1
    std::vector<wxRect> reasons_;  // kRatingReasons' order
    std::vector<bool> picked_;
    std::function<void(const RatingChoice&)> done_;
};

}  // namespace hallq
