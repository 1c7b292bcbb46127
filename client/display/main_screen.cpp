// main_screen.cpp - drawing the main hall screen.
#include "main_screen.h"

#include <wx/dcbuffer.h>
#include <wx/datetime.h>

#include "trace.h"
#include "translation.h"

namespace hallq {

namespace {
const wxColour kBackground(8, 28, 58), kBand(16, 52, 102), kText(240, 244, 250), kCall(255, 214, 10),
    kDim(150, 170, 200), kAlert(200, 30, 30);

wxFont font(int px, bool bold = false) {
    wxFont f(wxFontInfo(wxSize(0, std::max(px, 8))).Family(wxFONTFAMILY_SWISS).Bold(bold));
    return f;
}

wxString u(const std::string& s) { return wxString::FromUTF8(s); }

// The largest size up to `px` at which `text` fits in `width`.
int fit(wxDC& dc, const wxString& text, int width, int px, bool bold) {
    dc.SetFont(font(px, bold));
    int w = dc.GetTextExtent(text).x;
    return w <= width ? px : std::max(8, px * width / w);
}
}  // namespace

MainScreen::MainScreen(wxWindow* parent, std::string notice)
    : wxPanel(parent), notice_(std::move(notice)), tick_(this) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &MainScreen::on_paint, this);
    Bind(wxEVT_TIMER, &MainScreen::on_tick, this);
    tick_.Start(40);
}

void MainScreen::show(const DisplayState& state) {
    state_ = state;
    if (!state_.calls.empty()) {
        const CallLine& c = state_.calls.front();
        if (c.ticket != newest_ticket_ || c.at != newest_at_) {
            newest_ticket_ = c.ticket;
            newest_at_ = c.at;
            flash_ = 8;  // four blinks
        }
    }
    Refresh(false);
}

void MainScreen::on_tick(wxTimerEvent&) {
    int ticks = ++ticks_;
    wxSize size = GetClientSize();
    scroll_ += std::max(2, size.y / 300);
    bool flashing = flash_ > 0 && ticks % 10 == 0;
    if (flashing) --flash_;
    if (flashing || ticks % 25 == 0) {
        Refresh(false);  // the flash, or the clock once a second
    } else {
        int notice = size.y / 12;
        RefreshRect(wxRect(0, size.y - notice, size.x, notice), false);  // only the scrolling line
    }
}

void MainScreen::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    wxSize size = GetClientSize();
    int h = size.y, w = size.x;
    dc.SetBackground(wxBrush(kBackground));
    dc.Clear();
    int header = h / 10, notice = h / 12;
    // Header: hall name and clock.
    dc.SetBrush(wxBrush(kBand));
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.DrawRectangle(0, 0, w, header);
    dc.SetTextForeground(kText);
    dc.SetFont(font(header * 5 / 10, true));
    dc.DrawText(state_.hall_name.empty() ? _("Government service centre") : u(state_.hall_name), header / 3, header / 5);
    wxString clock = wxDateTime::Now().Format("%Y-%m-%d  %H:%M:%S");
    wxSize cs = dc.GetTextExtent(clock);
    dc.DrawText(clock, w - cs.x - header / 3, (header - cs.y) / 2);

    int top = header;
    if (!state_.connected) {
        int band = h / 14;
        dc.SetBrush(wxBrush(kAlert));
        dc.DrawRectangle(0, top, w, band);
        dc.SetFont(font(band * 55 / 100, true));
        dc.SetTextForeground(*wxWHITE);
        dc.DrawText(zh_en("Connection lost, reconnecting…"), band / 2, top + band / 5);
        top += band;
    }
    int body = h - top - notice;
    draw_call(dc, wxRect(0, top, w * 62 / 100, body * 55 / 100));
    draw_history(dc, wxRect(0, top + body * 55 / 100, w * 62 / 100, body * 45 / 100));
    draw_queues(dc, wxRect(w * 62 / 100, top, w * 38 / 100, body));
    draw_notice(dc, wxRect(0, h - notice, w, notice));

    if (!state_.calls.empty()) {  // tell the tests what is now on screen
        const CallLine& c = state_.calls.front();
        if (c.ticket != traced_ticket_ || c.at != traced_at_) {
            traced_ticket_ = c.ticket;
            traced_at_ = c.at;
            trace("shown call " + c.number + " window=" + std::to_string(c.window) +
                  (c.recall ? " recall" : "") + " connected=" + (state_.connected ? "1" : "0") + " mono_us=" + mono_us());
        }
    }
}

void MainScreen::draw_call(wxDC& dc, const wxRect& r) {
    bool lit = flash_ > 0 && flash_ % 2 == 1;
    dc.SetBrush(wxBrush(lit ? kCall : kBackground));
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.DrawRectangle(wxRect(r).Deflate(r.height / 20));
    wxColour fg = lit ? kBackground : kCall;
    if (state_.calls.empty()) {
        dc.SetFont(font(r.height / 6));
        dc.SetTextForeground(kDim);
        dc.DrawText(zh_en("Please wait for your number"), r.x + r.height / 6, r.y + r.height / 2 - r.height / 12);
        return;
    }
    const CallLine& c = state_.calls.front();
    int x = r.x + r.height / 6, room = r.width - 2 * x;
    wxString number = u(c.number), where = u(call_text_zh(c).substr(c.number.size() + 1));
    // The number and 「请到 03 号窗口」 on one line, shrunk together if the screen is narrow.
    int big = r.height * 42 / 100, mid = r.height * 20 / 100;
    dc.SetFont(font(big, true));
    int nw = dc.GetTextExtent(number).x;
    dc.SetFont(font(mid, true));
    int ww = dc.GetTextExtent(where).x, gap = r.height / 10;
    if (nw + gap + ww > room) {
        big = big * room / (nw + gap + ww);
        mid = mid * room / (nw + gap + ww);
        gap = gap * room / (nw + gap + ww);
    }
    dc.SetTextForeground(fg);
    dc.SetFont(font(big, true));
    wxSize ns = dc.GetTextExtent(number);
    dc.DrawText(number, x, r.y + r.height * 32 / 100 - ns.y / 2);
    dc.SetFont(font(mid, true));
    wxSize ws = dc.GetTextExtent(where);
    dc.DrawText(where, x + ns.x + gap, r.y + r.height * 32 / 100 - ws.y / 2 + ns.y / 8);
    wxString en = wxString::Format("Number %s, please go to window %d", u(c.number), c.window) +
                  (c.window_name.empty() ? wxString() : u("  ·  " + c.window_name));
    dc.SetFont(font(fit(dc, en, room, r.height * 11 / 100, false)));
    dc.SetTextForeground(lit ? kBackground : kText);
    dc.DrawText(en, x, r.y + r.height * 68 / 100);
}

void MainScreen::draw_history(wxDC& dc, const wxRect& r) {
    dc.SetFont(font(r.height / 10));
    dc.SetTextForeground(kDim);
    dc.DrawText(zh_en("Called"), r.x + r.height / 10, r.y);
    int rows = 4, cols = 2, line = (r.height * 85 / 100) / rows;
    dc.SetFont(font(line * 6 / 10, true));
    dc.SetTextForeground(kText);
    for (size_t i = 1; i < state_.calls.size() && i <= size_t(rows * cols); ++i) {
        int k = int(i) - 1, col = k / rows, row = k % rows;
        const CallLine& c = state_.calls[i];
        dc.DrawText(u(call_text_zh(c)), r.x + r.height / 10 + col * r.width / cols, r.y + r.height * 15 / 100 + row * line);
    }
}

void MainScreen::draw_queues(wxDC& dc, const wxRect& r) {
    dc.SetBrush(wxBrush(kBand));
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.DrawRectangle(wxRect(r).Deflate(r.width / 40));
    int line = std::min(r.height / int(state_.queues.size() + 2), r.height / 8);
    dc.SetFont(font(line * 5 / 10, true));
    dc.SetTextForeground(kDim);
    int x = r.x + r.width / 14, y = r.y + line / 2;
    dc.DrawText(zh_en("Waiting"), x, y);
    y += line;
    for (const QueueLine& q : state_.queues) {
        dc.SetFont(font(line * 45 / 100, true));
        dc.SetTextForeground(kText);
        dc.DrawText(u(q.letter + "  " + q.name), x, y);
        wxString n = wxString::Format("%d", q.waiting);
        dc.SetFont(font(line * 6 / 10, true));
        dc.SetTextForeground(kCall);
        wxSize ns = dc.GetTextExtent(n);
        dc.DrawText(n, r.x + r.width - r.width / 10 - ns.x, y - line / 12);
        y += line;
    }
}

void MainScreen::draw_notice(wxDC& dc, const wxRect& r) {
    dc.SetBrush(wxBrush(kBand));
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.DrawRectangle(r);
    dc.SetFont(font(r.height * 5 / 10));
    dc.SetTextForeground(kText);
    // Without a notice of its own the screen says the hall's rule, as the printed tickets do.
    wxString text = u(!notice_.empty()                 ? notice_
                      : state_.missed_call.empty() ? std::string("请留意叫号 · Please listen for your number")
                                                   : "请留意叫号，" + state_.missed_call + " · Please listen for your number");
    int width = dc.GetTextExtent(text).x + r.width / 3;
    int x = r.width - (scroll_ % (width + r.width));
    dc.SetClippingRegion(r);
    dc.DrawText(text, x, r.y + r.height / 4);
    dc.DestroyClippingRegion();
}

}  // namespace hallq
