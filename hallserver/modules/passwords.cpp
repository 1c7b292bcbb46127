// passwords.cpp - clerk passwords: argon2id hashes in the store, the lockout per clerk and device
// in the store too, a budget of checks per device in memory.
#include "modules/passwords.h"

#include "log.h"
#include "modules/tickets.h"
#include "protocol/commands.h"

namespace hallq {

PasswordsModule::PasswordsModule(ServiceState& st, HandlerTable& table) : st_(st) {
    table.on_command(MessageType::clerk_login, [this](const Call& c) { return login(c); });
    table.on_command(MessageType::change_password, [this](const Call& c) { return change(c); });
}

CommandResult PasswordsModule::login(const Call& c) {
    auto decoded = decode_command(std::string(c.msg.name), c.req.body);
    if (auto* err = std::get_if<Error>(&decoded)) return *err;
    Command cmd = std::get<Command>(std::move(decoded));
    ClerkLogin& login = std::get<ClerkLogin>(cmd);  // this handler is clerk_login's only
    if (auto refused = check(login.clerk, login.password, c)) return *refused;
    login.device = c.device ? c.device->name() : "";  // the session is bound to this desk
    return decide_command(st_.hall, cmd, c.now);
}

CommandResult PasswordsModule::change(const Call& c) {
    auto decoded = decode_password_change(c.req.body);
    if (auto* err = std::get_if<Error>(&decoded)) return *err;
    const PasswordChange& p = std::get<PasswordChange>(decoded);
    if (auto refused = check(p.clerk, p.old_password, c)) return *refused;
    Work w;
    w.credential = CredentialWrite{p.clerk, hash_password(p.new_password)};
    std::string clerk = p.clerk;
    w.reply = [clerk](const Hall&) { return Json{{"clerk", clerk}}; };
    w.summary = "clerk " + p.clerk + " changed their password";
    w.notable = true;
    return w;
}

std::optional<Error> PasswordsModule::check(const std::string& clerk, const std::string& password, const Call& c) {
    const std::string device = c.device ? c.device->name() : "local";
    // Requests made in the process are trusted; the admin key has no limit.
    if (c.device && !budget_.take(device, password_rule(c.device->role), c.now)) {
        HALLQ_LOG(warn, "device " << device << ": too many password checks; refused for a while");
        return Error{ErrorCode::rate_limited, "password checks"};
    }
    LoginFailures record{clerk, device};
    std::optional<std::string> hash;
    try {
        if (auto stored = st_.store.login_failures(clerk, device)) record = *stored;
        if (LoginLockout::locked(record, c.now)) {
            HALLQ_LOG(info, "password of clerk " << clerk << " from " << device << " not checked: locked after failed logins");
            int minutes = int((record.locked_until - c.now + 59999) / 60000);
            return Error{ErrorCode::login_locked, std::to_string(minutes) + " min"};
        }
        hash = st_.store.password_hash(clerk);
        if (!hash && unknown_clerk_hash_.empty()) unknown_clerk_hash_ = hash_password("no such clerk");
    } catch (const std::exception& e) {
        HALLQ_LOG(error, "password check failed: " << e.what());
        return Error{ErrorCode::internal, "storage"};
    }
    // An id without a credential costs the same time as a wrong password: ids cannot be probed.
    bool right = verify_password(hash ? *hash : unknown_clerk_hash_, password) && hash;
    try {
        if (right) {
            if (record.failures) st_.store.set_login_failures(LoginFailures{clerk, device});
            return std::nullopt;
        }
        record = LoginLockout::failed(record, c.now);
        st_.store.set_login_failures(record);
    } catch (const std::exception& e) {
        HALLQ_LOG(error, "login failures not stored: " << e.what());
        return Error{ErrorCode::internal, "storage"};
    }
    if (!hash)
        HALLQ_LOG(warn, "clerk " << clerk << " refused from " << device << ": no password set"
                                 << (st_.hall.catalogue().clerk(clerk) ? "" : " (not in the catalogue)"));
    else
        HALLQ_LOG(info, "clerk " << clerk << " refused from " << device << ": wrong password");
    if (record.locked_until > c.now)
        HALLQ_LOG(warn, "clerk " << clerk << " from " << device << ": " << record.failures
                                 << " failed logins; refused from this device for "
                                 << (record.locked_until - c.now) / 60000 << " minutes");
    return Error{ErrorCode::wrong_password, ""};
}

}  // namespace hallq
