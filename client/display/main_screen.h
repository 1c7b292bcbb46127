// main_screen.h - the main hall screen (landscape TV): the latest call in large type, flashing
// when new; every open window with the number it is calling or serving; people waiting per
// queue; today's missed numbers; clock; the notice; a calm line when the hall server is out of
// reach. Drawn to scale, so 1920×1080 and 1366×768 both fit.
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
    void draw_offline(wxDC& dc, const wxRect& r);
    void draw_windows(wxDC& dc, const wxRect& r);
    void draw_queues(wxDC& dc, const wxRect& r);
    void draw_missed(wxDC& dc, const wxRect& r);
    void draw_notice(wxDC& dc, const wxRect& r);
    void trace_shown();
    std::vector<const WindowLine*> shown_windows() const;

    DisplayState state_;
    std::string notice_;
    wxTimer tick_;             // clock, flash and the notice scroll
    int flash_ = 0;            // half-periods of flashing left for the newest call
    int64_t newest_ticket_ = 0, newest_at_ = 0;
    int64_t traced_ticket_ = 0, traced_at_ = 0;
    std::string traced_table_;
    wxString lost_at_;         // when the screen lost the hall server (for staff)
    int scroll_ = 0;
    int ticks_ = 0;            // timer ticks (40 ms) since the screen opened
};

}  // namespace hallq
