// replies.h - the reply bodies that clients read field by field: the ticket view (a ticket with
// its names, materials and wait estimate) and the outcome of a check-in. The server builds them
// and writes them with to_json; the kiosk and hallctl read them back with read_*. The JSON is in
// docs/protocol.md (ticket and window JSON, check_in).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/estimator.h"
#include "core/hall.h"
#include "protocol/json.h"

namespace hallq {

struct TicketView {
    Ticket ticket;                          // every field, as the codec writes a ticket
    std::optional<std::string> queue_name;  // when the queue is in the catalogue
    struct Item {
        std::string name;
        std::vector<std::string> materials;  // to bring
        bool operator==(const Item&) const = default;
    };
    std::optional<Item> item;              // when the ticket's item is in the catalogue
    std::optional<WaitEstimate> estimate;  // waiting tickets only
    // issue_ticket with an ID number, and check_in: whether the holder had it already (nothing
    // new was issued).
    std::optional<bool> existing;
    std::optional<bool> late;  // check_in: checked in after the late window, a normal ticket
    bool operator==(const TicketView&) const = default;
};

// The view of a ticket of `hall` at `now` (its estimate when waiting).
TicketView ticket_view(const Hall& hall, const Ticket& t, int64_t now);
Json to_json(const TicketView& v);
// Nothing when `j` is not a ticket view (not an object; no id, number or queue; a bad class or
// state).
std::optional<TicketView> read_ticket_view(const Json& j);

// The reply body of check_in.
struct CheckInView {
    std::vector<TicketView> tickets;  // issued now or held already
    struct Early {                    // a reservation of today that is too early to check in
        std::string reservation, item, item_name;
        int64_t slot_at = 0, check_in_from = 0;  // ms
        bool operator==(const Early&) const = default;
    };
    std::vector<Early> early;
    std::string holder;                       // masked ID number
    struct Card {                             // checked in with an ID card
        int age = -1;                         // on the service day; -1 when the day is not set
        bool green = false;                   // old enough for the green channel
        std::vector<std::string> other_days;  // booked on later days (YYYY-MM-DD)
        bool operator==(const Card&) const = default;
    };
    std::optional<Card> card;  // none for a check-in by reservation code
    bool operator==(const CheckInView&) const = default;
};

Json to_json(const CheckInView& v);
// Ticket entries that are not ticket views are left out; any of age, green and other_days means
// a card (the others then at their defaults).
CheckInView read_check_in_view(const Json& body);

}  // namespace hallq
