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
    if (state_.connected && !state.connected) lost_at_ = wxDateTime::Now().Format("%H:%M:%S");
    if (!state.connected && lost_at_.empty()) lost_at_ = wxDateTime::Now().Format("%H:%M:%S");
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
    wxString clock = wxDateTime::Now().Format("%Y-%m-%d  %H:%M:%S");
    dc.SetFont(font(header * 5 / 10, true));
    wxSize cs = dc.GetTextExtent(clock);
    dc.DrawText(clock, w - cs.x - header / 3, (header - cs.y) / 2);
    wxString hall = state_.hall_name.empty() ? _("Government service centre") : u(state_.hall_name);
    dc.SetFont(font(fit(dc, hall, w - cs.x - header, header * 5 / 10, true), true));
    dc.DrawText(hall, header / 3, (header - dc.GetTextExtent(hall).y) / 2);

    int top = header;
    if (!state_.connected) {
        int band = h / 16;
        draw_offline(dc, wxRect(0, top, w, band));
        top += band;
    }
    int body = h - top - notice, left = w * 56 / 100, call = body * 45 / 100, queues = body * 60 / 100;
    draw_call(dc, wxRect(0, top, left, call));
    draw_windows(dc, wxRect(0, top + call, left, body - call));
    draw_queues(dc, wxRect(left, top, w - left, queues));
    draw_missed(dc, wxRect(left, top + queues, w - left, body - queues));
    draw_notice(dc, wxRect(0, h - notice, w, notice));
    trace_shown();
}

// Tells the tests what is now on screen, once per change.
void MainScreen::trace_shown() {
    if (!state_.calls.empty()) {
        const CallLine& c = state_.calls.front();
        if (c.ticket != traced_ticket_ || c.at != traced_at_) {
            traced_ticket_ = c.ticket;
            traced_at_ = c.at;
            trace("shown call " + c.number + " window=" + std::to_string(c.window) +
                  (c.recall ? " recall" : "") + " connected=" + (state_.connected ? "1" : "0") + " mono_us=" + mono_us());
        }
    }
    std::string table;
    for (const WindowLine* line : shown_windows())
        table += " " + std::to_string(line->number) + "=" +
                 (line->state == WindowState::paused  ? "paused"
                  : line->current_number.empty()      ? "-"
                  : line->current_state == TicketState::called ? line->current_number + ":called"
                                                                : line->current_number + ":serving");
    table += " missed=";
    for (size_t i = 0; i < state_.missed.size(); ++i) table += (i ? "," : "") + state_.missed[i];
    if (table != traced_table_) {
        traced_table_ = table;
        trace("shown windows" + table);
    }
}

std::vector<const WindowLine*> MainScreen::shown_windows() const {
    std::vector<const WindowLine*> out;
    for (const auto& [n, line] : state_.windows)
        if (line.state != WindowState::closed) out.push_back(&line);
    return out;
}

// Calm words for the hall, the detail for staff in small print at the side.
void MainScreen::draw_offline(wxDC& dc, const wxRect& r) {
    dc.SetBrush(wxBrush(kBand));
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.DrawRectangle(r);
    wxString staff = wxString::Format(_("Staff: no link to the hall server since %s, retrying"), lost_at_);
    dc.SetFont(font(r.height * 3 / 10));
    wxSize ss = dc.GetTextExtent(staff);
    dc.SetTextForeground(kDim);
    dc.DrawText(staff, r.GetRight() - ss.x - r.height / 2, r.y + (r.height - ss.y) / 2);
    wxString calm = zh_en("Screen updating, please listen for your number");
    int room = r.width - ss.x - r.height * 3 / 2;
    dc.SetFont(font(fit(dc, calm, room, r.height * 55 / 100, true), true));
    dc.SetTextForeground(kCall);
    dc.DrawText(calm, r.x + r.height / 2, r.y + (r.height - dc.GetTextExtent(calm).y) / 2);
}

void MainScreen::draw_call(wxDC& dc, const wxRect& r) {
    bool lit = flash_ > 0 && flash_ % 2 == 1;
    dc.SetBrush(wxBrush(lit ? kCall : kBackground));
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.DrawRectangle(wxRect(r).Deflate(r.height / 20));
    wxColour fg = lit ? kBackground : kCall;
    int x = r.x + r.height / 6, room = r.width - x - r.height / 8;
    if (state_.calls.empty()) {
        wxString wait = zh_en("Please wait for your number");
        dc.SetFont(font(fit(dc, wait, room, r.height / 6, false)));
        dc.SetTextForeground(kDim);
        dc.DrawText(wait, x, r.y + r.height / 2 - r.height / 12);
        return;
    }
    const CallLine& c = state_.calls.front();
    wxString number = u(c.number), where = u(call_text_zh(c).substr(c.number.size() + 1));
    // The number and 「请到 03 号窗口」 on one line, shrunk together if the screen is narrow.
    int big = r.height * 46 / 100, mid = r.height * 22 / 100;
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
    dc.DrawText(number, x, r.y + r.height * 36 / 100 - ns.y / 2);
    dc.SetFont(font(mid, true));
    wxSize ws = dc.GetTextExtent(where);
    dc.DrawText(where, x + ns.x + gap, r.y + r.height * 36 / 100 - ws.y / 2 + ns.y / 8);
    wxString en = wxString::Format("Number %s, please go to window %d", u(c.number), c.window) +
                  (c.window_name.empty() ? wxString() : u("  ·  " + c.window_name));
    dc.SetFont(font(fit(dc, en, room, r.height * 12 / 100, false)));
    dc.SetTextForeground(lit ? kBackground : kText);
    dc.DrawText(en, x, r.y + r.height * 72 / 100);
}

// Every open window and the number it is calling (yellow) or serving (white), in pages of what
// fits at a size readable across the hall.
void MainScreen::draw_windows(wxDC& dc, const wxRect& r) {
    int title = GetClientSize().y / 20, x0 = r.x + r.height / 14;
    dc.SetFont(font(title * 7 / 10));
    dc.SetTextForeground(kDim);
    dc.DrawText(zh_en("Windows now serving"), x0, r.y);
    std::vector<const WindowLine*> shown = shown_windows();
    if (shown.empty()) return;
    int screen_h = GetClientSize().y, min_row = screen_h / 13, cols = 3;
    int avail = r.height - title * 13 / 10, fit_rows = std::max(1, avail / min_row);
    int per_page = fit_rows * cols, pages = (int(shown.size()) + per_page - 1) / per_page;
    int page = pages > 1 ? (ticks_ / 200) % pages : 0;  // 8 s a page
    int count = std::min(per_page, int(shown.size()) - page * per_page);
    int rows = std::min(fit_rows, (count + cols - 1) / cols);
    int row = std::min(avail / rows, screen_h / 9), col_w = (r.width - x0) / cols;
    if (pages > 1) {
        wxString p = wxString::Format("%d/%d", page + 1, pages);
        dc.SetFont(font(title * 6 / 10));
        dc.DrawText(p, r.GetRight() - dc.GetTextExtent(p).x - x0, r.y);
    }
    for (int k = 0; k < count; ++k) {
        const WindowLine& line = *shown[size_t(page * per_page + k)];
        int cx = x0 + (k % cols) * col_w, cy = r.y + title * 13 / 10 + (k / cols) * row;
        wxString label = wxString::Format("%02d", line.number);
        dc.SetFont(font(row * 45 / 100));
        dc.SetTextForeground(kDim);
        wxSize ls = dc.GetTextExtent(label);
        dc.DrawText(label, cx, cy + (row - ls.y) / 2);
        wxString what;
        wxColour colour = kText;
        if (line.state == WindowState::paused) {
            what = tr("Paused");
            colour = kDim;
        } else if (line.current_number.empty()) {
            what = wxString::FromUTF8("—");
            colour = kDim;
        } else {
            what = u(line.current_number);
            if (line.current_state == TicketState::called) colour = kCall;
        }
        int room = col_w - ls.x - row / 2;
        dc.SetFont(font(fit(dc, what, room, row * 72 / 100, true), true));
        dc.SetTextForeground(colour);
        wxSize ws = dc.GetTextExtent(what);
        dc.DrawText(what, cx + ls.x + row / 4, cy + (row - ws.y) / 2);
    }
}

void MainScreen::draw_queues(wxDC& dc, const wxRect& r) {
    wxRect box = wxRect(r).Deflate(r.width / 40);
    dc.SetBrush(wxBrush(kBand));
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.DrawRectangle(box);
    int title = GetClientSize().y / 20, x0 = box.x + box.width / 20;
    dc.SetFont(font(title * 7 / 10));
    dc.SetTextForeground(kDim);
    dc.DrawText(zh_en("Waiting"), x0, box.y + title / 5);
    if (state_.queues.empty()) return;
    int n = int(state_.queues.size()), cols = n > 6 ? 2 : 1, rows = (n + cols - 1) / cols;
    int avail = box.height - title * 13 / 10, row = std::min(avail / rows, GetClientSize().y / 9);
    int col_w = (box.width - 2 * (x0 - box.x)) / cols;
    for (int k = 0; k < n; ++k) {
        const QueueLine& q = state_.queues[size_t(k)];
        int cx = x0 + (k / rows) * col_w, cy = box.y + title * 13 / 10 + (k % rows) * row;
        wxString count = wxString::Format("%d", q.waiting);
        dc.SetFont(font(row * 62 / 100, true));
        wxSize ns = dc.GetTextExtent(count);
        dc.SetTextForeground(q.waiting ? kCall : kDim);
        dc.DrawText(count, cx + col_w - ns.x - row / 3, cy + (row - ns.y) / 2);
        wxString name = u(q.name);
        int room = col_w - ns.x - row * 2 / 3;
        dc.SetFont(font(fit(dc, name, room, row * 50 / 100, true), true));
        dc.SetTextForeground(kText);
        dc.DrawText(name, cx, cy + (row - dc.GetTextExtent(name).y) / 2);
    }
}

// Today's no-shows (过号), newest first, and what to do about it.
void MainScreen::draw_missed(wxDC& dc, const wxRect& r) {
    wxRect box = wxRect(r).Deflate(r.width / 40);
    dc.SetBrush(wxBrush(kBand));
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.DrawRectangle(box);
    int title = GetClientSize().y / 20, x0 = box.x + box.width / 20, room = box.width - 2 * (x0 - box.x);
    dc.SetFont(font(title * 7 / 10));
    dc.SetTextForeground(kDim);
    dc.DrawText(zh_en("Missed numbers"), x0, box.y + title / 6);
    int rule_h = title;
    if (!state_.missed_call.empty()) {
        wxString rule = u(state_.missed_call);
        dc.SetFont(font(fit(dc, rule, room, rule_h * 7 / 10, false)));
        dc.SetTextForeground(kText);
        dc.DrawText(rule, x0, box.GetBottom() - rule_h);
    }
    int cols = 4, avail = box.height - title * 12 / 10 - rule_h * 12 / 10;
    int rows = std::max(1, std::min(3, avail / std::max(1, GetClientSize().y / 16)));
    int row = avail / rows, col_w = room / cols;
    dc.SetTextForeground(kText);
    for (size_t k = 0; k < state_.missed.size() && k < size_t(rows * cols); ++k) {
        wxString n = u(state_.missed[k]);
        dc.SetFont(font(fit(dc, n, col_w * 85 / 100, row * 70 / 100, true), true));
        int cx = x0 + int(k % size_t(cols)) * col_w, cy = box.y + title * 12 / 10 + int(k / size_t(cols)) * row;
        dc.DrawText(n, cx, cy + (row - dc.GetTextExtent(n).y) / 2);
    }
}

// The notice stands still when it fits; a longer one runs as an endless band, never blank.
void MainScreen::draw_notice(wxDC& dc, const wxRect& r) {
    dc.SetBrush(wxBrush(kBand));
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.DrawRectangle(r);
    // Without a notice of its own the screen says the hall's rule, as the printed tickets do.
    wxString text = u(!notice_.empty()                 ? notice_
                      : state_.missed_call.empty() ? std::string("请留意叫号 · Please listen for your number")
                                                   : "请留意叫号，" + state_.missed_call + " · Please listen for your number");
    int px = r.height * 55 / 100, margin = r.height / 2;
    dc.SetFont(font(px));
    int tw = dc.GetTextExtent(text).x;
    if (tw > r.width - 2 * margin && tw * 4 / 5 <= r.width - 2 * margin) {  // a little long: a little smaller
        px = fit(dc, text, r.width - 2 * margin, px, false);
        dc.SetFont(font(px));
        tw = dc.GetTextExtent(text).x;
    }
    int y = r.y + (r.height - dc.GetTextExtent(text).y) / 2;
    dc.SetTextForeground(kText);
    dc.SetClippingRegion(r);
    if (tw <= r.width - 2 * margin) {
        dc.DrawText(text, r.x + (r.width - tw) / 2, y);
    } else {
        int period = tw + r.width / 4;
        for (int x = -(scroll_ % period); x < r.width; x += period) dc.DrawText(text, r.x + x, y);
    }
    dc.DestroyClippingRegion();
}

}  // namespace hallq
