// reservation.cpp - reservation statuses and the check-in verdict.
#include "reservation.h"

namespace hallq {

namespace {
constexpr const char* kStatus[] = {"booked", "checked_in", "late", "no_show", "cancelled"};
constexpr const char* kVerdict[] = {"on_time", "late", "too_early", "active",
                                    "used",    "not_today", "cancelled", "no_show"};
constexpr int64_t kMinute = 60'000;
}  // namespace

const char* to_string(ReservationStatus v) { return kStatus[static_cast<int>(v)]; }

bool parse(const std::string& s, ReservationStatus& out) {
    for (size_t i = 0; i < std::size(kStatus); ++i)
        if (s == kStatus[i]) {
            out = static_cast<ReservationStatus>(i);
            return true;
        }
    return false;
}

const char* to_string(CheckInVerdict v) { return kVerdict[static_cast<int>(v)]; }

int64_t check_in_from(const Reservation& r, const CheckInRules& rules) {
    return r.slot_at - int64_t(rules.early_minutes) * kMinute;
}

CheckInVerdict judge_check_in(const Reservation& r, const std::string& today, int64_t now,
                              const Hall& hall, const CheckInRules& rules) {
    if (r.day != today) return CheckInVerdict::not_today;
    switch (r.status) {
        case ReservationStatus::cancelled: return CheckInVerdict::cancelled;
        case ReservationStatus::no_show: return CheckInVerdict::no_show;
        case ReservationStatus::checked_in:
        case ReservationStatus::late: {
            const Ticket* t = hall.ticket(r.ticket_id);
            bool active = t && (t->state == TicketState::waiting || t->state == TicketState::called ||
                                t->state == TicketState::serving || t->state == TicketState::parked);
            return active ? CheckInVerdict::active : CheckInVerdict::used;
        }
        case ReservationStatus::booked: break;
    }
    if (now < check_in_from(r, rules)) return CheckInVerdict::too_early;
    if (now <= r.slot_at + int64_t(rules.late_minutes) * kMinute) return CheckInVerdict::on_time;
    return CheckInVerdict::late;
}

}  // namespace hallq
