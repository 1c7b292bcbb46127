// service.cpp - commands: idempotent, committed before the reply, published after it.
#include "service.h"

#include <cstdio>
#include <stdexcept>

#include "core/estimator.h"
#include "core/idnumber.h"
#include "log.h"
#include "protocol/codec.h"
#include "protocol/commands.h"
#include "protocol/envelope.h"
#include "service_queries.h"

namespace hallq {

namespace {
// Personal fields, at any depth (import_reservations nests them), enter the fingerprint only in
// their masked form; passwords not at all.
void mask_personal(Json& j) {
    if (j.is_array()) {
        for (Json& x : j) mask_personal(x);
        return;
    }
    if (!j.is_object()) return;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        Json& v = *it;
        if (is_password_field(key)) v = "*";
        else if (!v.is_string()) mask_personal(v);
        else if (key == "id_number") v = mask_id_number(v.get<std::string>());
        else if (key == "holder_name" || key == "name") v = mask_name(v.get<std::string>());
        else if (key == "phone") v = mask_phone(v.get<std::string>());
    }
}

// What a request asked for, stable across restarts and builds: FNV-1a 64 of the type and the
// body in canonical form (object keys sorted), as hex. Personal data enters only in its masked
// form, the form the database already holds, so the stored fingerprint reveals nothing more.
// Passwords do not enter at all: each is replaced by the same constant, so a retry is still the
// same request, and the stored fingerprint reveals nothing about them.
std::string fingerprint(const std::string& type, Json body) {
    mask_personal(body);
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : type + "\n" + body.dump()) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}
}  // namespace

HallService::HallService(Store& store, const ServerConfig& cfg, const IdentityVault* vault)
    : store_(store), cfg_(cfg), vault_(vault) {}

std::vector<std::string> HallService::start(const std::optional<Catalogue>& catalogue, int64_t now) {
    hall_ = store_.load();
    std::vector<std::string> publish;
    bool changed = catalogue && to_json(*catalogue) != to_json(hall_.catalogue());
    bool policy_changed = to_json(cfg_.policy) != to_json(hall_.policy());
    if (changed || policy_changed) {
        std::vector<Event> setup{Hall::setup(catalogue ? *catalogue : hall_.catalogue(), cfg_.policy, now)};
        since_snapshot_ = cfg_.snapshot_every;  // store a snapshot with the new catalogue
        commit(std::move(setup), "", [] { return Json::object(); }, publish);
        HALLQ_LOG(info, "catalogue installed: " << hall_.catalogue().queues.size() << " queues, "
                                                << hall_.catalogue().items.size() << " items, "
                                                << hall_.catalogue().windows.size() << " windows");
    }
    if (hall_.catalogue().queues.empty())
        throw std::runtime_error("the database has no catalogue: start with --demo or --catalogue FILE");
    auto more = tick(now);
    publish.insert(publish.end(), more.begin(), more.end());
    return publish;
}

std::vector<std::string> HallService::tick(int64_t now) {
    std::vector<std::string> publish;
    std::string day = service_day(now, cfg_.rollover_minutes);
    if (day == hall_.day()) return publish;
    Command c;
    c.type = CommandType::rollover;
    c.day = day;
    Decision d = hall_.decide(c, now);
    if (!d.ok()) {  // the clock is behind the stored day: keep the day, warn once per day seen
        if (day != clock_behind_day_)
            HALLQ_LOG(warn, "the clock says service day " << day << " but day " << hall_.day()
                                                        << " is already open; keeping it");
        clock_behind_day_ = day;
        return publish;
    }
    since_snapshot_ = cfg_.snapshot_every;
    ReservationWrites no_shows;  // booked reservations of the days before are missed
    no_shows.no_show_before = day;
    commit(std::move(d.events), "", [] { return Json::object(); }, publish, "", no_shows);
    store_.prune_requests(now - 2 * 86400 * 1000LL);
    HALLQ_LOG(info, "service day " << day << " begins; ticket numbers restart");
    return publish;
}

std::string HallService::commit(std::vector<Event> events, const std::string& rid,
                                const std::function<Json()>& reply_body,
                                std::vector<std::string>& publish, const std::string& print,
                                const ReservationWrites& reservations) {
    uint64_t seq = hall_.seq();
    for (Event& e : events) {
        e.seq = ++seq;
        hall_.apply(e);
    }
    Json body = reply_body();
    body["seq"] = hall_.seq();
    std::string reply = make_reply(rid, body);
    since_snapshot_ += int(events.size());
    bool snapshot = since_snapshot_ >= cfg_.snapshot_every;
    try {
        store_.commit(events, hall_, rid, reply, snapshot, print, reservations);
    } catch (const StoreError& e) {
        HALLQ_LOG(error, "commit failed, state reloaded: " << e.what());
        hall_ = store_.load();
        return make_error_reply(rid, Error{ErrorCode::internal, "storage"});
    }
    if (snapshot && !events.empty()) since_snapshot_ = 0;
    for (const Event& e : events) publish.push_back(to_json(e, &hall_).dump());
    return reply;
}

bool HallService::begin_batch() {
    try {
        store_.begin_batch();
        return true;
    } catch (const StoreError& e) {
        HALLQ_LOG(error, "cannot open a batch: " << e.what());
        return false;
    }
}

bool HallService::end_batch() {
    try {
        store_.end_batch();
        return true;
    } catch (const StoreError& e) {
        HALLQ_LOG(error, "batch commit failed, state reloaded: " << e.what());
        hall_ = store_.load();
        return false;
    }
}

std::string HallService::internal_error_reply(const std::string& rid) {
    return make_error_reply(rid, Error{ErrorCode::internal, "storage"});
}

HallService::Outcome HallService::handle(std::string_view bytes, int64_t now) {
    Outcome out;
    std::string& rid = out.rid;
    auto parsed = parse_request(bytes, &rid);
    if (auto* err = std::get_if<Error>(&parsed)) {
        HALLQ_LOG(warn, "refused request: " << to_string(err->code) << " " << err->detail);
        out.reply = make_error_reply(rid, *err);
        return out;
    }
    const Request& req = std::get<Request>(parsed);
    if (req.type == "reservations") {
        out.reply = reservations_query(req);
        return out;
    }
    if (is_query_type(req.type)) {
        out.reply = answer_query(hall_, req.type, req.rid, req.body, now);
        return out;
    }
    std::string print = fingerprint(req.type, req.body);
    if (auto cached = store_.cached_reply(req.rid)) {
        if (!cached->fingerprint.empty() && cached->fingerprint != print) {
            HALLQ_LOG(warn, "request id " << req.rid << " reused for a different " << req.type);
            out.reply = make_error_reply(req.rid, Error{ErrorCode::rid_reused, req.rid});
            return out;
        }
        HALLQ_LOG(debug, "repeated request " << req.rid << " answered from the log");
        out.reply = cached->reply;
        return out;
    }
    if (req.type == "change_password") {
        out.reply = change_password(req.rid, req.body, print, now);
        return out;
    }
    if (req.type == "check_in") {
        out.reply = check_in(req, print, now, out.publish);
        return out;
    }
    if (req.type == "import_reservations") {
        out.reply = import_reservations(req, print, now);
        return out;
    }
    auto decoded = decode_command(req.type, req.body);
    if (auto* err = std::get_if<Error>(&decoded)) {
        HALLQ_LOG(debug, req.type << " refused: " << to_string(err->code) << " " << err->detail);
        out.reply = make_error_reply(req.rid, *err);
        return out;
    }
    Command& cmd = std::get<Command>(decoded);
    if (cmd.type == CommandType::issue_ticket) {
        if (const Ticket* held = prepare_id_issue(req, cmd)) {  // one active ticket per person and item
            int64_t id = held->id;
            ReservationWrites none;
            none.at = now;
            out.reply = commit({}, req.rid, [&] {
                Json j = command_result(hall_, id, 0, now);
                j["ticket"]["existing"] = true;
                return j;
            }, out.publish, print, none);
            return out;
        }
    }
    if (cmd.type == CommandType::clerk_login) {
        if (auto refused = check_password(cmd.clerk, cmd.password, now)) {
            out.reply = make_error_reply(req.rid, *refused);
            return out;
        }
    }
    Decision d = hall_.decide(cmd, now);
    if (!d.ok()) {
        HALLQ_LOG(debug, req.type << " refused: " << to_string(d.error.code) << " " << d.error.detail);
        out.reply = make_error_reply(req.rid, d.error);
        return out;
    }
    int64_t ticket = d.events.front().ticket;
    int window = d.events.front().window;
    out.reply = commit(std::move(d.events), req.rid,
                       [&] { return command_result(hall_, ticket, window, now); }, out.publish, print);
    HALLQ_LOG(debug, req.type << " done (" << req.rid << ")");
    return out;
}

std::optional<Error> HallService::check_password(const std::string& clerk, const std::string& password,
                                                 int64_t now) {
    if (login_guard_.locked(clerk, now)) {
        HALLQ_LOG(info, "password of clerk " << clerk << " not checked: locked after failed logins");
        return Error{ErrorCode::login_locked, ""};
    }
    std::optional<std::string> hash;
    try {
        hash = store_.password_hash(clerk);
        if (!hash && unknown_clerk_hash_.empty()) unknown_clerk_hash_ = hash_password("no such clerk");
    } catch (const std::exception& e) {
        HALLQ_LOG(error, "password check failed: " << e.what());
        return Error{ErrorCode::internal, "storage"};
    }
    // An id without a credential costs the same time as a wrong password: ids cannot be probed.
    bool right = verify_password(hash ? *hash : unknown_clerk_hash_, password) && hash;
    if (right) {
        login_guard_.succeeded(clerk);
        return std::nullopt;
    }
    if (!hash)
        HALLQ_LOG(warn, "clerk " << clerk << " refused: no password set"
                                 << (hall_.catalogue().clerk(clerk) ? "" : " (not in the catalogue)"));
    else
        HALLQ_LOG(info, "clerk " << clerk << " refused: wrong password");
    if (login_guard_.failed(clerk, now))
        HALLQ_LOG(warn, "clerk " << clerk << ": " << LoginGuard::kMaxFailures
                                 << " failed logins within 10 minutes; refused for 5 minutes");
    return Error{ErrorCode::wrong_password, ""};
}

std::string HallService::change_password(const std::string& rid, const Json& body,
                                         const std::string& print, int64_t now) {
    auto decoded = decode_password_change(body);
    if (auto* err = std::get_if<Error>(&decoded)) {
        HALLQ_LOG(debug, "change_password refused: " << to_string(err->code) << " " << err->detail);
        return make_error_reply(rid, *err);
    }
    const PasswordChange& p = std::get<PasswordChange>(decoded);
    if (auto refused = check_password(p.clerk, p.old_password, now)) return make_error_reply(rid, *refused);
    std::string reply = make_reply(rid, Json{{"clerk", p.clerk}, {"seq", hall_.seq()}});
    try {
        store_.set_password_hash(p.clerk, hash_password(p.new_password), now, rid, reply, print);
    } catch (const std::exception& e) {
        HALLQ_LOG(error, "password change failed: " << e.what());
        return make_error_reply(rid, Error{ErrorCode::internal, "storage"});
    }
    HALLQ_LOG(info, "clerk " << p.clerk << " changed their password");
    return reply;
}

}  // namespace hallq
