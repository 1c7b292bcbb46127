// check_in.cpp - the check-in plan: reservations in, tickets and reservation updates out.
#include "check_in.h"

#include "idnumber.h"
#include "estimator.h"

namespace hallq {

CheckInPlan plan_check_in(const Hall& hall, const std::vector<Reservation>& candidates,
                          const CheckInHolder& holder, const std::string& today, int64_t now,
                          const CheckInRules& rules) {
    CheckInPlan plan;
    Hall work = hall;
    for (const Reservation& r : candidates) {
        CheckInVerdict v = judge_check_in(r, today, now, work, rules);
        if (v == CheckInVerdict::active) {
            plan.lines.push_back({r.ticket_id, true, r.status == ReservationStatus::late});
            continue;
        }
        if (v == CheckInVerdict::too_early) {
            plan.early.push_back(&r);
            continue;
        }
        if (v != CheckInVerdict::on_time && v != CheckInVerdict::late) continue;
        bool late = v == CheckInVerdict::late;
        CheckInPlan::Update u{r.id, late ? ReservationStatus::late : ReservationStatus::checked_in, 0};
        if (const Ticket* held = work.active_ticket(holder.key, r.item)) {
            u.ticket = held->id;
            plan.lines.push_back({held->id, true, late});
        } else {
            IssueTicket c{.item = r.item,
                          .klass = !late         ? TicketClass::reservation
                                   : holder.green ? TicketClass::green
                                                  : TicketClass::normal,
                          .reservation = r.id,
                          .slot_at = r.slot_at,
                          .holder = mask_id_tail(r.holder_masked),
                          .holder_key = holder.key};
            Decision d = work.decide(c, now, &wait_minutes);
            if (!d.ok()) {
                CheckInPlan refused;
                refused.refusal = d.error;
                return refused;
            }
            Event e = d.events.front();
            e.seq = work.seq() + 1;
            work.apply(e);
            u.ticket = e.ticket;
            plan.lines.push_back({e.ticket, false, late});
            plan.events.push_back(std::move(e));
        }
        plan.updates.push_back(u);
    }
    return plan;
}

}  // namespace hallq
