// service.cpp - the request pipeline: every request parsed, checked against its stored reply,
// authorized, handled by its module, committed before the reply, published after it, and logged
// once, here. Nothing a handler throws leaves this file.
#include "service.h"

#include <stdexcept>

#include "authorize.h"
#include "log.h"
#include "modules/audit.h"
#include "modules/devices.h"
#include "modules/passwords.h"
#include "modules/queries.h"
#include "modules/reservations.h"
#include "modules/tickets.h"
#include "protocol/codec.h"
#include "protocol/commands.h"
#include "protocol/fingerprint.h"
#include "protocol/redact.h"

namespace hallq {

std::vector<std::string> HandlerTable::missing() const {
    std::vector<std::string> out;
    for (const MessageInfo& m : message_table()) {
        if (m.kind == MessageKind::internal) continue;
        bool has = m.kind == MessageKind::query ? query(m.type) != nullptr : command(m.type) != nullptr;
        if (!has) out.emplace_back(m.name);
    }
    return out;
}

Audience audience_of(const Device* d) {
    if (!d) return Audience::staff;
    return d->role == Role::kiosk || d->role == Role::display ? Audience::open : Audience::staff;
}

HallService::HallService(Store& store, const ServerConfig& cfg, const IdentityVault* vault)
    : st_{store, cfg, vault, Hall{}, DeviceRegistry{}, HolderTickets{}} {
    tickets_ = std::make_unique<TicketsModule>(st_, table_);
    passwords_ = std::make_unique<PasswordsModule>(st_, table_);
    reservations_ = std::make_unique<ReservationsModule>(st_, table_);
    devices_ = std::make_unique<DevicesModule>(st_, table_);
    register_queries(st_, table_);
    register_audit(st_, table_);
    if (vault) store.set_chain([vault](const std::string& previous, uint64_t seq, const std::string& body) {
        return vault->audit_link(previous, seq, body);
    });
    if (vault) seal_chain_start(store, *vault);
    if (auto missing = table_.missing(); !missing.empty())
        throw std::logic_error("no handler for message type " + missing.front());
}

HallService::~HallService() = default;

std::vector<std::string> HallService::start(const std::optional<Catalogue>& catalogue, int64_t now) {
    st_.hall = st_.store.load();
    if (int skipped = st_.devices.load(st_.store.devices()))
        HALLQ_LOG(warn, skipped << " enrolled devices have a role this release does not know; they are refused");
    const Hall& hall = st_.hall;
    std::vector<std::string> publish;
    bool changed = catalogue && to_json(*catalogue) != to_json(hall.catalogue());
    bool policy_changed = to_json(st_.cfg.policy) != to_json(hall.policy());
    if (changed || policy_changed) {
        Work setup;
        setup.events.push_back(Hall::setup(catalogue ? *catalogue : hall.catalogue(), st_.cfg.policy, now));
        since_snapshot_ = st_.cfg.snapshot_every;  // store a snapshot with the new catalogue
        commit(setup, "", "", now, publish);
        HALLQ_LOG(info, "catalogue installed: " << hall.catalogue().queues.size() << " queues, "
                                                << hall.catalogue().items.size() << " items, "
                                                << hall.catalogue().windows.size() << " windows");
    }
    if (hall.catalogue().queues.empty())
        throw std::runtime_error("the database has no catalogue: start with --demo or --catalogue FILE");
    purge_personal(now);  // also when the server was down over the day the data expired
    auto more = tick(now);
    publish.insert(publish.end(), more.begin(), more.end());
    return publish;
}

std::vector<std::string> HallService::tick(int64_t now) {
    std::vector<std::string> publish;
    std::string day = service_day(now, st_.cfg.rollover_minutes);
    if (day == st_.hall.day()) return publish;
    Decision d = st_.hall.decide(Rollover{.day = day}, now);
    if (!d.ok()) {  // the clock is behind the stored day: keep the day, warn once per day seen
        if (day != clock_behind_day_)
            HALLQ_LOG(warn, "the clock says service day " << day << " but day " << st_.hall.day()
                                                        << " is already open; keeping it");
        clock_behind_day_ = day;
        return publish;
    }
    since_snapshot_ = st_.cfg.snapshot_every;
    Work rollover;
    rollover.events = std::move(d.events);
    rollover.reservations.no_show_before = day;  // booked reservations of the days before are missed
    commit(rollover, "", "", now, publish);
    try {
        st_.store.prune_requests(now - 2 * 86400 * 1000LL);
    } catch (const StoreError& e) {  // kept a day longer: the next rollover prunes them
        HALLQ_LOG(warn, "old request replies not pruned: " << e.what());
    }
    purge_personal(now);
    HALLQ_LOG(info, "service day " << day << " begins; ticket numbers restart");
    return publish;
}

void HallService::purge_personal(int64_t now) {
    std::string before = service_day(now - int64_t(st_.cfg.retention_days) * 86400 * 1000, st_.cfg.rollover_minutes);
    try {
        Store::Purged p = st_.store.purge_personal(before);
        if (p.reservations || p.tickets)
            HALLQ_LOG(info, "retention: personal data of the days before " << before << " forgotten ("
                                << p.reservations << " reservations, " << p.tickets << " tickets; retention_days "
                                << st_.cfg.retention_days << ")");
    } catch (const StoreError& e) {  // the next rollover tries again
        HALLQ_LOG(warn, "personal data of the days before " << before << " not purged: " << e.what());
    }
}

std::variant<Json, Error> HallService::seed_reservations(const std::vector<ImportedReservation>& entries,
                                                         int64_t now) {
    CommandResult r = reservations_->import(entries, now);
    if (auto* err = std::get_if<Error>(&r)) return *err;
    Work& w = std::get<Work>(r);
    Json counts = w.reply(st_.hall);
    std::vector<std::string> publish;
    auto stored = parse_reply(commit(w, "", "", now, publish));
    if (!stored || !stored->ok) return Error{ErrorCode::internal, "storage"};
    return counts;
}

std::string HallService::commit(Work& w, const std::string& rid, const std::string& fingerprint, int64_t now,
                                std::vector<std::string>& publish, const std::string& stored_rid) {
    Hall& hall = st_.hall;
    uint64_t seq = hall.seq();
    for (Event& e : w.events) {
        e.seq = ++seq;
        hall.apply(e);
    }
    Json body = w.reply(hall);
    body["seq"] = hall.seq();
    std::string reply = make_reply(rid, body);
    since_snapshot_ += int(w.events.size());
    bool snapshot = since_snapshot_ >= st_.cfg.snapshot_every;
    UnitOfWork unit{.events = w.events, .after = &hall, .rid = stored_rid.empty() ? rid : stored_rid, .reply = reply, .fingerprint = fingerprint,
                    .snapshot = snapshot, .reservations = &w.reservations, .credential = w.credential,
                    .device = w.device, .at = now};
    try {
        st_.store.commit(unit);
    } catch (const StoreError& e) {
        HALLQ_LOG(error, "commit failed, state reloaded: " << e.what());
        reload();
        return make_error_reply(rid, Error{ErrorCode::internal, "storage"});
    }
    if (snapshot && !w.events.empty()) since_snapshot_ = 0;
    if (w.device) st_.devices.put(*w.device);  // in a failed batch the reload forgets it again
    // Every subscriber gets the open form: no holder, no holder key, no free texts. Staff read
    // those through snapshot and ticket queries and command replies, which are answered per role.
    for (const Event& e : w.events) {
        Json j = to_json(e, &hall);
        redact_event(j, Audience::open);
        publish.push_back(wire_text(j));
    }
    return reply;
}

void HallService::reload() {
    try {
        st_.hall = st_.store.load();
        st_.devices.load(st_.store.devices());
    } catch (const std::exception& e) {
        HALLQ_LOG(error, "state reload failed: " << e.what());  // the next request retries the commit path
    }
}

bool HallService::begin_batch() {
    try {
        st_.store.begin_batch();
        return true;
    } catch (const StoreError& e) {
        HALLQ_LOG(error, "cannot open a batch: " << e.what());
        return false;
    }
}

bool HallService::end_batch() {
    try {
        st_.store.end_batch();
        return true;
    } catch (const StoreError& e) {
        HALLQ_LOG(error, "batch commit failed, state reloaded: " << e.what());
        reload();
        return false;
    }
}

std::string HallService::internal_error_reply(const std::string& rid) {
    return make_error_reply(rid, Error{ErrorCode::internal, "storage"});
}

std::optional<Error> HallService::within_rate(const Device* device, const MessageInfo& msg,
                                              int64_t now) {
    if (!device) return std::nullopt;
    double cost = msg.type == MessageType::snapshot ? 5 : 1;  // a snapshot is the costliest answer
    if (!requests_.take(device->name(), request_rule(device->role), now, cost)) {
        HALLQ_LOG_LIMITED(warn, "rate " + device->name(),
                          "ALERT device " << device->name() << " (" << to_string(device->role)
                                          << ") sends faster than its role allows; refusing its requests (rate_limited)");
        return Error{ErrorCode::rate_limited, "requests"};
    }
    return std::nullopt;  // an ID number was paid for before the stored reply was looked up (run)
}

std::optional<Error> HallService::within_identity_rate(const Device* device, int64_t now) {
    if (identities_.take(device->name(), identity_rule(device->role), now)) return std::nullopt;
    HALLQ_LOG_LIMITED(warn, "identity rate " + device->name(),
                      "ALERT device " << device->name() << " (" << to_string(device->role)
                                      << ") sends ID numbers faster than card swipes come; refused (rate_limited)");
    return Error{ErrorCode::rate_limited, "id numbers"};
}

void HallService::refuse(Outcome& out, std::string_view type, const Error& e, bool warn) {
    if (warn)
        HALLQ_LOG_LIMITED(warn, "refused " + std::string(to_string(e.code)),
                          "refused " << type << " (" << out.rid << "): " << to_string(e.code) << " " << e.detail);
    else HALLQ_LOG(debug, type << " refused (" << out.rid << "): " << to_string(e.code) << " " << e.detail);
    out.reply = make_error_reply(out.rid, e);
    out.publish.clear();
}

HallService::Outcome HallService::handle(std::string_view bytes, int64_t now, const Device* device) {
    Outcome out;
    // The exception barrier: whatever a handler throws is a refusal of this request only. The
    // state is reloaded from the store, so a change applied but not committed is forgotten.
    try {
        run(bytes, now, device, out);
    } catch (const StoreError& e) {
        HALLQ_LOG(error, "request " << out.rid << ": storage: " << e.what());
        reload();
        refuse(out, "request", Error{ErrorCode::internal, "storage"});
    } catch (const std::exception& e) {
        HALLQ_LOG(error, "request " << out.rid << " failed, state reloaded: " << e.what());
        reload();
        refuse(out, "request", Error{ErrorCode::internal, "unexpected"});
    } catch (...) {
        HALLQ_LOG(error, "request " << out.rid << " failed, state reloaded");
        reload();
        refuse(out, "request", Error{ErrorCode::internal, "unexpected"});
    }
    return out;
}

void HallService::run(std::string_view bytes, int64_t now, const Device* device, Outcome& out) {
    auto parsed = parse_request(bytes, &out.rid);
    if (auto* err = std::get_if<Error>(&parsed)) return refuse(out, "request", *err, true);
    const Request& req = std::get<Request>(parsed);
    const MessageInfo* msg = find_message(req.type);

    if (msg && msg->kind == MessageKind::query) {  // queries are never stored
        Call call{req, *msg, now, device};
        if (auto refusal = authorize(call, st_.hall)) return refuse(out, req.type, *refusal, true);
        if (auto refusal = within_rate(device, *msg, now)) return refuse(out, req.type, *refusal);
        QueryResult r = (*table_.query(msg->type))(call);
        if (auto* err = std::get_if<Error>(&r)) return refuse(out, req.type, *err);
        Json& body = std::get<Json>(r);
        Audience audience = audience_of(device);
        if (auto it = body.find("state"); it != body.end()) redact_snapshot(*it, audience);
        redact_reply(body, audience);
        out.reply = make_reply(req.rid, body);
        return;
    }

    // Idempotency: a request id seen before gets its stored reply, whatever the type or body.
    // Request ids are kept per device: a device gets only the replies of its own requests, and
    // a retry after its clerk session ended (a logout whose reply was lost) still gets its answer.
    std::string print = request_fingerprint(req.type, req.body);
    std::string stored_rid = device ? device->name() + "\x1f" + req.rid : req.rid;
    // An ID number, or a reservation code, costs its budget before the stored reply is looked up:
    // a retry with another number under the same request id cannot test guesses for free, and
    // codes cannot be tried at speed either.
    bool identifies = req.body.is_object() && (req.body.contains("id_number") ||
                                                (msg && msg->type == MessageType::check_in && req.body.contains("code")));
    if (msg && device && identifies)
        if (auto refusal = within_identity_rate(device, now)) return refuse(out, req.type, *refusal);
    if (auto cached = st_.store.cached_reply(stored_rid)) {
        // Replies stored by earlier releases carry the legacy fingerprint (pruned after 48 hours).
        if (!cached->fingerprint.empty() && cached->fingerprint != print &&
            cached->fingerprint != legacy_request_fingerprint(req.type, req.body))
            return refuse(out, req.type, Error{ErrorCode::rid_reused, req.rid}, true);
        HALLQ_LOG(debug, "repeated request " << req.rid << " answered from the log");
        out.reply = cached->reply;
        return;
    }
    if (!msg || msg->kind == MessageKind::internal) return refuse(out, req.type, Error{ErrorCode::unknown_type, req.type});

    Call call{req, *msg, now, device};
    if (auto refusal = authorize(call, st_.hall)) return refuse(out, req.type, *refusal, true);
    if (auto refusal = within_rate(device, *msg, now)) return refuse(out, req.type, *refusal);
    // Nobody is born after the service day (the decoders check every other ID-number rule).
    if (auto born = check_birth_dates(req.body, st_.hall.day())) return refuse(out, req.type, *born);
    CommandResult result = (*table_.command(msg->type))(call);
    if (auto* err = std::get_if<Error>(&result)) return refuse(out, req.type, *err);
    Work& w = std::get<Work>(result);
    // The reply as the device may see it: never a holder key; a display not even the holder.
    bool own = msg->type == MessageType::issue_ticket || msg->type == MessageType::check_in;
    w.reply = [inner = std::move(w.reply), audience = audience_of(device), own](const Hall& after) {
        Json body = inner(after);
        redact_reply(body, audience, own);
        return body;
    };
    out.reply = commit(w, req.rid, print, now, out.publish, stored_rid);
    if (w.notable) HALLQ_LOG(info, req.type << " done (" << req.rid << ")" << (w.summary.empty() ? "" : ": ") << w.summary);
    else HALLQ_LOG(debug, req.type << " done (" << req.rid << ")" << (w.summary.empty() ? "" : ": ") << w.summary);
}

}  // namespace hallq
