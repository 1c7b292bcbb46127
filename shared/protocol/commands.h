// commands.h - request bodies of the state-changing messages, decoded and checked.
#pragma once
#include <optional>
#include <string>
#include <variant>

#include "core/hall.h"
#include "protocol/json.h"

namespace hallq {

// The queries a client may send (they change nothing): snapshot, status, ticket, call_order, ping,
// reservations.
bool is_query_type(const std::string& type);

// Decodes a command body into the body of its type (core/command.h), reading and checking only
// the fields that type takes; others are ignored. Unknown type → unknown_type; a wrong or
// missing field → bad_field naming it; an invalid ID number → invalid_id_number. A valid ID
// number or holder name is reduced to its masked form here: the full value never reaches the
// hall state. `rollover` is the server's own command and is not accepted from clients.
// `clerk_login` also needs `password`, kept only in ClerkLogin::password.
// A `holder_key` in the body is ignored: only the server sets IssueTicket::holder_key.
std::variant<Command, Error> decode_command(const std::string& type, const Json& body);

// change_password: a clerk's own password change, handled by the server, not a hall command.
struct PasswordChange {
    std::string clerk, old_password, new_password;
};
constexpr size_t kMinPasswordLength = 6;  // characters
// Missing or invalid field → bad_field naming it; a new password shorter than
// kMinPasswordLength → bad_field "new_password".
std::variant<PasswordChange, Error> decode_password_change(const Json& body);

// The first `id_number` in `body`, at any depth, that parses but whose birth date lies after
// `today` (the service day, YYYY-MM-DD): invalid_id_number with detail "birth date", prefixed by
// its place inside a list ("reservations[3].id_number: birth date"). Nothing when there is none.
std::optional<Error> check_birth_dates(const Json& body, const std::string& today);

// The body fields that hold passwords: never logged, stored or fingerprinted.
bool is_password_field(const std::string& key);

}  // namespace hallq
