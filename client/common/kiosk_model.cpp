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

std::optional<IssuedTicket> read_ticket(const Json& j) {
    if (!j.is_object()) return std::nullopt;
    IssuedTicket t;
    t.id = json_get<int64_t>(j, "id", 0);
    t.number = json_get<std::string>(j, "number", "");
    if (!t.id || t.number.empty()) return std::nullopt;
    t.queue = json_get<std::string>(j, "queue", "");
    t.queue_name = json_get<std::string>(j, "queue_name", "");
    t.item = json_get<std::string>(j, "item", "");
    t.item_name = json_get<std::string>(j, "item_name", "");
    t.klass = json_get<std::string>(j, "class", "normal");
    t.reservation = json_get<std::string>(j, "reservation", "");
    t.holder = json_get<std::string>(j, "holder", "");
    t.materials = json_get<std::vector<std::string>>(j, "materials", {});
    t.issued_at = json_get<int64_t>(j, "issued_at", 0);
    t.slot_at = json_get<int64_t>(j, "slot_at", 0);
    t.minutes = json_get<int>(j, "estimate_min", 0);
    if (auto e = j.find("estimate"); e != j.end() && e->is_object()) {
        t.ahead = json_get<int>(*e, "ahead", 0);
        t.minutes = json_get<int>(*e, "minutes", t.minutes);
        t.no_window_open = json_get<bool>(*e, "no_window_open", false);
    }
    t.existing = json_get<bool>(j, "existing", false);
    t.late = json_get<bool>(j, "late", false);
    return t;
}

CheckInOutcome read_check_in(const Json& body) {
    CheckInOutcome out;
    if (!body.is_object()) return out;
    if (auto it = body.find("tickets"); it != body.end() && it->is_array())
        for (const Json& j : *it)
            if (auto t = read_ticket(j)) out.tickets.push_back(*t);
    if (auto it = body.find("early"); it != body.end() && it->is_array())
        for (const Json& j : *it)
            out.early.push_back({json_get<std::string>(j, "reservation", ""), json_get<std::string>(j, "item", ""),
                                 json_get<std::string>(j, "item_name", ""), json_get<int64_t>(j, "slot_at", 0),
                                 json_get<int64_t>(j, "check_in_from", 0)});
    out.holder = json_get<std::string>(body, "holder", "");
    out.age = json_get<int>(body, "age", -1);
    out.green = json_get<bool>(body, "green", false);
    out.other_days = json_get<std::vector<std::string>>(body, "other_days", {});
    return out;
}

std::string clock_text(int64_t ms) { return local_time_text(ms); }

TicketPrint ticket_print(const IssuedTicket& t, const std::string& hall_name) {
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
    else p.notice = "过号请重新取号";
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
