// module.h - what the service pipeline gives a handler and takes back from it.
//
// A module handles the requests of one domain (tickets, reservations, passwords, queries; cases
// and the platform will follow). It registers a handler per message type of the table
// (protocol/messages.def); the pipeline (service.cpp) does everything else: parsing, idempotency,
// authorization, the commit, the reply, the log line and the publishing.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "config.h"
#include "core/hall.h"
#include "device_registry.h"
#include "identity_vault.h"
#include "protocol/envelope.h"
#include "protocol/json.h"
#include "protocol/messages.h"
#include "store.h"

namespace hallq {

// The kiosk each ticket of a card holder was issued or checked in at (this run of the server, one
// service day): only that kiosk is shown such a ticket again; any other kiosk that asks with the
// ID number or the code is told only that one is held (already_queued), never its number, window,
// holder or reservation, so a kiosk cannot find out who is in the hall.
struct HolderTickets {
    std::map<int64_t, std::string> kiosk_of;
    std::string day;
    void note(const std::string& today, int64_t ticket, const std::string& device) {
        if (day != today) {
            kiosk_of.clear();
            day = today;
        }
        kiosk_of[ticket] = device;
    }
    // Whether the call's device may see the holder's ticket again: staff always, a kiosk its own.
    bool may_see(const Device* device, int64_t ticket) const {
        if (!device || device->role != Role::kiosk) return true;
        auto it = kiosk_of.find(ticket);
        return it != kiosk_of.end() && it->second == device->name();
    }
};

// What every module shares: the store, the configuration, the identity vault and the hall state.
struct ServiceState {
    Store& store;
    const ServerConfig& cfg;
    const IdentityVault* vault;  // none: check_in and import_reservations are refused
    Hall hall;
    DeviceRegistry devices;      // who may connect, and with which role and place
    HolderTickets holder_tickets;
};

// One request on its way through the pipeline.
struct Call {
    const Request& req;
    const MessageInfo& msg;
    int64_t now;
    // The device it came from (its CURVE key, admitted by the ZAP handler); null for a request
    // made inside the server process (tests, the demo's seed), which is trusted.
    const Device* device = nullptr;
};

// What a state-changing handler decided: the events (not yet numbered), the rows written with
// them, and the reply body, built from the state once the events are applied.
struct Work {
    std::vector<Event> events;
    ReservationWrites reservations;
    std::optional<CredentialWrite> credential;
    std::optional<DeviceRow> device;  // an enrolment or revocation
    std::function<Json(const Hall& after)> reply = [](const Hall&) { return Json::object(); };
    std::string summary;   // for the log line: what was done, masked
    bool notable = false;  // logged at info (an import, a password change), else at debug
};

using CommandResult = std::variant<Work, Error>;
using QueryResult = std::variant<Json, Error>;  // the reply body, or the refusal
using CommandHandler = std::function<CommandResult(const Call&)>;
using QueryHandler = std::function<QueryResult(const Call&)>;

// The handler of every message type, by MessageType.
class HandlerTable {
public:
    void on_command(MessageType t, CommandHandler h) { commands_[index(t)] = std::move(h); }
    void on_query(MessageType t, QueryHandler h) { queries_[index(t)] = std::move(h); }
    const CommandHandler* command(MessageType t) const { return commands_[index(t)] ? &commands_[index(t)] : nullptr; }
    const QueryHandler* query(MessageType t) const { return queries_[index(t)] ? &queries_[index(t)] : nullptr; }
    // The message types a client may send that have no handler (empty when complete).
    std::vector<std::string> missing() const;

private:
    static constexpr size_t kTypes = std::size(std::array{
#define HALLQ_COMMAND(name, verb, module, events, since, access) 0,
#define HALLQ_INTERNAL(name, verb, module, events, since, access) 0,
#define HALLQ_REQUEST(name, verb, module, events, since, access) 0,
#define HALLQ_QUERY(name, verb, module, events, since, access) 0,
#include "protocol/messages.def"
    });
    static size_t index(MessageType t) { return static_cast<size_t>(t); }
    std::array<CommandHandler, kTypes> commands_;
    std::array<QueryHandler, kTypes> queries_;
};

// The refusal of a bad body field.
inline Error bad_field(std::string name) { return Error{ErrorCode::bad_field, std::move(name)}; }

}  // namespace hallq
