// access.h - device roles and what each message of the table asks of the device that sends it.
//
// Every device is enrolled with one role and, for desks and window screens, a place (a window).
// The message table (messages.def) names per message the roles that may send it; a role may carry
// a scope: "@window" (only for the window the device is enrolled at) or "@session" (only for the
// window where the device's own clerk session is). The server's authorize step enforces it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/messages.h"

namespace hallq {

enum class Role : uint8_t { kiosk, display, desk, backoffice, dashboard, admin };
inline constexpr Role kRoles[] = {Role::kiosk,      Role::display,   Role::desk,
                                  Role::backoffice, Role::dashboard, Role::admin};

const char* to_string(Role r);
std::optional<Role> parse_role(std::string_view s);
// 中文 name of the role, for hallctl and the docs.
const char* role_label(Role r);

enum class Scope : uint8_t { none, window, session };

struct Access {
    uint8_t roles = 0;           // bit per Role
    Scope scope[6] = {};         // per Role, when allowed
    bool allows(Role r) const { return roles & (1u << unsigned(r)); }
    Scope scope_of(Role r) const { return scope[unsigned(r)]; }
};

// The access column of `type`'s row, parsed once. Throws std::logic_error on a malformed row
// (caught by the message table test).
const Access& access_of(MessageType type);
Access parse_access(std::string_view text);

}  // namespace hallq
