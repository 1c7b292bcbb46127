// demo_reservations.h - the reservations `hallserver --demo` seeds for today, so check-in can be
// tried at once: one on time, one too early, one late, and one late for a citizen of 76 (green).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/catalogue.h"
#include "protocol/reservations.h"

namespace hallq {

// Reservations on service day `day` with slots relative to `now` (rounded down to the minute);
// a slot that would fall on another date (near midnight) is left out. The ID numbers are valid
// but made up, in the catalogue's area.
std::vector<ImportedReservation> demo_reservations(const Catalogue& catalogue, const std::string& day,
                                                   int64_t now);

// A valid 18-character ID number: area (6 digits), birth date YYYYMMDD, a 3-digit sequence.
std::string make_id_number(const std::string& area, const std::string& birth, int sequence);

}  // namespace hallq
