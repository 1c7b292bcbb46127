// main_screen.h - the main hall screen (landscape TV): the latest call in large type, flashing
// when new; past calls; people waiting per queue; clock; a scrolling notice; a banner when the
// connection to the hall server is lost. Drawn to scale, so 1920×1080 and 1366×768 both fit.
#pragma once
#include <wx/panel.h>
#include <wx/timer.h>

#include "display_model.h"

namespace hallq {

class MainScreen : public wxPanel {
public:
    MainScreen(wxWindow* parent, std::string notice);
    void show(const DisplayState& state);

private:
    void on_paint(wxPaintEvent&);
    void on_tick(wxTimerEvent&);
    void draw_call(wxDC& dc, const wxRect& r);
    void draw_history(wxDC& dc, const wxRect& r);
    void draw_queues(wxDC& dc, const wxRect& r);
    void draw_notice(wxDC& dc, const wxRect& r);

    DisplayState state_;
    std::string notice_;
    wxTimer tick_;             // clock, flash and the notice scroll
    int flash_ = 0;            // half-periods of flashing left for the newest call
    int64_t newest_ticket_ = 0, newest_at_ = 0;
    int64_t traced_ticket_ = 0, traced_at_ = 0;
    int scroll_ = 0;
    int ticks_ = 0;            // timer ticks (40 ms) since the screen opened
};

}  // namespace hallq
