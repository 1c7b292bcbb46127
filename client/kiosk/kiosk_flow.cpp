// kiosk_flow.cpp - what happens when a visitor touches, swipes or scans: requests to the hall
// server, their replies, printing, the scanner's keystrokes, and going back to the start.
#include <wx/button.h>
#include <wx/panel.h>

#include "core/errors.h"
#include "core/idnumber.h"
#include "hall_feed.h"
#include "idcard/card_reader.h"
#include "kiosk_frame.h"
#include "print_queue.h"
#include "trace.h"

namespace hallq {

namespace {
const wxColour kBlue(0x0B, 0x3D, 0x75), kGreen(0x1E, 0x8E, 0x3E), kRed(0xC6, 0x28, 0x28), kAmber(0xB2, 0x6A, 0x00);

std::string reply_code(const std::optional<Reply>& r) {
    return !r ? "unreachable" : r->ok ? "ok" : std::string(to_string(r->error.code));
}
}  // namespace

void KioskFrame::on_catalogue(const Catalogue& catalogue) {
    catalogue_ = catalogue;
    menu_ = build_menu(catalogue_);
    trace("kiosk catalogue categories=" + std::to_string(menu_.categories.size()));
    refresh_chrome();
    if (screen_ == Screen::home || screen_ == Screen::message) show_home();
}

void KioskFrame::on_connection(bool connected) {
    if (connected == connected_) return;
    connected_ = connected;
    trace(connected ? "kiosk connected" : "kiosk disconnected");
    if (!connected) set_banner(t(Text::unreachable), kRed);
    else if (banner_colour_ == kRed) set_banner("", kRed);
    if (screen_ == Screen::home || (screen_ == Screen::message && connected)) show_home();
}

void KioskFrame::touched() {
    if (idle_.IsRunning()) idle_.StartOnce(opt_.idle_seconds * 1000);
}

void KioskFrame::reset_visitor() {
    visitor_.reset();
    ++generation_;
    set_banner(connected_ ? "" : t(Text::unreachable), kRed);
}

void KioskFrame::on_idle_timeout() {
    if (screen_ == Screen::busy) {  // still waiting for the server: the request's own limit ends it
        idle_.StartOnce(opt_.idle_seconds * 1000);
        return;
    }
    trace("idle reset");
    reset_visitor();
    show_home();
}

std::string KioskFrame::error_text(const Reply& r) const {
    std::string text(lang_ == Lang::zh ? message_zh(r.error.code) : message_en(r.error.code));
    const std::string& d = r.error.detail;
    if (r.error.code == ErrorCode::too_early && !d.empty())
        text += lang_ == Lang::zh ? "（" + d + " 起可签到）" : " (check-in opens at " + d + ")";
    else if (r.error.code == ErrorCode::reservation_not_today && !d.empty())
        text += lang_ == Lang::zh ? "（预约日期 " + d + "）" : " (booked for " + d + ")";
    return text;
}

void KioskFrame::take_ticket(const std::string& item) {
    Json body{{"item", item}};
    if (visitor_) {
        body["id_number"] = visitor_->id_number;
        if (!visitor_->name.empty()) body["holder_name"] = visitor_->name;
    }
    trace("sent issue_ticket item=" + item + (visitor_ ? " holder=" + visitor_->masked : ""));
    show_busy();
    feed_.send("issue_ticket", body, [this, gen = generation_](std::optional<Reply> r) {
        CallAfter([this, gen, r] {
            if (gen != generation_) return;
            if (!r || !r->ok) {
                trace("reply issue_ticket " + reply_code(r));
                show_message(r ? error_text(*r) : t(Text::unreachable));
                return;
            }
            auto tk = read_ticket(r->body.value("ticket", Json::object()));
            if (!tk) return show_message(t(Text::unreachable));
            tk->existing = tk->existing || json_get<bool>(r->body, "existing", false);
            trace("reply issue_ticket ok " + tk->number + " class=" + tk->klass + " existing=" + (tk->existing ? "1" : "0"));
            show_tickets({*tk}, tk->existing ? t(Text::already_have) : "");
            print_all();
        });
    });
}

void KioskFrame::check_in(const Json& body, const std::string& what) {
    bool by_code = body.contains("code");
    trace("sent check_in " + what);
    show_busy();
    feed_.send("check_in", body, [this, gen = generation_, by_code](std::optional<Reply> r) {
        CallAfter([this, gen, by_code, r] {
            if (gen == generation_) on_check_in_reply(r, by_code);
        });
    });
}

void KioskFrame::on_check_in_reply(const std::optional<Reply>& r, bool by_code) {
    if (!r || !r->ok) {
        trace("reply check_in " + reply_code(r));
        show_message(r ? error_text(*r) : t(Text::unreachable));
        return;
    }
    CheckInOutcome o = read_check_in(r->body);
    if (visitor_) visitor_->green = o.green;
    std::string list;
    bool any_late = false, all_existing = !o.tickets.empty();
    for (const IssuedTicket& tk : o.tickets) {
        list += (list.empty() ? "" : ",") + tk.number + ":" + tk.klass;
        any_late = any_late || tk.late;
        all_existing = all_existing && tk.existing;
    }
    trace("reply check_in ok tickets=" + (list.empty() ? "-" : list) + " early=" + std::to_string(o.early.size()) +
          " green=" + (o.green ? "1" : "0"));
    if (!o.tickets.empty()) {
        std::string headline = any_late ? t(Text::late_ticket) : all_existing ? t(Text::already_have) : t(Text::checked_in);
        show_tickets(o.tickets, headline);
        print_all();
        return;
    }
    // Nothing to check in: say why, and offer the menu (the visitor keeps their swipe for it).
    std::string lines;
    auto add = [&](const std::string& s) { lines += (lines.empty() ? "" : "\n") + s; };
    for (const auto& e : o.early)
        add(t(Text::early, {e.item_name.empty() ? e.item : e.item_name, clock_text(e.slot_at), clock_text(e.check_in_from)}));
    if (o.early.empty() && !by_code) add(t(Text::no_reservation_today));
    for (const std::string& day : o.other_days) add(t(Text::reservation_on, {day}));
    if (o.green) add(t(Text::green_channel, {std::to_string(o.age)}));
    set_banner(lines, o.green ? kGreen : o.early.empty() ? kBlue : kAmber);
    show_home();
}

void KioskFrame::print_all() {
    for (const Shown& s : shown_) {
        if (s.print_done) continue;
        std::string number = s.ticket.number;
        printer_.print(ticket_print(s.ticket, catalogue_.hall_name), [this, number](const PrintResult& r) {
            CallAfter([this, number, r] {
                if (r.ok) trace("printed " + number + (r.where.empty() ? " nowhere" : " to=" + r.where));
                else trace("print failed " + number + " " + r.fault);
                for (Shown& s : shown_) {
                    if (s.ticket.number != number || s.print_done) continue;
                    s.print_done = true;
                    s.print_failed = !r.ok;
                    s.printed = r.printed;
                    s.problem_zh = r.zh;
                    s.problem_en = r.en;
                    if (screen_ == Screen::tickets && s.status) {
                        show_print_status(s);
                        content_->Layout();
                        trace_screen();
                    }
                }

            });
        });
    }
}

void KioskFrame::on_card(const idcard::CardText& card) {
    if (screen_ == Screen::busy) {
        trace("card ignored: a request is in progress");
        return;
    }
    touched();
    reset_visitor();
    IdNumberProblem problem;
    auto id = parse_id_number(card.id_number, &problem);
    if (!id) {
        trace("card invalid id number");
        set_banner(t(Text::invalid_id), kRed);
        return show_home();
    }
    visitor_ = Visitor{id->normalized, card.name, mask_id_number(id->normalized), false};
    trace("card read holder=" + visitor_->masked);
    set_banner(t(Text::card_read, {visitor_->masked}), kBlue);
    Json body{{"id_number", visitor_->id_number}};
    if (!card.name.empty()) body["holder_name"] = card.name;
    check_in(body, "id holder=" + visitor_->masked);
}

void KioskFrame::on_card_error(idcard::ReadError error) {
    trace(std::string("card error ") + idcard::read_error_name(error));
    if (error == idcard::ReadError::device_error || error == idcard::ReadError::no_card) return;  // staff's problem
    touched();
    set_banner(t(error == idcard::ReadError::unsupported ? Text::card_unsupported : Text::card_failed), kAmber);
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
    auto now = std::chrono::steady_clock::now();
    switch (scan_.feed(c, now)) {
        case ScanDecoder::Result::more: return;
        case ScanDecoder::Result::rejected:
            trace("scan rejected text=" + scan_.rejected_text());
            set_banner(t(Text::scan_unknown), kAmber);
            return;
        case ScanDecoder::Result::code:
            if (screen_ == Screen::busy) return;
            reset_visitor();
            trace("scan code " + scan_.code());
            check_in(Json{{"code", scan_.code()}}, "code " + scan_.code());
            return;
    }
}

}  // namespace hallq
