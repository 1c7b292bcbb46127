// window_screen.h - the small screen facing the citizen at one window: the window's name and
// clerk, the number being served, and after the clerk finishes, the rating prompt.
#pragma once
#include <functional>
#include <wx/panel.h>
#include <wx/timer.h>

#include "display_model.h"
#include "rating_panel.h"

namespace hallq {

class WindowScreen : public wxPanel {
public:
    using RateFn = std::function<void(const RatingPrompt&, const RatingChoice&)>;
    WindowScreen(wxWindow* parent, int window, int rating_timeout_s, RateFn rate);
    void show(const DisplayState& state);

private:
    void on_paint_info(wxPaintEvent&);
    void show_rating(bool on);
    void on_key(wxKeyEvent& e);  // the frame's keys: 1–5 and Enter go to the rating prompt

    int window_;
    RateFn rate_;
    DisplayState state_;
    wxPanel* info_ = nullptr;
    RatingPanel* rating_ = nullptr;
    int64_t asked_ticket_ = 0;
    wxTimer thanks_;  // "thank you" after a rating, for kThanksMs
    static constexpr int kThanksMs = 4000;
    std::string traced_;
};

}  // namespace hallq
