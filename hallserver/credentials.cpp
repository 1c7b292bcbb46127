// credentials.cpp - argon2id hashing through libsodium, demo passwords, the failed-login limit.
#include "credentials.h"

#include <algorithm>

#include <sodium.h>

#include <mutex>
#include <stdexcept>

#include "core/catalogue.h"
#include "store.h"

namespace hallq {

void init_sodium() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised");
    });
}

std::string hash_password(const std::string& password) {
    init_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("password hashing failed (out of memory)");
    return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
    init_sodium();
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

int seed_passwords(Store& store, const Catalogue& catalogue, const std::string& password, int64_t now) {
    std::string hash;  // one hash (with its salt) serves every clerk seeded now
    int seeded = 0;
    for (const Clerk& c : catalogue.clerks) {
        if (store.password_hash(c.id)) continue;
        if (hash.empty()) hash = hash_password(password);
        store.set_password_hash(c.id, hash, now);
        ++seeded;
    }
    return seeded;
}

LoginFailures LoginLockout::failed(LoginFailures f, int64_t now) {
    if (f.failures < kMaxFailures && f.first_at <= now - kWindowMs) f.failures = 0;  // an old streak
    if (f.failures == 0) f.first_at = now;
    ++f.failures;
    if (f.failures >= kMaxFailures) {
        int doublings = std::min(f.failures - kMaxFailures, 4);
        f.locked_until = now + std::min(kLockMs << doublings, kMaxLockMs);
    }
    return f;
}

}  // namespace hallq
