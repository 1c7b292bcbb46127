// passwords.h - the passwords module: clerk_login's password check (with the lockout per clerk
// and device, and the per-device budget of checks) before the hall decides the login, and
// change_password.
#pragma once
#include <optional>
#include <string>

#include "credentials.h"
#include "modules/module.h"
#include "rate_limits.h"

namespace hallq {

class PasswordsModule {
public:
    PasswordsModule(ServiceState& st, HandlerTable& table);

private:
    CommandResult login(const Call& c);
    CommandResult change(const Call& c);
    // The lockout, then the stored hash. Returns the refusal, or nothing when the password is right.
    std::optional<Error> check(const std::string& clerk, const std::string& password, const Call& c);

    ServiceState& st_;
    TokenBuckets budget_;  // password checks per device (rate_limits.h)
    std::string unknown_clerk_hash_;  // verified against for ids without a credential: same cost
};

}  // namespace hallq
