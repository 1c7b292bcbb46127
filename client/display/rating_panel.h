// rating_panel.h - the rating prompt (好差评) on the window screen: five large buttons from
// 非常满意 to 非常不满意, reasons for a low rating, a countdown that records "not rated".
// Keys 1–5 work too, for rating keypads.
#pragma once
#include <functional>
#include <set>
#include <string>
#include <vector>
#include <wx/panel.h>
#include <wx/timer.h>

class wxButton;
class wxStaticText;
class wxToggleButton;

namespace hallq {

struct RatingChoice {
    int level = 0;  // 1–5; 0 = not rated (timed out)
    std::vector<std::string> reasons;
};

class RatingPanel : public wxPanel {
public:
    RatingPanel(wxWindow* parent, int timeout_s);
    // Shows the prompt for a finished ticket; `done` is called once with the citizen's choice.
    void ask(const std::string& number, const std::string& clerk, const std::string& item,
             std::function<void(const RatingChoice&)> done);
    bool asking() const { return bool(done_); }
    // Screen centres of the five level buttons, 5 first (tests tap them).
    std::string button_positions() const;

private:
    void choose(int level);
    void submit();
    void on_tick(wxTimerEvent&);
    void on_key(wxKeyEvent&);

    int timeout_s_, left_s_ = 0;
    int level_ = 0;
    wxTimer timer_;
    wxStaticText *title_ = nullptr, *countdown_ = nullptr, *reasons_title_ = nullptr;
    std::vector<wxButton*> levels_;  // 5 … 1
    std::vector<wxToggleButton*> reasons_;
    wxButton* submit_ = nullptr;
    wxPanel* reason_box_ = nullptr;
    std::function<void(const RatingChoice&)> done_;
};

}  // namespace hallq
