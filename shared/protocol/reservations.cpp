// reservations.cpp - checks of check_in and import_reservations bodies.
#include "protocol/reservations.h"

#include <optional>
#include <set>

#include "protocol/field_checks.h"

namespace hallq {

namespace {
bool printable(const std::string& s) {
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) return false;
    return true;
}

bool all_digits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// A string field: absent → "" with `present` false; not a string → nullopt.
std::optional<std::string> text_of(const Json& j, const char* key, bool& present) {
    auto it = j.find(key);
    present = it != j.end() && !it->is_null();
    if (!present) return std::string();
    if (!it->is_string()) return std::nullopt;
    return it->get<std::string>();
}
}  // namespace

bool valid_day(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    std::string y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return false;
    int year = std::stoi(y), month = std::stoi(m), day = std::stoi(d);
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

int parse_hhmm(const std::string& s) {
    if (s.size() != 5 || s[2] != ':' || !all_digits(s.substr(0, 2)) || !all_digits(s.substr(3, 2)))
        return -1;
    int h = std::stoi(s.substr(0, 2)), m = std::stoi(s.substr(3, 2));
    return h <= 23 && m <= 59 ? h * 60 + m : -1;
}

std::variant<CheckInRequest, Error> decode_check_in(const Json& body) {
    CheckInRequest r;
    bool has_id = false, has_code = false, has_name = false;
    auto id = text_of(body, "id_number", has_id);
    auto code = text_of(body, "code", has_code);
    auto name = text_of(body, "holder_name", has_name);
    if (has_id == has_code) return Error{ErrorCode::bad_field, "id_number or code"};
    if (!name || characters(*name) > 30) return Error{ErrorCode::bad_field, "holder_name"};
    if (has_code) {
        if (!code || code->empty() || characters(*code) > kMaxReservationCode || !printable(*code))
            return Error{ErrorCode::bad_field, "code"};
        r.code = *code;
        return r;
    }
    if (!id) return Error{ErrorCode::bad_field, "id_number"};
    IdNumberProblem problem = IdNumberProblem::none;
    auto info = parse_id_number(*id, &problem);
    if (!info) return Error{ErrorCode::invalid_id_number, id_problem(problem)};
    r.by_id = true;
    r.id = *info;
    r.holder_name = *name;
    return r;
}

std::variant<std::vector<ImportedReservation>, Error> decode_import(const Json& body,
                                                                    const Catalogue& catalogue) {
    auto list = body.find("reservations");
    if (list == body.end() || !list->is_array() || list->empty() || list->size() > kMaxImportBatch)
        return Error{ErrorCode::bad_field, "reservations"};
    std::vector<ImportedReservation> out;
    std::set<std::string> ids, codes;
    for (size_t i = 0; i < list->size(); ++i) {
        const Json& e = (*list)[i];
        std::string at = "reservations[" + std::to_string(i) + "]";
        auto bad = [&](const char* field) { return Error{ErrorCode::bad_field, at + "." + field}; };
        if (!e.is_object()) return Error{ErrorCode::bad_field, at};
        ImportedReservation r;
        bool present = false;
        auto id = text_of(e, "id", present);
        if (!id || id->empty() || characters(*id) > kMaxReservationCode || !printable(*id)) return bad("id");
        r.id = *id;
        auto code = text_of(e, "code", present);
        if (!code || (present && (code->empty() || characters(*code) > kMaxReservationCode ||
                                  !printable(*code))))
            return bad("code");
        r.code = present ? *code : r.id;
        auto item = text_of(e, "item", present);
        if (!item || item->empty()) return bad("item");
        if (!catalogue.item(*item)) return Error{ErrorCode::unknown_item, at + ".item"};
        r.item = *item;
        auto date = text_of(e, "date", present);
        if (!date || !valid_day(*date)) return bad("date");
        r.day = *date;
        auto slot = text_of(e, "slot", present);
        if (!slot || (r.slot_minutes = parse_hhmm(*slot)) < 0) return bad("slot");
        auto number = text_of(e, "id_number", present);
        if (!number || number->empty()) return bad("id_number");
        IdNumberProblem problem = IdNumberProblem::none;
        auto info = parse_id_number(*number, &problem);
        if (!info)
            return Error{ErrorCode::invalid_id_number, at + ".id_number: " + id_problem(problem)};
        r.holder = *info;
        auto name = text_of(e, "name", present);
        if (!name || name->empty() || characters(*name) > 30 || !printable(*name)) return bad("name");
        r.name = *name;
        auto phone = text_of(e, "phone", present);
        if (!phone || (present && (phone->size() < 5 || phone->size() > 20 || !all_digits(*phone))))
            return bad("phone");
        r.phone = *phone;
        auto status = text_of(e, "status", present);
        if (!status) return bad("status");
        if (present && *status != "booked" && *status != "cancelled") return bad("status");
        r.status = present && *status == "cancelled" ? ReservationStatus::cancelled : ReservationStatus::booked;
        if (!ids.insert(r.id).second) return bad("id");
        if (!codes.insert(r.code).second) return bad("code");
        out.push_back(std::move(r));
    }
    return out;
}

Json to_json(const Reservation& r, const Catalogue& catalogue) {
    Json j{{"id", r.id},         {"code", r.code},     {"item", r.item},
           {"day", r.day},       {"slot_at", r.slot_at}, {"status", to_string(r.status)},
           {"holder", r.holder_masked}, {"name", r.name_masked}, {"phone", r.phone_masked}};
    const ServiceItem* item = catalogue.item(r.item);
    j["item_name"] = item ? item->name : "";
    j["ticket"] = r.ticket_id ? Json(r.ticket_id) : Json(nullptr);
    return j;
}

}  // namespace hallq
