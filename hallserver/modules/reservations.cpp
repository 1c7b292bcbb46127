// service_reservations.cpp - check_in, import_reservations, the reservations query, and tickets
// issued with a swiped ID number. Full ID numbers, names and phones go only into the identity
// vault (hash, seal); everything stored, logged or replied holds them masked.
#include <cstdio>

#include "core/idnumber.h"
#include "core/local_time.h"
#include "log.h"
#include "protocol/commands.h"
#include "service.h"
#include "service_queries.h"

namespace hallq {

namespace {
std::string error_reply(const std::string& type, const std::string& rid, const Error& e) {
    HALLQ_LOG(debug, type << " refused: " << to_string(e.code) << " " << e.detail);
    return make_error_reply(rid, e);
}

const Error kNoVault{ErrorCode::internal, "identity key"};
const Error kStorage{ErrorCode::internal, "storage"};

std::string bytes_of(const IdentityVault::Hash& h) {
    return std::string(reinterpret_cast<const char*>(h.data()), h.size());
}
}  // namespace

int HallService::age_today(const IdNumberInfo& id) const {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(hall_.day().c_str(), "%d-%d-%d", &y, &m, &d) != 3) return -1;
    return age_on(id, y, m, d);
}

const Ticket* HallService::prepare_id_issue(const Request& req, Command& cmd) {
    auto it = req.body.find("id_number");
    if (it == req.body.end() || !it->is_string()) return nullptr;
    auto id = parse_id_number(it->get<std::string>());
    if (!id) return nullptr;  // decode_command has refused it already
    if (cmd.klass == TicketClass::normal && green_by_age(age_today(*id))) cmd.klass = TicketClass::green;
    if (!vault_) return nullptr;
    if (cmd.item.empty() && cmd.queue.empty()) return nullptr;  // the hall refuses it: bad_field
    cmd.holder_key = IdentityVault::holder_key(vault_->hash(id->normalized));
    const Ticket* held = hall_.active_ticket(cmd.holder_key, cmd.item);
    if (held && cmd.item.empty() && !cmd.queue.empty() && held->queue != cmd.queue) return nullptr;
    return held;
}

std::string HallService::check_in(const Request& req, const std::string& print, int64_t now,
                                  std::vector<std::string>& publish) {
    auto decoded = decode_check_in(req.body);
    if (auto* err = std::get_if<Error>(&decoded)) return error_reply(req.type, req.rid, *err);
    if (!vault_) return error_reply(req.type, req.rid, kNoVault);
    const CheckInRequest& q = std::get<CheckInRequest>(decoded);
    const std::string& today = hall_.day();
    const CheckInRules& rules = cfg_.check_in;
    std::vector<StoredReservation> candidates;
    std::string holder_hash;
    int age = -1;  // the holder's age, when known: from the card, or from a late reservation
    Json reply = Json::object();
    try {
        if (q.by_id) {
            holder_hash = bytes_of(vault_->hash(q.id.normalized));
            candidates = store_.reservations_of(holder_hash, today);
            age = age_today(q.id);
            reply["holder"] = mask_id_number(q.id.normalized);
            reply["age"] = age;
            reply["green"] = green_by_age(age);
            reply["other_days"] = store_.booked_days_after(holder_hash, today);
        } else {
            auto found = store_.reservation_by_code(q.code);
            if (!found) return error_reply(req.type, req.rid, Error{ErrorCode::no_reservation, ""});
            switch (judge_check_in(found->r, today, now, hall_, rules)) {
                case CheckInVerdict::not_today:
                    return error_reply(req.type, req.rid, Error{ErrorCode::reservation_not_today, found->r.day});
                case CheckInVerdict::cancelled:
                    return error_reply(req.type, req.rid, Error{ErrorCode::reservation_cancelled, ""});
                case CheckInVerdict::too_early:
                    return error_reply(req.type, req.rid,
                                       Error{ErrorCode::too_early, local_time_text(check_in_from(found->r, rules))});
                case CheckInVerdict::used:
                case CheckInVerdict::no_show:
                    return error_reply(req.type, req.rid, Error{ErrorCode::no_reservation, ""});
                case CheckInVerdict::late:
                    if (auto plain = vault_->open(found->identity)) {
                        Json who = Json::parse(*plain, nullptr, false);
                        if (auto id = parse_id_number(json_get<std::string>(who, "id_number", ""))) age = age_today(*id);
                    }
                    break;
                default: break;
            }
            holder_hash = found->holder_hash;
            reply["holder"] = found->r.holder_masked;
            candidates.push_back(std::move(*found));
        }
    } catch (const std::exception& e) {
        HALLQ_LOG(error, "check_in: reservations unreadable: " << e.what());
        return make_error_reply(req.rid, kStorage);
    }

    std::string key = IdentityVault::holder_key(holder_hash);
    Hall work = hall_;  // each new ticket is decided with the ones before it applied
    std::vector<Event> events;
    ReservationWrites writes;
    writes.at = now;
    struct Line {
        int64_t ticket;
        bool existing, late;
    };
    std::vector<Line> lines;
    Json early = Json::array();
    for (const StoredReservation& x : candidates) {
        const Reservation& r = x.r;
        CheckInVerdict v = judge_check_in(r, today, now, work, rules);
        if (v == CheckInVerdict::active) {
            lines.push_back({r.ticket_id, true, r.status == ReservationStatus::late});
            continue;
        }
        if (v == CheckInVerdict::too_early) {
            const ServiceItem* item = hall_.catalogue().item(r.item);
            early.push_back({{"reservation", r.id}, {"item", r.item}, {"item_name", item ? item->name : ""},
                             {"slot_at", r.slot_at}, {"check_in_from", check_in_from(r, rules)}});
            continue;
        }
        if (v != CheckInVerdict::on_time && v != CheckInVerdict::late) continue;
        bool late = v == CheckInVerdict::late;
        ReservationUpdate u{r.id, late ? ReservationStatus::late : ReservationStatus::checked_in, 0, now};
        if (const Ticket* held = work.active_ticket(key, r.item)) {  // e.g. taken by touch already
            u.ticket_id = held->id;
            lines.push_back({held->id, true, late});
        } else {
            Command c;
            c.type = CommandType::issue_ticket;
            c.item = r.item;
            c.reservation = r.id;
            c.holder = r.holder_masked;
            c.holder_key = key;
            c.klass = !late ? TicketClass::reservation : green_by_age(age) ? TicketClass::green : TicketClass::normal;
            c.slot_at = r.slot_at;
            Decision d = work.decide(c, now);
            if (!d.ok()) return error_reply(req.type, req.rid, d.error);
            Event e = d.events.front();
            e.seq = work.seq() + 1;
            work.apply(e);
            u.ticket_id = e.ticket;
            lines.push_back({e.ticket, false, late});
            events.push_back(std::move(e));
        }
        writes.updates.push_back(u);
    }
    reply["early"] = std::move(early);
    std::string out = commit(std::move(events), req.rid, [&] {
        Json body = reply;
        body["tickets"] = Json::array();
        for (const Line& l : lines) {
            const Ticket* t = hall_.ticket(l.ticket);
            if (!t) continue;
            Json view = ticket_view(hall_, *t, now);
            view["existing"] = l.existing;
            view["late"] = l.late;
            body["tickets"].push_back(std::move(view));
        }
        return body;
    }, publish, print, writes);
    HALLQ_LOG(debug, "check_in done (" << req.rid << "): " << writes.updates.size() << " checked in, "
                                       << lines.size() << " tickets");
    return out;
}

std::variant<ReservationWrites, Error> HallService::prepare_import(
    const std::vector<ImportedReservation>& entries, int64_t now, Json& counts) {
    ReservationWrites w;
    w.at = now;
    int imported = 0, updated = 0, kept = 0;
    for (size_t i = 0; i < entries.size(); ++i) {
        const ImportedReservation& e = entries[i];
        auto existing = store_.reservation(e.id);
        if (existing && (existing->r.status == ReservationStatus::checked_in ||
                         existing->r.status == ReservationStatus::late)) {
            ++kept;  // checked in already: the hall's record stands
            continue;
        }
        auto same_code = store_.reservation_by_code(e.code);
        if (same_code && same_code->r.id != e.id)
            return Error{ErrorCode::bad_field, "reservations[" + std::to_string(i) + "].code"};
        StoredReservation x;
        x.r.id = e.id;
        x.r.code = e.code;
        x.r.item = e.item;
        x.r.day = e.day;
        x.r.slot_at = local_time_ms(e.day, e.slot_minutes);
        x.r.status = e.status;
        x.r.holder_masked = mask_id_number(e.holder.normalized);
        x.r.name_masked = mask_name(e.name);
        x.r.phone_masked = e.phone.empty() ? "" : mask_phone(e.phone);
        x.holder_hash = bytes_of(vault_->hash(e.holder.normalized));
        x.identity = vault_->seal(Json{{"id_number", e.holder.normalized}, {"name", e.name}, {"phone", e.phone}}.dump());
        x.imported_at = now;
        w.upserts.push_back(std::move(x));
        ++(existing ? updated : imported);
    }
    counts = Json{{"imported", imported}, {"updated", updated}, {"kept", kept}};
    return w;
}

std::string HallService::import_reservations(const Request& req, const std::string& print, int64_t now) {
    auto decoded = decode_import(req.body, hall_.catalogue());
    if (auto* err = std::get_if<Error>(&decoded)) return error_reply(req.type, req.rid, *err);
    if (!vault_) return error_reply(req.type, req.rid, kNoVault);
    Json counts;
    std::variant<ReservationWrites, Error> prepared;
    try {
        prepared = prepare_import(std::get<std::vector<ImportedReservation>>(decoded), now, counts);
    } catch (const std::exception& e) {
        HALLQ_LOG(error, "import_reservations: reservations unreadable: " << e.what());
        return make_error_reply(req.rid, kStorage);
    }
    if (auto* err = std::get_if<Error>(&prepared)) return error_reply(req.type, req.rid, *err);
    std::vector<std::string> publish;  // an import has no event
    std::string out = commit({}, req.rid, [&] { return counts; }, publish, print,
                             std::get<ReservationWrites>(prepared));
    HALLQ_LOG(info, "reservations imported (" << req.rid << "): " << counts["imported"].get<int>() << " new, "
                                              << counts["updated"].get<int>() << " updated, "
                                              << counts["kept"].get<int>() << " kept");
    return out;
}

std::variant<Json, Error> HallService::seed_reservations(const std::vector<ImportedReservation>& entries,
                                                         int64_t now) {
    if (!vault_) return kNoVault;
    Json counts;
    auto prepared = prepare_import(entries, now, counts);
    if (auto* err = std::get_if<Error>(&prepared)) return *err;
    std::vector<std::string> publish;
    std::string reply = commit({}, "", [&] { return counts; }, publish, "", std::get<ReservationWrites>(prepared));
    auto parsed = parse_reply(reply);
    if (!parsed || !parsed->ok) return kStorage;
    return counts;
}

std::string HallService::reservations_query(const Request& req) {
    std::string day = hall_.day();
    if (auto it = req.body.find("date"); it != req.body.end() && !it->is_null()) {
        if (!it->is_string() || !valid_day(it->get<std::string>()))
            return make_error_reply(req.rid, Error{ErrorCode::bad_field, "date"});
        day = it->get<std::string>();
    }
    Json list = Json::array();
    try {
        for (const StoredReservation& x : store_.reservations_on(day)) {
            Json j = to_json(x.r, hall_.catalogue());
            if (const Ticket* t = hall_.ticket(x.r.ticket_id); t && x.r.day == hall_.day()) {
                j["ticket_number"] = t->number;
                j["ticket_state"] = to_string(t->state);
            }
            list.push_back(std::move(j));
        }
    } catch (const std::exception& e) {
        HALLQ_LOG(error, "reservations query: " << e.what());
        return make_error_reply(req.rid, kStorage);
    }
    return make_reply(req.rid, Json{{"date", day}, {"reservations", list}, {"seq", hall_.seq()}});
}

}  // namespace hallq
