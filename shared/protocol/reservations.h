// reservations.h - request bodies of check_in and import_reservations, decoded and checked, and
// the JSON of a reservation in replies. Full ID numbers, names and phones pass through here only
// on their way to the server's identity vault; they never reach the hall.
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "core/catalogue.h"
#include "core/idnumber.h"
#include "core/reservation.h"
#include "protocol/json.h"

namespace hallq {

constexpr size_t kMaxImportBatch = 200;    // reservations per import_reservations request
constexpr size_t kMaxReservationCode = 64;  // characters of an id or a code

// check_in: exactly one of `id_number` (an ID card swiped) or `code` (a reservation's QR code).
struct CheckInRequest {
    bool by_id = false;
    IdNumberInfo id;          // by_id: the valid number, normalized
    std::string holder_name;  // by_id, optional
    std::string code;         // else
};
// Neither or both of id_number and code → bad_field "id_number or code"; a code that is not a
// string of 1–64 characters → bad_field "code"; an invalid number → invalid_id_number.
std::variant<CheckInRequest, Error> decode_check_in(const Json& body);

// One entry of import_reservations, checked.
struct ImportedReservation {
    std::string id, code, item, day;  // code defaults to id
    int slot_minutes = 0;             // minutes after local midnight of `day`
    IdNumberInfo holder;
    std::string name, phone;
    ReservationStatus status = ReservationStatus::booked;  // booked or cancelled
};
// Every entry is checked before any is accepted; the first bad one refuses the whole batch:
// bad_field "reservations[3].slot", unknown_item "reservations[3].item",
// invalid_id_number "reservations[3].id_number: check digit". A repeated id or code within the
// batch is bad_field naming the later entry.
std::variant<std::vector<ImportedReservation>, Error> decode_import(const Json& body,
                                                                    const Catalogue& catalogue);

// "YYYY-MM-DD" naming a real date.
bool valid_day(const std::string& s);
// "HH:MM" → minutes after midnight, or -1.
int parse_hhmm(const std::string& s);

// A reservation in replies (masked personal data), with the item's name from the catalogue.
Json to_json(const Reservation& r, const Catalogue& catalogue);

}  // namespace hallq
