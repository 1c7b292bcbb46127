// kiosk_frame.cpp - the window and its screens: services, items, the ticket, a message.
#include "kiosk_frame.h"

#include <wx/button.h>
#include <wx/dcclient.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "core/idnumber.h"
#include "hall_feed.h"
#include "print_queue.h"
#include "trace.h"

namespace hallq {

namespace {
const wxColour kBlue(0x12, 0x5B, 0xB0), kPaper(0xF4, 0xF7, 0xFB), kGreen(0x1E, 0x8E, 0x3E), kRed(0xC6, 0x28, 0x28),
    kAmber(0xB2, 0x6A, 0x00), kInk(0x20, 0x20, 0x20);

wxString u(const std::string& s) { return wxString::FromUTF8(s); }

wxFont px_font(int px, bool bold = false) {
    wxFont f(wxFontInfo().Family(wxFONTFAMILY_SWISS).Bold(bold));
    f.SetPixelSize(wxSize(0, px));
    return f;
}

// Breaks text into lines that fit `width` (between characters for Chinese, between words for
// English; wx's own wrapping breaks only at spaces), at most `max_lines` lines.
wxString fit_lines(wxWindow* w, const std::string& text, const wxFont& font, int width, int max_lines = 3) {
    if (text.find('\n') != std::string::npos) {  // lines given: fit each
        wxString out;
        size_t start = 0;
        for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
            out += fit_lines(w, text.substr(start, end - start), font, width, max_lines) + "\n";
        return out + fit_lines(w, text.substr(start), font, width, max_lines);
    }
    wxString all = u(text), out, line;
    bool words = all.Find(' ') != wxNOT_FOUND;
    wxClientDC dc(w);
    dc.SetFont(font);
    int lines = 1;
    size_t i = 0;
    while (i < all.size()) {
        size_t j = i + 1;
        if (words)
            while (j < all.size() && all[j - 1] != ' ') ++j;
        wxString piece = all.Mid(i, j - i), next = line + piece;
        if (!line.empty() && dc.GetTextExtent(next).x > width && lines < max_lines) {
            out += line.Trim() + "\n";
            ++lines;
            line = piece;
        } else {
            line = next;
        }
        i = j;
    }
    return out + line;
}

// Sets a label's text broken into lines of at most `width` pixels.
void set_wrapped(wxStaticText* l, const std::string& text, int width) {
    l->SetLabel(fit_lines(l, text, l->GetFont(), std::max(width, 100), 6));
}

wxStaticText* label(wxWindow* parent, const std::string& text, int px, const wxColour& colour, bool bold = false) {
    auto* l = new wxStaticText(parent, wxID_ANY, u(text), wxDefaultPosition, wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
    l->SetFont(px_font(px, bold));
    l->SetForegroundColour(colour);
    return l;
}
}  // namespace

KioskFrame::KioskFrame(const KioskOptions& opt, HallFeed& feed, PrintQueue& printer)
    : wxFrame(nullptr, wxID_ANY, wxString::FromUTF8("自助取号机 / Ticket kiosk"), wxPoint(opt.x, opt.y)),
      opt_(opt),
      feed_(feed),
      printer_(printer),
      lang_(opt.lang == "en" ? Lang::en : Lang::zh),
      scan_(opt.scan_format.empty() ? ScanDecoder::kDefaultFormat : opt.scan_format),
      idle_(this) {
    root_ = new wxPanel(this);
    root_->SetBackgroundColour(kPaper);
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    auto* header = new wxPanel(root_);
    header->SetBackgroundColour(kBlue);
    auto* hs = new wxBoxSizer(wxHORIZONTAL);
    title_ = label(header, "", 44, *wxWHITE, true);
    lang_button_ = new wxButton(header, wxID_ANY, "");
    lang_button_->SetFont(px_font(30, true));
    lang_button_->SetMinSize(wxSize(200, 90));
    lang_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        lang_ = lang_ == Lang::zh ? Lang::en : Lang::zh;
        trace(std::string("lang ") + (lang_ == Lang::zh ? "zh" : "en"));
        refresh_chrome();
        switch (screen_) {  // the same screen, in the other language
            case Screen::items: show_items(category_); break;
            case Screen::tickets: draw_tickets(); break;
            case Screen::message: show_message(message_); break;
            default: show_home();
        }
    });
    hs->Add(title_, 1, wxALIGN_CENTRE_VERTICAL | wxALL, 24);
    hs->Add(lang_button_, 0, wxALIGN_CENTRE_VERTICAL | wxALL, 16);
    header->SetSizer(hs);
    sizer->Add(header, 0, wxEXPAND);

    banner_panel_ = new wxPanel(root_);
    auto* bs = new wxBoxSizer(wxVERTICAL);
    banner_ = label(banner_panel_, "", 32, *wxWHITE, true);
    bs->Add(banner_, 0, wxEXPAND | wxALL, 18);
    banner_panel_->SetSizer(bs);
    banner_panel_->Hide();
    sizer->Add(banner_panel_, 0, wxEXPAND);

    content_ = new wxPanel(root_);
    content_->SetBackgroundColour(kPaper);
    content_sizer_ = new wxBoxSizer(wxVERTICAL);
    content_->SetSizer(content_sizer_);
    sizer->Add(content_, 1, wxEXPAND | wxALL, 24);

    auto* footer = new wxPanel(root_);
    footer->SetBackgroundColour(wxColour(0xE3, 0xEA, 0xF3));
    auto* fs = new wxBoxSizer(wxHORIZONTAL);
    hint_ = label(footer, "", 28, kInk);
    home_button_ = new wxButton(footer, wxID_ANY, "");
    home_button_->SetFont(px_font(30, true));
    home_button_->SetMinSize(wxSize(300, 100));
    home_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        trace("start over");
        reset_visitor();
        show_home();
    });
    fs->Add(hint_, 1, wxALIGN_CENTRE_VERTICAL | wxALL, 20);
    fs->Add(home_button_, 0, wxALIGN_CENTRE_VERTICAL | wxALL, 16);
    footer->SetSizer(fs);
    sizer->Add(footer, 0, wxEXPAND);
    root_->SetSizer(sizer);

    Bind(wxEVT_CHAR_HOOK, &KioskFrame::on_key, this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { on_idle_timeout(); }, idle_.GetId());
    refresh_chrome();
    show_message(t(Text::connecting));
}

void KioskFrame::enable_demo_swipe(std::function<std::string()> swipe) {
    wxWindow* footer = home_button_->GetParent();
    demo_button_ = new wxButton(footer, wxID_ANY, "");
    demo_button_->SetFont(px_font(24));
    demo_button_->SetMinSize(wxSize(220, 100));
    demo_button_->Bind(wxEVT_BUTTON, [swipe](wxCommandEvent&) { trace("demo card " + swipe()); });
    footer->GetSizer()->Insert(1, demo_button_, 0, wxALIGN_CENTRE_VERTICAL | wxALL, 16);
    refresh_chrome();
}

void KioskFrame::refresh_chrome() {
    std::string hall = catalogue_.hall_name.empty() ? "" : catalogue_.hall_name + " · ";
    set_wrapped(title_, hall + t(Text::title), GetClientSize().x - 300);
    lang_button_->SetLabel(u(t(Text::other_language)));
    set_wrapped(hint_, t(Text::swipe_hint), GetClientSize().x - (demo_button_ ? 680 : 420));
    home_button_->SetLabel(u(t(Text::start_over)));
    if (demo_button_) demo_button_->SetLabel(u(lang_ == Lang::zh ? "演示：刷身份证" : "Demo: swipe a card"));
    root_->Layout();
}

void KioskFrame::set_banner(const std::string& text, const wxColour& colour) {
    banner_text_ = text;
    banner_colour_ = colour;
    banner_panel_->SetBackgroundColour(colour);
    set_wrapped(banner_, text, GetClientSize().x - 60);
    bool moved = banner_panel_->IsShown() != !text.empty();
    banner_panel_->Show(!text.empty());
    root_->Layout();
    if (!text.empty()) trace("banner " + text);
    if (moved && !screen_name_.empty()) trace_screen();
}

void KioskFrame::begin_screen(Screen s) {
    screen_ = s;
    for (Shown& shown : shown_) shown.status = nullptr;  // destroyed with the screen's controls
    buttons_.clear();
    content_sizer_->Clear(true);
}

// Lays the screen out and reports it, with the centre of every button on the screen (tests tap
// them there).
void KioskFrame::finish_screen(const std::string& trace_name) {
    root_->Layout();
    content_->Layout();
    Refresh();
    // Keys (the scanner's) reach the window only through a focused control: keep one focused,
    // also after the controls of the last screen are gone.
    if (!buttons_.empty()) buttons_.front().second->SetFocus();
    else home_button_->SetFocus();
    home_button_->Show(screen_ != Screen::home || visitor_ || !banner_text_.empty());
    if (screen_ != Screen::home || visitor_) idle_.StartOnce(opt_.idle_seconds * 1000);
    else idle_.Stop();
    screen_name_ = trace_name;
    trace_screen();
}

// Reports the screen with the centre of every button (tests tap them there), once laid out; again
// whenever the layout moves (a banner comes or goes).
void KioskFrame::trace_screen() {
    CallAfter([this, trace_name = screen_name_, gen = generation_, count = buttons_.size()] {
        if (!trace_enabled() || gen != generation_ || count != buttons_.size() || trace_name != screen_name_) return;
        std::string line = "screen " + trace_name + " lang=" + (lang_ == Lang::zh ? "zh" : "en");
        std::string list;
        auto all = buttons_;
        all.emplace_back("lang", lang_button_);
        if (home_button_->IsShown()) all.emplace_back("home", home_button_);
        if (demo_button_) all.emplace_back("demo", demo_button_);
        for (const auto& [code, b] : all) {
            wxRect r = b->GetScreenRect();
            list += (list.empty() ? "" : "|") + code + "@" + std::to_string(r.x + r.width / 2) + "," +
                    std::to_string(r.y + r.height / 2);
        }
        trace(line + (list.empty() ? "" : " buttons=" + list));
    });
}

wxButton* KioskFrame::big_button(const std::string& text, int font_px, const wxColour& colour, int columns) {
    int width = (GetClientSize().x - 48 - 20 * (columns - 1)) / columns - 40;
    wxFont f = px_font(font_px, true);
    auto* b = new wxButton(content_, wxID_ANY, fit_lines(this, text, f, width), wxDefaultPosition, wxDefaultSize,
                           wxBU_EXACTFIT);
    b->SetFont(f);
    b->SetForegroundColour(colour);
    return b;
}

void KioskFrame::show_home() {
    begin_screen(Screen::home);
    if (!connected_ || menu_.categories.empty()) {
        content_sizer_->Add(label(content_, t(Text::connecting), 40, kInk), 0, wxALIGN_CENTRE | wxTOP, 200);
        finish_screen("connecting");
        return;
    }
    content_sizer_->Add(label(content_, t(Text::choose_service), 44, kInk, true), 0, wxALIGN_CENTRE | wxBOTTOM, 24);
    bool landscape = GetClientSize().x > GetClientSize().y;
    int columns = landscape ? 4 : 2;
    auto* grid = new wxGridSizer(columns, 20, 20);
    for (size_t i = 0; i < menu_.categories.size(); ++i) {
        const auto& c = menu_.categories[i];
        wxButton* b = big_button(c.name, 40, kBlue, columns);
        b->SetMinSize(wxSize(-1, 150));
        b->Bind(wxEVT_BUTTON, [this, i](wxCommandEvent&) { show_items(i); });
        grid->Add(b, 1, wxEXPAND);
        buttons_.emplace_back(c.code, b);
    }
    content_sizer_->Add(grid, 0, wxEXPAND);
    content_sizer_->AddStretchSpacer();
    finish_screen("home");
}

void KioskFrame::show_items(size_t index) {
    if (index >= menu_.categories.size()) return show_home();
    begin_screen(Screen::items);
    category_ = index;
    const auto& c = menu_.categories[index];
    content_sizer_->Add(label(content_, t(Text::choose_item, {c.name}), 40, kInk, true), 0, wxALIGN_CENTRE | wxBOTTOM, 24);
    bool landscape = GetClientSize().x > GetClientSize().y;
    int columns = landscape ? 2 : 1;
    auto* grid = new wxGridSizer(columns, 16, 16);
    for (const std::string& code : c.items) {
        const ServiceItem* item = catalogue_.item(code);
        if (!item) continue;
        wxButton* b = big_button(item->name, 34, kInk, columns);
        b->SetMinSize(wxSize(-1, 110));
        b->Bind(wxEVT_BUTTON, [this, code](wxCommandEvent&) { take_ticket(code); });
        grid->Add(b, 0, wxEXPAND);
        buttons_.emplace_back(code, b);
    }
    content_sizer_->Add(grid, 0, wxEXPAND);
    content_sizer_->AddStretchSpacer();
    wxButton* back = big_button(t(Text::back), 34, kInk);
    back->SetMinSize(wxSize(300, 100));
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show_home(); });
    content_sizer_->Add(back, 0, wxALIGN_LEFT);
    buttons_.emplace_back("back", back);
    finish_screen("items " + c.code);
}

void KioskFrame::show_busy() {
    begin_screen(Screen::busy);
    content_sizer_->Add(label(content_, t(Text::waiting_reply), 48, kInk, true), 0, wxALIGN_CENTRE | wxTOP, 300);
    finish_screen("busy");
}

void KioskFrame::show_message(const std::string& text) {
    begin_screen(Screen::message);
    message_ = text;
    auto* l = label(content_, "", 44, kInk, true);
    set_wrapped(l, text, GetClientSize().x - 100);
    content_sizer_->Add(l, 0, wxALIGN_CENTRE | wxTOP, 240);
    finish_screen("message");
}

void KioskFrame::ticket_card(Shown& s) {
    const IssuedTicket& tk = s.ticket;
    auto* card = new wxPanel(content_);
    card->SetBackgroundColour(*wxWHITE);
    auto* cs = new wxBoxSizer(wxVERTICAL);
    cs->Add(label(card, t(Text::your_number), 36, kInk), 0, wxALIGN_CENTRE | wxTOP, 20);
    wxColour colour = tk.klass == "green" ? kGreen : kBlue;
    cs->Add(label(card, tk.number, 180, colour, true), 0, wxALIGN_CENTRE);
    if (tk.klass == "green") cs->Add(label(card, t(Text::green_ticket), 34, kGreen, true), 0, wxALIGN_CENTRE);
    if (tk.klass == "reservation")
        cs->Add(label(card, t(Text::reservation_ticket, {tk.slot_at ? clock_text(tk.slot_at) : tk.reservation}), 30, kBlue, true),
                0, wxALIGN_CENTRE);
    cs->Add(label(card, t(Text::queue_label, {tk.queue_name}), 34, kInk), 0, wxALIGN_CENTRE | wxTOP, 12);
    if (!tk.item_name.empty()) cs->Add(label(card, t(Text::item_label, {tk.item_name}), 30, kInk), 0, wxALIGN_CENTRE);
    std::string wait = tk.no_window_open               ? t(Text::no_window_open)
                       : tk.ahead == 0 && tk.minutes == 0 ? t(Text::called_soon)
                                                          : t(Text::people_ahead, {std::to_string(tk.ahead)}) + " · " +
                                                                t(Text::wait_minutes, {std::to_string(tk.minutes)});
    auto* w = label(card, "", 34, kInk, true);
    set_wrapped(w, wait, GetClientSize().x - 160);
    cs->Add(w, 0, wxALIGN_CENTRE | wxTOP, 12);
    cs->Add(label(card, t(Text::issued_at, {clock_text(tk.issued_at)}), 28, kInk), 0, wxALIGN_CENTRE | wxTOP, 8);
    if (!tk.materials.empty()) {
        std::string list;
        for (const std::string& m : tk.materials) list += (list.empty() ? "" : "、") + m;
        auto* m = label(card, "", 28, kInk);
        set_wrapped(m, t(Text::bring, {list}), GetClientSize().x - 160);
        cs->Add(m, 0, wxALIGN_CENTRE | wxTOP, 8);
    }
    s.status = label(card, "", 32, kGreen, true);
    show_print_status(s);
    cs->Add(s.status, 0, wxALIGN_CENTRE | wxALL, 16);
    card->SetSizer(cs);
    content_sizer_->Add(card, 0, wxEXPAND | wxBOTTOM, 20);
}

void KioskFrame::show_print_status(Shown& s) {
    if (!s.status) return;
    std::string status;
    if (!s.print_done) status = printer_.has_printer() ? t(Text::printing) : t(Text::no_printer);
    else if (s.print_failed) status = (lang_ == Lang::zh ? s.problem_zh : s.problem_en) + "\n" + t(Text::no_printer);
    else status = s.printed ? t(Text::take_ticket) : t(Text::no_printer);
    s.status->SetForegroundColour(s.print_failed ? kRed : kGreen);
    set_wrapped(s.status, status, GetClientSize().x - 160);
}

void KioskFrame::show_tickets(std::vector<IssuedTicket> tickets, const std::string& headline) {
    headline_ = headline;
    shown_.clear();
    for (IssuedTicket& tk : tickets) shown_.push_back({std::move(tk), false, false, false, "", ""});
    draw_tickets();
}

void KioskFrame::draw_tickets() {
    begin_screen(Screen::tickets);
    const std::string& headline = headline_;
    if (!headline.empty()) content_sizer_->Add(label(content_, headline, 38, kGreen, true), 0, wxALIGN_CENTRE | wxBOTTOM, 16);
    std::string numbers;
    for (Shown& s : shown_) {
        ticket_card(s);
        numbers += (numbers.empty() ? "" : ",") + s.ticket.number + ":" + s.ticket.klass + (s.ticket.existing ? ":existing" : "");
    }
    content_sizer_->AddStretchSpacer();
    wxButton* done = big_button(t(Text::done), 40, kBlue);
    done->SetMinSize(wxSize(360, 120));
    done->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        reset_visitor();
        show_home();
    });
    content_sizer_->Add(done, 0, wxALIGN_CENTRE);
    buttons_.emplace_back("done", done);
    finish_screen("tickets " + numbers);
}

}  // namespace hallq
