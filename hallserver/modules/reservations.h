// reservations.h - the reservations module: check_in (by ID card or reservation code),
// import_reservations, the reservations query. Full ID numbers, names and phones go only into the
// identity vault (hash, seal); everything stored, logged or replied holds them masked.
#pragma once
#include <variant>
#include <vector>

#include "modules/module.h"
#include "protocol/reservations.h"

namespace hallq {

class ReservationsModule {
public:
    ReservationsModule(ServiceState& st, HandlerTable& table);

    // The work of storing `entries` as import_reservations does (also the demo's seed).
    CommandResult import(const std::vector<ImportedReservation>& entries, int64_t now);

private:
    CommandResult check_in(const Call& c);
    CommandResult import_request(const Call& c);
    QueryResult list(const Call& c);
    ServiceState& st_;
};

}  // namespace hallq
