// kiosk_frame.cpp - the window: panels composed, intents forwarded, the session's state rendered.
#include "kiosk_frame.h"

#include <wx/button.h>
#include <wx/dcclient.h>

#include "hall_feed.h"
#include "idcard/card_reader.h"
#include "kiosk_chrome.h"
#include "kiosk_text.h"
#include "print_queue.h"
#include "trace.h"
#include "translation.h"

namespace hallq {

namespace {
std::string lang_code(Lang l) { return l == Lang::zh ? "zh" : "en"; }
}  // namespace

KioskFrame::KioskFrame(const KioskOptions& opt, HallFeed& feed, PrintQueue& printer)
    : wxFrame(nullptr, wxID_ANY, wxString::FromUTF8("自助取号机 / Ticket kiosk"), wxPoint(opt.x, opt.y)),
      opt_(opt),
      feed_(feed),
      printer_(printer),
      session_(*this, opt.lang == "en" ? Lang::en : Lang::zh, printer.has_printer(), opt.scan_format),
      act_([this](const std::function<void(KioskSession&)>& intent) { act(intent); }),
      lang_(session_.screen().lang),
      idle_(this) {
    use_language(lang_code(lang_), kKioskCatalog);
    root_ = new wxPanel(this);
    root_->SetBackgroundColour(look::kPaper);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    header_ = new HeaderPanel(root_, [this] { act([](KioskSession& k) { k.switch_language(); }); });
    sizer->Add(header_, 0, wxEXPAND);
    banner_ = new BannerPanel(root_);
    sizer->Add(banner_, 0, wxEXPAND);
    content_ = new wxPanel(root_);
    content_->SetBackgroundColour(look::kPaper);
    content_sizer_ = new wxBoxSizer(wxVERTICAL);
    content_->SetSizer(content_sizer_);
    // A screen is reported once it is painted: by then the toolkit has placed every button where
    // the line says, so a tap at those coordinates lands on it (a line sent before could send a
    // test's tap to where the button is not yet).
    content_->Bind(wxEVT_PAINT, [this](wxPaintEvent& e) {
        wxPaintDC dc(content_);
        e.Skip();
        if (!trace_pending_) return;
        trace_pending_ = false;
        CallAfter([this] { emit_screen_line(); });
    });
    sizer->Add(content_, 1, wxEXPAND | wxALL, 24);
    footer_ = new FooterPanel(root_, [this] { act([](KioskSession& k) { k.start_over(); }); });
    pointer_trace(header_->language_button(), "lang");
    pointer_trace(footer_->home_button(), "home");
    sizer->Add(footer_, 0, wxEXPAND);
    root_->SetSizer(sizer);

    Bind(wxEVT_CHAR_HOOK, &KioskFrame::on_key, this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (!session_.idle_timeout()) idle_.StartOnce(opt_.idle_seconds * 1000);
        render();
    }, idle_.GetId());
    header_->show(session_.screen());
    footer_->show(session_.screen());
    root_->Layout();
    render();
}

void KioskFrame::enable_demo_swipe(std::function<std::string()> swipe) {
    footer_->add_demo_button([swipe] { trace("demo card " + swipe()); });
    pointer_trace(footer_->demo_button(), "demo");
    footer_->show(session_.screen());
    root_->Layout();
}

void KioskFrame::on_catalogue(const Catalogue& catalogue) { act([&](KioskSession& k) { k.catalogue(catalogue); }); }

void KioskFrame::on_connection(bool connected) { act([&](KioskSession& k) { k.connection(connected); }); }

void KioskFrame::on_card(const idcard::CardText& card) {
    if (session_.screen().kind != KioskScreen::Kind::busy) touched();
    act([&](KioskSession& k) { k.card(card); });
}

void KioskFrame::on_card_error(idcard::ReadError error) {
    if (session_.card_error(error)) touched();
    render();
}

void KioskFrame::touched() {
    if (idle_.IsRunning()) idle_.StartOnce(opt_.idle_seconds * 1000);
}

void KioskFrame::send(const std::string& type, const Json& body, uint64_t generation) {
    feed_.send(type, body, [this, type, body, generation](std::optional<Reply> r) {
        CallAfter([this, type, body, generation, r] { act([&](KioskSession& k) { k.reply(type, body, generation, r); }); });
    });
}

void KioskFrame::print(const IssuedTicket& ticket, const std::string& hall_name, const std::string& missed_call) {
    printer_.print(ticket_print(ticket, hall_name, missed_call), [this, number = ticket.number](const PrintResult& r) {
        CallAfter([this, number, r] { act([&](KioskSession& k) { k.print_result(number, r); }); });
    });
}

void KioskFrame::act(const std::function<void(KioskSession&)>& intent) {
    intent(session_);
    render();
}

// Draws what the session changed since the last call: the language and the hall's name (header,
// footer), the banner, the screen (or only its printing lines).
void KioskFrame::render() {
    const KioskScreen& s = session_.screen();
    if (s.lang != lang_ || s.hall_name != hall_name_) {
        if (s.lang != lang_) use_language(lang_code(s.lang), kKioskCatalog);
        lang_ = s.lang;
        hall_name_ = s.hall_name;
        header_->show(s);
        footer_->show(s);
        root_->Layout();
    }
    bool screen_changed = s.shown != shown_;
    if (s.banner_shown != banner_shown_) {
        banner_shown_ = s.banner_shown;
        wxString text = banner_->show(s);
        root_->Layout();
        if (!text.empty()) trace("banner " + text.ToStdString(wxConvUTF8));
        bool moved = banner_up_ != !text.empty();
        banner_up_ = !text.empty();
        if (moved && !screen_changed && !screen_name_.empty()) trace_screen();
    }
    if (screen_changed) {
        shown_ = s.shown;
        printing_shown_ = s.printing_shown;
        show_screen();
    } else if (s.printing_shown != printing_shown_) {
        printing_shown_ = s.printing_shown;
        if (s.kind == KioskScreen::Kind::tickets) {  // the screen drawn is the tickets panel
            static_cast<TicketsPanel*>(screen_)->show_printing(s);
            content_->Layout();
            trace_screen();
        }
    }
}

// Builds the screen anew, lays it out and reports it.
void KioskFrame::show_screen() {
    const KioskScreen& s = session_.screen();
    content_sizer_->Clear(true);
    switch (s.kind) {
        case KioskScreen::Kind::home: screen_ = new HomePanel(content_, s, act_); break;
        case KioskScreen::Kind::items: screen_ = new ItemsPanel(content_, s, act_); break;
        case KioskScreen::Kind::tickets: screen_ = new TicketsPanel(content_, s, act_); break;
        case KioskScreen::Kind::busy:
        case KioskScreen::Kind::message: screen_ = new MessagePanel(content_, s); break;
    }
    content_sizer_->Add(screen_, 1, wxEXPAND);
    root_->Layout();
    content_->Layout();
    Refresh();
    // Keys (the scanner's) reach the window only through a focused control: keep one focused,
    // also after the controls of the last screen are gone.
    if (!screen_->buttons().empty()) screen_->buttons().front().second->SetFocus();
    else footer_->home_button()->SetFocus();
    footer_->home_button()->Show(s.kind != KioskScreen::Kind::home || s.visitor || !s.banner.empty());
    if (session_.idle_timer_wanted()) idle_.StartOnce(opt_.idle_seconds * 1000);
    else idle_.Stop();
    for (const auto& [code, b] : screen_->buttons()) pointer_trace(b, code);
    screen_name_ = s.trace_name();
    trace_screen();
}

// "pointer on CODE" when the pointer enters a button: the toolkit sends it where a tap would go,
// so a test that waits for it before pressing knows the press lands on that button.
void KioskFrame::pointer_trace(wxWindow* button, const std::string& code) {
    button->Bind(wxEVT_ENTER_WINDOW, [code](wxMouseEvent& e) {
        trace("pointer on " + code);
        e.Skip();
    });
}

// Reports the screen with the centre of every button on the screen (tests tap them there), once
// laid out and painted; again whenever the layout moves (a banner comes or goes, printing ends).
void KioskFrame::trace_screen() {
    if (!trace_enabled()) return;
    trace_pending_ = true;
    content_->Refresh();
}

void KioskFrame::emit_screen_line() {
    if (screen_name_.empty() || !screen_) return;
    std::string line = "screen " + screen_name_ + " lang=" + lang_code(session_.screen().lang);
    std::string list;
    auto all = screen_->buttons();
    all.emplace_back("lang", header_->language_button());
    if (footer_->home_button()->IsShown()) all.emplace_back("home", footer_->home_button());
    if (footer_->demo_button()) all.emplace_back("demo", footer_->demo_button());
    for (const auto& [code, b] : all) {
        wxRect r = b->GetScreenRect();
        list += (list.empty() ? "" : "|") + code + "@" + std::to_string(r.x + r.width / 2) + "," +
                std::to_string(r.y + r.height / 2);
    }
    trace(line + (list.empty() ? "" : " buttons=" + list));
}

// A kiosk has no keyboard: keystrokes come from the QR scanner (keyboard wedge). All of them are
// taken here, so Enter at the end of a code never presses a focused button.
void KioskFrame::on_key(wxKeyEvent& e) {
    touched();
    int code = e.GetKeyCode();
    char32_t c = 0;
    if (code == WXK_RETURN || code == WXK_NUMPAD_ENTER) c = U'\n';
    else if (e.GetUnicodeKey() != WXK_NONE) c = char32_t(e.GetUnicodeKey());
    if (!c) return;
    // The key, not the character, arrives here: apply Shift as a US keyboard (what scanners emulate).
    static const std::string kPlain = "1234567890-=[]\\;',./`", kShifted = "!@#$%^&*()_+{}|:\"<>?~";
    if (c >= U'A' && c <= U'Z' && !e.ShiftDown()) c += U'a' - U'A';
    else if (e.ShiftDown() && c < 0x80 && kPlain.find(char(c)) != std::string::npos) c = char32_t(kShifted[kPlain.find(char(c))]);
    act([&](KioskSession& k) { k.scanned(c, std::chrono::steady_clock::now()); });
}

}  // namespace hallq
