// fingerprint.cpp - request fingerprints for idempotency.
#include "protocol/fingerprint.h"

#include <cstdio>

#include "core/idnumber.h"
#include "protocol/commands.h"

namespace hallq {

namespace {
constexpr uint64_t kOffsetBasis = 14695981039346656037ull;
constexpr uint64_t kLegacyOffsetBasis = 1469598103934665603ull;
constexpr uint64_t kPrime = 1099511628211ull;

uint64_t fnv1a64_from(uint64_t h, std::string_view bytes) {
    for (unsigned char c : bytes) {
        h ^= c;
        h *= kPrime;
    }
    return h;
}

std::string hex(uint64_t h) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

// Personal fields, at any depth (import_reservations nests them), in their masked form; passwords
// as "*". `parsed_ids`: the ID number as parsed (the form the store holds), else as sent.
void mask_personal(Json& j, bool parsed_ids) {
    if (j.is_array()) {
        for (Json& x : j) mask_personal(x, parsed_ids);
        return;
    }
    if (!j.is_object()) return;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        Json& v = *it;
        if (is_password_field(key)) v = "*";
        else if (!v.is_string()) mask_personal(v, parsed_ids);
        else if (key == "id_number") {
            std::string text = v.get<std::string>();
            auto parsed = parsed_ids ? parse_id_number(text) : std::nullopt;
            v = mask_id_number(parsed ? parsed->normalized : text);
        } else if (key == "holder_name" || key == "name") v = mask_name(v.get<std::string>());
        else if (key == "phone") v = mask_phone(v.get<std::string>());
    }
}
}  // namespace

uint64_t fnv1a64(std::string_view bytes) { return fnv1a64_from(kOffsetBasis, bytes); }

Json fingerprint_body(Json body) {
    mask_personal(body, true);
    return body;
}

std::string request_fingerprint(const std::string& type, const Json& body) {
    return hex(fnv1a64(type + "\n" + wire_text(fingerprint_body(body))));
}

std::string legacy_request_fingerprint(const std::string& type, const Json& body) {
    Json masked = body;
    mask_personal(masked, false);
    return hex(fnv1a64_from(kLegacyOffsetBasis, type + "\n" + wire_text(masked)));
}

}  // namespace hallq
