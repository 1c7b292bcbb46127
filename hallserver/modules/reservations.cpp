// reservations.cpp - check_in, import_reservations and the reservations query.
#include "modules/reservations.h"

#include "core/check_in.h"
#include "core/idnumber.h"
#include "core/local_time.h"
#include "modules/queries.h"
#include "modules/tickets.h"
#include "protocol/replies.h"

namespace hallq {

namespace {
const Error kNoVault{ErrorCode::internal, "identity key"};

std::string bytes_of(const IdentityVault::Hash& h) {
    return std::string(reinterpret_cast<const char*>(h.data()), h.size());
}
}  // namespace

ReservationsModule::ReservationsModule(ServiceState& st, HandlerTable& table) : st_(st) {
    table.on_command(MessageType::check_in, [this](const Call& c) { return check_in(c); });
    table.on_command(MessageType::import_reservations, [this](const Call& c) { return import_request(c); });
    table.on_query(MessageType::reservations, [this](const Call& c) { return list(c); });
}

CommandResult ReservationsModule::check_in(const Call& c) {
    auto decoded = decode_check_in(c.req.body);
    if (auto* err = std::get_if<Error>(&decoded)) return *err;
    if (!st_.vault) return kNoVault;
    const CheckInRequest& q = std::get<CheckInRequest>(decoded);
    const Hall& hall = st_.hall;
    const std::string& today = hall.day();
    const CheckInRules& rules = st_.cfg.check_in;
    std::vector<StoredReservation> found;
    std::string holder_hash;
    int age = -1;  // the holder's age, when known: from the card, or from a late reservation
    CheckInView facts;  // the reply but its tickets
    if (q.by_id) {
        holder_hash = bytes_of(st_.vault->hash(q.id.normalized));
        found = st_.store.reservations_of(holder_hash, today);
        age = age_on_service_day(hall, q.id);
        facts.holder = mask_id_tail(q.id.normalized);
        facts.card = CheckInView::Card{age, green_by_age(st_.cfg, age),
                                       st_.store.booked_days_after(holder_hash, today)};
    } else {
        auto one = st_.store.reservation_by_code(q.code);
        if (!one) return Error{ErrorCode::no_reservation, ""};
        switch (judge_check_in(one->r, today, c.now, hall, rules)) {
            case CheckInVerdict::not_today: return Error{ErrorCode::reservation_not_today, one->r.day};
            case CheckInVerdict::cancelled: return Error{ErrorCode::reservation_cancelled, ""};
            case CheckInVerdict::too_early:
                return Error{ErrorCode::too_early, local_time_text(check_in_from(one->r, rules))};
            case CheckInVerdict::used:
            case CheckInVerdict::no_show: return Error{ErrorCode::no_reservation, ""};
            case CheckInVerdict::late:
                if (auto plain = st_.vault->open(one->identity)) {
                    Json who = Json::parse(*plain, nullptr, false);
                    if (auto id = parse_id_number(json_get<std::string>(who, "id_number", "")))
                        age = age_on_service_day(hall, *id);
                }
                break;
            default: break;
        }
        holder_hash = one->holder_hash;
        facts.holder = mask_id_tail(one->r.holder_masked);  // rows stored before 6+4 masks were retired
        found.push_back(std::move(*one));
    }

    std::vector<Reservation> candidates;
    for (const StoredReservation& x : found) candidates.push_back(x.r);
    CheckInHolder holder{IdentityVault::holder_key(holder_hash), green_by_age(st_.cfg, age)};
    CheckInPlan plan = plan_check_in(hall, candidates, holder, today, c.now, rules);
    if (plan.refusal) return *plan.refusal;
    for (const CheckInPlan::Line& l : plan.lines)  // a ticket taken at another kiosk: not shown here
        if (l.existing && !st_.holder_tickets.may_see(c.device, l.ticket)) return Error{ErrorCode::already_queued, ""};
    if (c.device)
        for (const Event& e : plan.events) st_.holder_tickets.note(hall.day(), e.ticket, c.device->name());

    for (const Reservation* r : plan.early) {
        const ServiceItem* item = hall.catalogue().item(r->item);
        facts.early.push_back({r->id, r->item, item ? item->name : "", r->slot_at, check_in_from(*r, rules)});
    }
    Work w;
    for (const CheckInPlan::Update& u : plan.updates)
        w.reservations.updates.push_back(ReservationUpdate{u.reservation, u.status, u.ticket, c.now});
    w.events = std::move(plan.events);
    int64_t now = c.now;
    w.reply = [facts, lines = plan.lines, now](const Hall& after) {
        CheckInView body = facts;
        for (const CheckInPlan::Line& l : lines) {
            const Ticket* t = after.ticket(l.ticket);
            if (!t) continue;
            TicketView view = ticket_view(after, *t, now);
            view.existing = l.existing;
            view.late = l.late;
            body.tickets.push_back(std::move(view));
        }
        return to_json(body);
    };
    w.summary = std::to_string(plan.updates.size()) + " checked in, " + std::to_string(plan.lines.size()) + " tickets";
    return w;
}

CommandResult ReservationsModule::import(const std::vector<ImportedReservation>& entries, int64_t now) {
    if (!st_.vault) return kNoVault;
    Work w;
    int imported = 0, updated = 0, kept = 0;
    for (size_t i = 0; i < entries.size(); ++i) {
        const ImportedReservation& e = entries[i];
        auto existing = st_.store.reservation(e.id);
        if (existing && (existing->r.status == ReservationStatus::checked_in ||
                         existing->r.status == ReservationStatus::late)) {
            ++kept;  // checked in already: the hall's record stands
            continue;
        }
        auto same_code = st_.store.reservation_by_code(e.code);
        if (same_code && same_code->r.id != e.id) return bad_field("reservations[" + std::to_string(i) + "].code");
        StoredReservation x;
        x.r.id = e.id;
        x.r.code = e.code;
        x.r.item = e.item;
        x.r.day = e.day;
        x.r.slot_at = local_time_ms(e.day, e.slot_minutes);
        x.r.status = e.status;
        x.r.holder_masked = mask_id_tail(e.holder.normalized);
        x.r.name_masked = mask_name(e.name);
        x.r.phone_masked = e.phone.empty() ? "" : mask_phone(e.phone);
        x.holder_hash = bytes_of(st_.vault->hash(e.holder.normalized));
        x.identity = st_.vault->seal(wire_text(Json{{"id_number", e.holder.normalized}, {"name", e.name}, {"phone", e.phone}}));
        x.imported_at = now;
        w.reservations.upserts.push_back(std::move(x));
        ++(existing ? updated : imported);
    }
    Json counts{{"imported", imported}, {"updated", updated}, {"kept", kept}};
    w.reply = [counts](const Hall&) { return counts; };
    w.summary = "reservations imported: " + std::to_string(imported) + " new, " + std::to_string(updated) +
                " updated, " + std::to_string(kept) + " kept";
    w.notable = true;
    return w;
}

CommandResult ReservationsModule::import_request(const Call& c) {
    auto decoded = decode_import(c.req.body, st_.hall.catalogue());
    if (auto* err = std::get_if<Error>(&decoded)) return *err;
    return import(std::get<std::vector<ImportedReservation>>(decoded), c.now);
}

QueryResult ReservationsModule::list(const Call& c) {
    const Hall& hall = st_.hall;
    std::string day = hall.day();
    if (auto it = c.req.body.find("date"); it != c.req.body.end() && !it->is_null()) {
        if (!it->is_string() || !valid_day(it->get<std::string>())) return bad_field("date");
        day = it->get<std::string>();
    }
    Json list = Json::array();
    for (const StoredReservation& x : st_.store.reservations_on(day)) {
        Json j = to_json(x.r, hall.catalogue());
        if (const Ticket* t = hall.ticket(x.r.ticket_id); t && x.r.day == hall.day()) {
            j["ticket_number"] = t->number;
            j["ticket_state"] = to_string(t->state);
        }
        list.push_back(std::move(j));
    }
    return Json{{"date", day}, {"reservations", list}, {"seq", hall.seq()}};
}

}  // namespace hallq
