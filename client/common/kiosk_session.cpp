// kiosk_session.cpp - what a touch, a card, a scan or an answer does to the kiosk's screen.
#include "kiosk_session.h"

#include "core/idnumber.h"
#include "idcard/card_reader.h"
#include "protocol/messages.h"
#include "trace.h"

namespace hallq {

namespace {
std::string reply_code(const std::optional<Reply>& r) {
    return !r ? "unreachable" : r->ok ? "ok" : std::string(to_string(r->error.code));
}

KioskLine line(Text t, std::vector<std::string> args = {}) { return {t, std::move(args), std::nullopt}; }

KioskLine refusal(const Reply& r) { return {Text::unreachable, {r.error.detail}, r.error.code}; }
}  // namespace

std::string KioskScreen::trace_name() const {
    switch (kind) {
        case Kind::home: return connected && !menu.categories.empty() ? "home" : "connecting";
        case Kind::items: return "items " + (category < menu.categories.size() ? menu.categories[category].code : "");
        case Kind::busy: return "busy";
        case Kind::message: return "message";
        case Kind::tickets: break;
    }
    std::string numbers;
    for (const ShownTicket& s : tickets)
        numbers += (numbers.empty() ? "" : ",") + s.ticket.number + ":" + s.ticket.klass + (s.ticket.existing ? ":existing" : "");
    return "tickets " + numbers;
}

KioskSession::KioskSession(KioskPorts& ports, Lang lang, bool has_printer, const std::string& scan_format)
    : ports_(ports), scan_(scan_format.empty() ? ScanDecoder::kDefaultFormat : scan_format) {
    s_.lang = lang;
    s_.has_printer = has_printer;
    show_message(line(Text::connecting));
}

void KioskSession::show(KioskScreen::Kind kind) {
    s_.kind = kind;
    ++s_.shown;
}

void KioskSession::show_home() { show(KioskScreen::Kind::home); }

void KioskSession::show_message(KioskLine l) {
    s_.message = std::move(l);
    show(KioskScreen::Kind::message);
}

void KioskSession::set_banner(std::vector<KioskLine> lines, KioskScreen::Tone tone) {
    s_.banner = std::move(lines);
    s_.banner_tone = tone;
    ++s_.banner_shown;
}

void KioskSession::catalogue(const Catalogue& c) {
    s_.catalogue = c;
    s_.hall_name = c.hall_name;
    s_.missed_call = c.missed_call;
    s_.menu = build_menu(c);
    trace("kiosk catalogue categories=" + std::to_string(s_.menu.categories.size()));
    if (s_.kind == KioskScreen::Kind::home || s_.kind == KioskScreen::Kind::message) show_home();
}

void KioskSession::connection(bool connected) {
    if (connected == s_.connected) return;
    s_.connected = connected;
    trace(connected ? "kiosk connected" : "kiosk disconnected");
    if (!connected) set_banner({line(Text::unreachable)}, KioskScreen::Tone::red);
    else if (s_.banner_tone == KioskScreen::Tone::red) set_banner({}, KioskScreen::Tone::red);
    if (s_.kind == KioskScreen::Kind::home || (s_.kind == KioskScreen::Kind::message && connected)) show_home();
}

void KioskSession::reset_visitor() {
    visitor_.reset();
    s_.visitor = false;
    ++generation_;
    if (s_.connected) set_banner({}, KioskScreen::Tone::red);
    else set_banner({line(Text::unreachable)}, KioskScreen::Tone::red);
}

void KioskSession::choose_category(size_t index) {
    if (index >= s_.menu.categories.size()) return show_home();
    s_.category = index;
    show(KioskScreen::Kind::items);
}

void KioskSession::choose_item(const std::string& item) {
    Json body{{"item", item}};
    if (visitor_) {
        body["id_number"] = visitor_->id_number;
        if (!visitor_->name.empty()) body["holder_name"] = visitor_->name;
    }
    trace("sent issue_ticket item=" + item + (visitor_ ? " holder=" + visitor_->masked : ""));
    show(KioskScreen::Kind::busy);
    ports_.send(std::string(wire_name(MessageType::issue_ticket)), body, generation_);
}

void KioskSession::back() { show_home(); }

void KioskSession::done() {
    reset_visitor();
    show_home();
}

void KioskSession::start_over() {
    trace("start over");
    reset_visitor();
    show_home();
}

void KioskSession::switch_language() {
    s_.lang = s_.lang == Lang::zh ? Lang::en : Lang::zh;
    trace(std::string("lang ") + (s_.lang == Lang::zh ? "zh" : "en"));
    ++s_.banner_shown;  // the banner too, in the other language
    switch (s_.kind) {  // the same screen, in the other language
        case KioskScreen::Kind::items: return choose_category(s_.category);
        case KioskScreen::Kind::tickets:
        case KioskScreen::Kind::message: return show(s_.kind);
        default: return show_home();
    }
}

bool KioskSession::idle_timeout() {
    if (s_.kind == KioskScreen::Kind::busy) return false;  // the request's own limit ends it
    trace("idle reset");
    reset_visitor();
    show_home();
    return true;
}

void KioskSession::reply(const std::string& type, const Json& body, uint64_t gen, const std::optional<Reply>& r) {
    if (type == wire_name(MessageType::issue_ticket)) issue_reply(gen, r);
    else if (type == wire_name(MessageType::check_in)) check_in_reply(gen, r, body.contains("code"));
}

void KioskSession::issue_reply(uint64_t gen, const std::optional<Reply>& r) {
    if (gen != generation_) return;
    if (!r || !r->ok) {
        trace("reply issue_ticket " + reply_code(r));
        return show_message(r ? refusal(*r) : line(Text::unreachable));
    }
    auto tk = read_ticket(r->body.value("ticket", Json::object()));
    if (!tk) return show_message(line(Text::unreachable));
    tk->existing = tk->existing || json_get<bool>(r->body, "existing", false);
    trace("reply issue_ticket ok " + tk->number + " class=" + tk->klass + " existing=" + (tk->existing ? "1" : "0"));
    std::optional<KioskLine> headline;
    if (tk->existing) headline = line(Text::already_have);
    show_tickets({*tk}, headline);
}

void KioskSession::check_in(const Json& body, const std::string& what) {
    trace("sent check_in " + what);
    show(KioskScreen::Kind::busy);
    ports_.send(std::string(wire_name(MessageType::check_in)), body, generation_);
}

void KioskSession::check_in_reply(uint64_t gen, const std::optional<Reply>& r, bool by_code) {
    if (gen != generation_) return;
    if (!r || !r->ok) {
        trace("reply check_in " + reply_code(r));
        return show_message(r ? refusal(*r) : line(Text::unreachable));
    }
    CheckInOutcome o = read_check_in(r->body);
    if (visitor_) visitor_->green = o.green;
    std::string list;
    bool any_late = false, late_green = false, all_existing = !o.tickets.empty();
    for (const IssuedTicket& tk : o.tickets) {
        list += (list.empty() ? "" : ",") + tk.number + ":" + tk.klass;
        any_late = any_late || tk.late;
        late_green = late_green || (tk.late && tk.klass == "green");  // never "a normal ticket" above 绿色通道
        all_existing = all_existing && tk.existing;
    }
    trace("reply check_in ok tickets=" + (list.empty() ? "-" : list) + " early=" + std::to_string(o.early.size()) +
          " green=" + (o.green ? "1" : "0"));
    if (!o.tickets.empty())
        return show_tickets(o.tickets, line(late_green ? Text::late_green_ticket
                                            : any_late ? Text::late_ticket
                                            : all_existing ? Text::already_have
                                                           : Text::checked_in));
    // Nothing to check in: say why, and offer the menu (the visitor keeps their swipe for it).
    std::vector<KioskLine> lines;
    for (const auto& e : o.early)
        lines.push_back(line(Text::early, {e.item_name.empty() ? e.item : e.item_name, clock_text(e.slot_at), clock_text(e.check_in_from)}));
    if (o.early.empty() && !by_code) lines.push_back(line(Text::no_reservation_today));
    for (const std::string& day : o.other_days) lines.push_back(line(Text::reservation_on, {day}));
    if (o.green) lines.push_back(line(Text::green_channel, {std::to_string(o.age)}));
    set_banner(lines, o.green ? KioskScreen::Tone::green : o.early.empty() ? KioskScreen::Tone::blue : KioskScreen::Tone::amber);
    show_home();
}

void KioskSession::show_tickets(std::vector<IssuedTicket> tickets, std::optional<KioskLine> headline) {
    s_.headline = std::move(headline);
    s_.tickets.clear();
    for (IssuedTicket& tk : tickets) s_.tickets.push_back({std::move(tk), false, false, false, "", ""});
    show(KioskScreen::Kind::tickets);
    print_all();
}

void KioskSession::print_all() {
    for (const ShownTicket& s : s_.tickets)
        if (!s.print_done) ports_.print(s.ticket, s_.hall_name, s_.missed_call);
}

void KioskSession::print_result(const std::string& number, const PrintResult& r) {
    if (r.ok) trace("printed " + number + (r.where.empty() ? " nowhere" : " to=" + r.where));
    else trace("print failed " + number + " " + r.fault);
    for (ShownTicket& s : s_.tickets) {
        if (s.ticket.number != number || s.print_done) continue;
        s.print_done = true;
        s.print_failed = !r.ok;
        s.printed = r.printed;
        s.problem_zh = r.zh;
        s.problem_en = r.en;
    }
    if (s_.kind == KioskScreen::Kind::tickets) ++s_.printing_shown;
}

void KioskSession::card(const idcard::CardText& card) {
    if (s_.kind == KioskScreen::Kind::busy) {
        trace("card ignored: a request is in progress");
        return;
    }
    reset_visitor();
    IdNumberProblem problem;
    auto id = parse_id_number(card.id_number, &problem);
    if (!id) {
        trace("card invalid id number");
        set_banner({line(Text::invalid_id)}, KioskScreen::Tone::red);
        return show_home();
    }
    visitor_ = Visitor{id->normalized, card.name, mask_id_tail(id->normalized), false};
    s_.visitor = true;
    trace("card read holder=" + visitor_->masked);
    set_banner({line(Text::card_read, {visitor_->masked})}, KioskScreen::Tone::blue);
    Json body{{"id_number", visitor_->id_number}};
    if (!card.name.empty()) body["holder_name"] = card.name;
    check_in(body, "id holder=" + visitor_->masked);
}

bool KioskSession::card_error(idcard::ReadError error) {
    trace(std::string("card error ") + idcard::read_error_name(error));
    if (error == idcard::ReadError::device_error || error == idcard::ReadError::no_card) return false;  // staff's problem
    set_banner({line(error == idcard::ReadError::unsupported ? Text::card_unsupported : Text::card_failed)},
               KioskScreen::Tone::amber);
    return true;
}

void KioskSession::scanned(char32_t c, std::chrono::steady_clock::time_point at) {
    switch (scan_.feed(c, at)) {
        case ScanDecoder::Result::more: return;
        case ScanDecoder::Result::rejected:
            trace("scan rejected text=" + scan_.rejected_text());
            set_banner({line(Text::scan_unknown)}, KioskScreen::Tone::amber);
            return;
        case ScanDecoder::Result::code:
            if (s_.kind == KioskScreen::Kind::busy) return;
            reset_visitor();
            trace("scan code " + scan_.code());
            check_in(Json{{"code", scan_.code()}}, "code " + scan_.code());
            return;
    }
}

}  // namespace hallq
