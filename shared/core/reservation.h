// reservation.h - reservations (预约) made on the government service platform, and the rule that
// decides what a check-in (签到) at the hall gives: a reservation ticket, a normal one, or nothing
// yet. Pure: the caller passes the service day, the time and the hall.
#pragma once
#include <cstdint>
#include <string>

#include "hall.h"

namespace hallq {

// booked → checked_in (on time) or late (a normal ticket) at check-in; booked → no_show when its
// day has passed; booked → cancelled by the platform.
enum class ReservationStatus { booked, checked_in, late, no_show, cancelled };

const char* to_string(ReservationStatus v);
bool parse(const std::string& s, ReservationStatus& out);

// A reservation as the hall knows it: personal data only masked (the server keeps the rest
// encrypted, out of the hall's reach).
struct Reservation {
    std::string id;    // the platform's reservation id
    std::string code;  // payload of its QR code
    std::string item;  // service item code
    std::string day;   // YYYY-MM-DD
    int64_t slot_at = 0;  // ms since epoch
    ReservationStatus status = ReservationStatus::booked;
    int64_t ticket_id = 0;  // the ticket it was checked in with, 0 if none
    std::string holder_masked, name_masked, phone_masked;
};

// Check-in is on time from early_minutes before the slot through late_minutes after it.
struct CheckInRules {
    int early_minutes = 30;
    int late_minutes = 15;
};

enum class CheckInVerdict {
    on_time,    // issue a reservation ticket
    late,       // after slot + late: issue a normal ticket
    too_early,  // before slot − early: nothing yet
    active,     // already checked in, and its ticket is still waiting, called, serving or parked
    used,       // already checked in, and its ticket is finished, cancelled or a no-show
    not_today,  // its day is not the service day
    cancelled,
    no_show,
};

const char* to_string(CheckInVerdict v);

// What checking in `r` on service day `today` at `now` gives. In this order: another day →
// not_today; cancelled; no_show; checked in (or late) → active or used, by the state of its
// ticket in `hall` (a ticket no longer in the hall is used); else by the time.
CheckInVerdict judge_check_in(const Reservation& r, const std::string& today, int64_t now,
                              const Hall& hall, const CheckInRules& rules);

// The first moment `r` may be checked in on time (slot − early_minutes).
int64_t check_in_from(const Reservation& r, const CheckInRules& rules);

}  // namespace hallq
