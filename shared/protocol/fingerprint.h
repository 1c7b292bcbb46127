// fingerprint.h - what a request asked for, as stored beside its reply (docs/protocol.md,
// "Idempotency"): FNV-1a 64 over the type and the canonical body, personal data masked first.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "protocol/json.h"

namespace hallq {

// FNV-1a, 64 bits (offset basis 14695981039346656037, prime 1099511628211).
uint64_t fnv1a64(std::string_view bytes);

// The body as it enters the fingerprint: every `id_number` (parsed and masked: 18 characters,
// upper-case X; masked as sent when it does not parse), `holder_name`, `name` and `phone` at any
// depth replaced by its masked form, every password by "*".
Json fingerprint_body(Json body);

// 16 lower-case hex digits of fnv1a64(type + "\n" + canonical fingerprint_body(body)).
std::string request_fingerprint(const std::string& type, const Json& body);

// The fingerprint as earlier releases computed it (an offset basis one digit short, the ID
// number masked as sent). Accepted for stored replies until the 48-hour pruning has removed them.
std::string legacy_request_fingerprint(const std::string& type, const Json& body);

}  // namespace hallq
