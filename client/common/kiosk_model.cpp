// kiosk_model.cpp - the kiosk's menu, reply reading, printed ticket and scanner input.
#include "kiosk_model.h"

#include "core/local_time.h"

namespace hallq {

KioskMenu build_menu(const Catalogue& catalogue) {
    KioskMenu menu;
    for (const Department& d : catalogue.departments) {
        KioskMenu::Category c{d.code, d.name, {}};
        for (const ServiceItem& i : catalogue.items)
            if (i.department == d.code && catalogue.queue(i.queue)) c.items.push_back(i.code);
        if (!c.items.empty()) menu.categories.push_back(std::move(c));
    }
    return menu;
}

IssuedTicket issued_ticket(const TicketView& v) {
    const Ticket& k = v.ticket;
    IssuedTicket t;
    t.id = k.id;
    t.number = k.number;
    t.queue = k.queue;
    t.queue_name = v.queue_name.value_or("");
    t.item = k.item;
    t.klass = to_string(k.klass);
    t.reservation = k.reservation;
    t.holder = k.holder;
    if (v.item) {
        t.item_name = v.item->name;
        t.materials = v.item->materials;
    }
    t.issued_at = k.issued_at;
    t.slot_at = k.slot_at;
    t.minutes = v.estimate ? v.estimate->minutes : k.estimate_min;  // now, else as estimated at issue
    if (v.estimate) {
        t.ahead = v.estimate->ahead;
        t.no_window_open = v.estimate->no_window_open;
    }
    t.existing = v.existing.value_or(false);
    t.late = v.late.value_or(false);
    return t;
}

std::optional<IssuedTicket> read_ticket(const Json& j) {
    auto v = read_ticket_view(j);
    if (!v) return std::nullopt;
    return issued_ticket(*v);
}

CheckInOutcome read_check_in(const Json& body) {
    CheckInView v = read_check_in_view(body);
    CheckInOutcome out;
    for (const TicketView& t : v.tickets) out.tickets.push_back(issued_ticket(t));
    out.early = std::move(v.early);
    out.holder = std::move(v.holder);
    if (v.card) {
        out.age = v.card->age;
        out.green = v.card->green;
        out.other_days = std::move(v.card->other_days);
    }
    return out;
}

std::string clock_text(int64_t ms) { return local_time_text(ms); }

TicketPrint ticket_print(const IssuedTicket& t, const std::string& hall_name, const std::string& missed_call) {
    TicketPrint p;
    p.hall_name = hall_name;
    p.number = t.number;
    p.queue_name = t.queue_name;
    p.item_name = t.item_name;
    p.people_ahead = t.ahead;
    p.wait_minutes = t.minutes;
    p.issued_at = local_time_text(t.issued_at, "%Y-%m-%d %H:%M");
    for (const std::string& m : t.materials) p.materials += (p.materials.empty() ? "" : "、") + m;
    p.lookup = "hallq:ticket:" + std::to_string(t.id);
    if (t.klass == "green") p.notice = "绿色通道 优先办理";
    else if (t.klass == "reservation") p.notice = "预约号 按预约时间优先叫号";
    p.footer = "请留意叫号，" + missed_call;  // the same rule as the hall screen's
    return p;
}

ScanDecoder::ScanDecoder(const std::string& format, std::chrono::milliseconds max_gap)
    : format_(format, std::regex::ECMAScript), max_gap_(max_gap) {}

ScanDecoder::Result ScanDecoder::feed(char32_t c, std::chrono::steady_clock::time_point at) {
    if (!buffer_.empty() && at - last_ > max_gap_) buffer_.clear();
    last_ = at;
    if (c == U'\r' || c == U'\n') {
        std::string text;
        text.swap(buffer_);
        if (text.empty()) return Result::more;
        std::smatch m;
        if (!std::regex_match(text, m, format_)) {
            rejected_ = text;
            return Result::rejected;
        }
        code_ = m.size() > 1 && m[1].matched ? m[1].str() : m[0].str();
        return Result::code;
    }
    if (c < 0x20 || c > 0x7E) return Result::more;  // scanners send printable ASCII; ignore the rest
    if (buffer_.size() >= 128) return Result::more;  // an endless stream never grows without bound
    buffer_ += char(c);
    return Result::more;
}

}  // namespace hallq
