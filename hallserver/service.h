// service.h - the hall server's request pipeline: parse → idempotency → find the handler →
// authorize → handler → commit → reply and log line → publish. Handlers live in modules by domain
// (modules/: tickets, reservations, passwords, queries).
//
// Single-threaded by design: one request at a time against one state, so every answer and every
// event sequence number is decided in one order. Nothing here touches ZeroMQ. No request, however
// hostile, ends the process: whatever a handler throws is answered `internal` and logged.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/module.h"
#include "rate_limits.h"
#include "protocol/redact.h"
#include "protocol/reservations.h"

namespace hallq {

class TicketsModule;
class PasswordsModule;
class ReservationsModule;
class DevicesModule;

// Who a reply or an event goes to: kiosks and displays get the open form, every other device (and
// a request made in the process) the staff form.
Audience audience_of(const Device* d);

class HallService {
public:
    // Without a vault, check_in and import_reservations are refused (internal, "identity key")
    // and tickets issued with an ID number get no holder key. Throws std::logic_error if a message
    // type of the table that clients may send has no handler.
    HallService(Store& store, const ServerConfig& cfg, const IdentityVault* vault = nullptr);
    ~HallService();

    // Loads the stored state; installs `catalogue` if given and different; rolls the day over if
    // needed. Returns the events to publish. Throws StoreError, or std::runtime_error when there
    // is no catalogue at all.
    std::vector<std::string> start(const std::optional<Catalogue>& catalogue, int64_t now);

    struct Outcome {
        std::string rid;  // of the request, "" when it could not be read
        std::string reply;
        // The events to publish, in sequence order, after the reply: in their open form
        // (protocol/redact.h), the one every subscriber gets.
        std::vector<std::string> publish;
    };
    // `device`: the device the request came from (devices()), checked by the authorize step
    // (authorize.h); null for a request made inside the server process, which is trusted.
    Outcome handle(std::string_view request, int64_t now, const Device* device = nullptr);

    // Who may connect. The local admin's key is set by main; enrolled devices are loaded by start().
    DeviceRegistry& devices() { return st_.devices; }

    // Group commit: the requests handled between begin_batch() and end_batch() are committed in
    // one transaction. Their replies and events must be held until end_batch() returned true; on
    // false nothing of the batch is stored, the state is reloaded, and every request of the batch
    // must be answered with internal_error_reply(). begin_batch() returns false when no batch
    // could be opened (then each request commits on its own, as outside a batch).
    bool begin_batch();
    bool end_batch();
    static std::string internal_error_reply(const std::string& rid);

    // Retention (PIPL): forgets the personal data of the service days more than retention_days
    // before `now`'s. Run at every rollover and start.
    void purge_personal(int64_t now);

    // Daily rollover when the service day changed. Returns events to publish.
    std::vector<std::string> tick(int64_t now);

    // Stores reservations as import_reservations does, outside a request (the demo's seed).
    // Returns {"imported", "updated", "kept"}, or the refusal. Throws StoreError.
    std::variant<Json, Error> seed_reservations(const std::vector<ImportedReservation>& entries, int64_t now);

    const Hall& hall() const { return st_.hall; }

private:
    void run(std::string_view bytes, int64_t now, const Device* device, Outcome& out);
    // The refusal's reply and its log line.
    void refuse(Outcome& out, std::string_view type, const Error& e, bool warn = false);
    // The device's request budgets (rate_limits.h): the refusal when it has sent too fast.
    std::optional<Error> within_rate(const Device* device, const MessageInfo& msg, int64_t now);
    std::optional<Error> within_identity_rate(const Device* device, int64_t now);
    // Numbers and applies the work's events, builds the reply from the new state, and stores
    // events, rows and reply in one transaction. Returns the reply; on a storage failure the state
    // is reloaded and an `internal` reply returned (then nothing is published).
    // `stored_rid`: the key the reply is stored under (the device's name and the request id),
    // "" for `rid` itself.
    std::string commit(Work& w, const std::string& rid, const std::string& fingerprint, int64_t now,
                       std::vector<std::string>& publish, const std::string& stored_rid = "");
    void reload();

    ServiceState st_;
    HandlerTable table_;
    std::unique_ptr<TicketsModule> tickets_;
    std::unique_ptr<PasswordsModule> passwords_;
    std::unique_ptr<ReservationsModule> reservations_;
    std::unique_ptr<DevicesModule> devices_;
    TokenBuckets requests_, identities_;  // per device (rate_limits.h)
    int since_snapshot_ = 0;
    std::string clock_behind_day_;  // last day warned about when the clock ran behind
};

}  // namespace hallq
