// hall_queries.h - what a running hall server says of its hall, for tests that check an outcome:
// a ticket (the `ticket` query's view), today's tickets (the `snapshot`), a day's reservations
// (the `reservations` query), and the events up to the snapshot's sequence number. The protocol
// keeps no history of events (its stream is live), so those are read through the store's
// engine-neutral API (store/store.h) at the server's --db location, while the server runs.
// Tests ask the hall this way rather than read the database file, which is one engine's layout;
// only checks of the stored form itself read the file.
#pragma once
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "net/request_client.h"
#include "server_process.h"

namespace hallq::test {

class HallQueries {
public:
    // Asks `server` (started before the first question; restarts keep its endpoints).
    explicit HallQueries(const ServerProcess& server);
    ~HallQueries();

    // The ticket view of today's ticket `number` ("A001") or of ticket `id`; REQUIREs it exists.
    Json ticket(const std::string& number);
    Json ticket(int64_t id);
    // All of today's tickets, in every state, by id.
    std::vector<Json> tickets();
    // The reservations of `date` (YYYY-MM-DD; "" the service day), by slot.
    std::vector<Json> reservations(const std::string& date = "");
    // The reservation `id` among those of `date`; REQUIREs it is there.
    Json reservation(const std::string& id, const std::string& date = "");
    // Every event from seq 1 to the snapshot's seq, as stored (without the `number` and
    // `window_name` the published copies carry); REQUIREs none is missing. Of one type only.
    std::vector<Json> events();
    std::vector<Json> events(const std::string& type);

private:
    Json ok(const std::string& type, const Json& body);
    const ServerProcess& server_;
    std::unique_ptr<RequestClient> client_;
};

// The fields `keys` of `j`, joined by spaces ("done handled 1"); an absent or null field is "".
std::string fields(const Json& j, std::initializer_list<const char*> keys);
// The same for each of `list`, a line each, every line ending in "\n".
std::string lines(const std::vector<Json>& list, std::initializer_list<const char*> keys);

}  // namespace hallq::test
