// passwords.cpp - clerk passwords: argon2id hashes in the store, the lockout in memory.
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
    const Command& cmd = std::get<Command>(decoded);
    const ClerkLogin& login = std::get<ClerkLogin>(cmd);  // this handler is clerk_login's only
    if (auto refused = check(login.clerk, login.password, c.now)) return *refused;
    return decide_command(st_.hall, cmd, c.now);
}

CommandResult PasswordsModule::change(const Call& c) {
    auto decoded = decode_password_change(c.req.body);
    if (auto* err = std::get_if<Error>(&decoded)) return *err;
    const PasswordChange& p = std::get<PasswordChange>(decoded);
    if (auto refused = check(p.clerk, p.old_password, c.now)) return *refused;
    Work w;
    w.credential = CredentialWrite{p.clerk, hash_password(p.new_password)};
    std::string clerk = p.clerk;
    w.reply = [clerk](const Hall&) { return Json{{"clerk", clerk}}; };
    w.summary = "clerk " + p.clerk + " changed their password";
    w.notable = true;
    return w;
}

std::optional<Error> PasswordsModule::check(const std::string& clerk, const std::string& password, int64_t now) {
    if (guard_.locked(clerk, now)) {
        HALLQ_LOG(info, "password of clerk " << clerk << " not checked: locked after failed logins");
        return Error{ErrorCode::login_locked, ""};
    }
    std::optional<std::string> hash;
    try {
        hash = st_.store.password_hash(clerk);
        if (!hash && unknown_clerk_hash_.empty()) unknown_clerk_hash_ = hash_password("no such clerk");
    } catch (const std::exception& e) {
        HALLQ_LOG(error, "password check failed: " << e.what());
        return Error{ErrorCode::internal, "storage"};
    }
    // An id without a credential costs the same time as a wrong password: ids cannot be probed.
    bool right = verify_password(hash ? *hash : unknown_clerk_hash_, password) && hash;
    if (right) {
        guard_.succeeded(clerk);
        return std::nullopt;
    }
    if (!hash)
        HALLQ_LOG(warn, "clerk " << clerk << " refused: no password set"
                                 << (st_.hall.catalogue().clerk(clerk) ? "" : " (not in the catalogue)"));
    else
        HALLQ_LOG(info, "clerk " << clerk << " refused: wrong password");
    if (guard_.failed(clerk, now))
        HALLQ_LOG(warn, "clerk " << clerk << ": " << LoginGuard::kMaxFailures
                                 << " failed logins within 10 minutes; refused for 5 minutes");
    return Error{ErrorCode::wrong_password, ""};
}

}  // namespace hallq
