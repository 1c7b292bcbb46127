// service.h - the hall server's request handling: decode → decide → commit → reply → publish.
//
// Single-threaded by design: one request at a time against one state, so every answer and every
// event sequence number is decided in one order. Nothing here touches ZeroMQ.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config.h"
#include "core/hall.h"
#include "credentials.h"
#include "identity_vault.h"
#include "protocol/envelope.h"
#include "protocol/json.h"
#include "protocol/reservations.h"
#include "store.h"

namespace hallq {

class HallService {
public:
    // Without a vault, check_in and import_reservations are refused (internal, "identity key")
    // and tickets issued with an ID number get no holder key.
    HallService(Store& store, const ServerConfig& cfg, const IdentityVault* vault = nullptr);

    // Loads the stored state; installs `catalogue` if given and different; rolls the day over if
    // needed. Returns the events to publish. Throws StoreError, or std::runtime_error when there
    // is no catalogue at all.
    std::vector<std::string> start(const std::optional<Catalogue>& catalogue, int64_t now);

    struct Outcome {
        std::string rid;  // of the request, "" when it could not be read
        std::string reply;
        std::vector<std::string> publish;  // event JSON, in sequence order, after the reply
    };
    Outcome handle(std::string_view request, int64_t now);

    // Group commit: the requests handled between begin_batch() and end_batch() are committed in
    // one transaction. Their replies and events must be held until end_batch() returned true; on
    // false nothing of the batch is stored, the state is reloaded, and every request of the batch
    // must be answered with internal_error_reply(). begin_batch() returns false when no batch
    // could be opened (then each request commits on its own, as outside a batch).
    bool begin_batch();
    bool end_batch();
    static std::string internal_error_reply(const std::string& rid);

    // Daily rollover when the service day changed. Returns events to publish.
    std::vector<std::string> tick(int64_t now);

    // Stores reservations as import_reservations does, outside a request (the demo's seed).
    // Returns {"imported", "updated", "kept"}, or the refusal. Throws StoreError.
    std::variant<Json, Error> seed_reservations(const std::vector<ImportedReservation>& entries, int64_t now);

    const Hall& hall() const { return hall_; }

private:
    // Applies and commits the events, with the reservation writes, and the reply `reply_body`
    // builds from the new state. Returns the reply; on a storage failure the state is reloaded
    // and an error reply returned.
    std::string commit(std::vector<Event> events, const std::string& rid,
                       const std::function<Json()>& reply_body, std::vector<std::string>& publish,
                       const std::string& fingerprint = "", const ReservationWrites& reservations = {});

    // Reservations (service_reservations.cpp).
    std::string check_in(const Request& req, const std::string& print, int64_t now,
                         std::vector<std::string>& publish);
    std::string import_reservations(const Request& req, const std::string& print, int64_t now);
    std::string reservations_query(const Request& req);
    // The rows an import writes, with the counts for its reply; or the refusal.
    std::variant<ReservationWrites, Error> prepare_import(const std::vector<ImportedReservation>& entries,
                                                          int64_t now, Json& counts);
    // issue_ticket with an ID number: the holder key on the command, green class by age; returns
    // the holder's active ticket for the same item, if any (then nothing is issued).
    const Ticket* prepare_id_issue(const Request& req, Command& cmd);
    // Age in whole years on the service day; -1 if the day is not set.
    int age_today(const IdNumberInfo& id) const;
    bool green_by_age(int age) const { return cfg_.green_channel_age > 0 && age >= cfg_.green_channel_age; }

    // The password check of clerk_login and change_password: the lockout, then the stored hash.
    // Returns the refusal, or nothing when the password is right.
    std::optional<Error> check_password(const std::string& clerk, const std::string& password, int64_t now);
    std::string change_password(const std::string& rid, const Json& body, const std::string& print,
                                int64_t now);

    Store& store_;
    LoginGuard login_guard_;
    std::string unknown_clerk_hash_;  // verified against for ids without a credential: same cost
    const ServerConfig& cfg_;
    const IdentityVault* vault_;
    Hall hall_;
    int since_snapshot_ = 0;
    std::string clock_behind_day_;  // last day warned about when the clock ran behind
};

}  // namespace hallq
