// credentials.cpp - argon2id hashing through libsodium, demo passwords, the failed-login limit.
#include "credentials.h"

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

bool LoginGuard::locked(const std::string& clerk, int64_t now) const {
    auto it = clerks_.find(clerk);
    return it != clerks_.end() && now < it->second.locked_until;
}

bool LoginGuard::failed(const std::string& clerk, int64_t now) {
    if (clerks_.size() > 10000) forget_old(now);  // ids are the caller's text: keep the map small
    Record& r = clerks_[clerk];
    r.failures.push_back(now);
    while (!r.failures.empty() && r.failures.front() <= now - kWindowMs) r.failures.pop_front();
    if (int(r.failures.size()) < kMaxFailures) return false;
    r.failures.clear();
    r.locked_until = now + kLockMs;
    return true;
}

void LoginGuard::forget_old(int64_t now) {
    for (auto it = clerks_.begin(); it != clerks_.end();) {
        const Record& r = it->second;
        bool stale = now >= r.locked_until && (r.failures.empty() || r.failures.back() <= now - kWindowMs);
        it = stale ? clerks_.erase(it) : std::next(it);
    }
}

}  // namespace hallq
