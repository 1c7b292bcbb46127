// check_in.h - planning a reservation check-in (预约签到): from the holder's reservations of the
// day, which tickets to issue, which reservations change, which are too early. Pure: the server
// reads the reservations and commits the plan.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hall.h"
#include "reservation.h"

namespace hallq {

struct CheckInPlan {
    // A reservation checked in by this plan: its new status and the ticket it is linked to.
    struct Update {
        std::string reservation;
        ReservationStatus status = ReservationStatus::checked_in;
        int64_t ticket = 0;
    };
    // A ticket the visitor is told about: new, or one they already hold.
    struct Line {
        int64_t ticket = 0;
        bool existing = false, late = false;
    };
    std::vector<Event> events;  // ticket_issued, seq after the hall's, in order
    std::vector<Update> updates;
    std::vector<Line> lines;
    std::vector<const Reservation*> early;  // too early: not yet (pointers into the candidates)
    std::optional<Error> refusal;           // a ticket the hall refused (then nothing else applies)
};

// The facts of the visitor that the plan needs.
struct CheckInHolder {
    std::string key;      // pseudonymous holder key (one active ticket per person and item)
    bool green = false;   // old enough for the green channel: a late visitor's ticket is green
};

// For each candidate (the holder's reservations of `today`, by slot): on time → a reservation
// ticket; late → a normal (or green) ticket; already checked in with an active ticket → that
// ticket again; a ticket the holder already has for the item (taken by touch) → linked, nothing
// issued; too early → listed; anything else → skipped. Each new ticket is decided with the ones
// before it applied.
CheckInPlan plan_check_in(const Hall& hall, const std::vector<Reservation>& candidates,
                          const CheckInHolder& holder, const std::string& today, int64_t now,
                          const CheckInRules& rules);

}  // namespace hallq
