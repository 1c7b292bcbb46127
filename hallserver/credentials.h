// credentials.h - clerk passwords: argon2id hashes (libsodium), and the limit on failed logins.
//
// The server keeps only the hash (clerk_credentials in the store); a password itself is never
// stored, logged or put into a reply.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "store.h"

namespace hallq {

// Initialises libsodium once per process (hashing, the identity vault); throws when it cannot.
void init_sodium();

class Store;
struct Catalogue;

// argon2id with libsodium's interactive limits; the result holds its own salt and parameters.
// Throws std::runtime_error when libsodium cannot work (e.g. out of memory).
std::string hash_password(const std::string& password);
// Whether `password` matches a hash from hash_password. A malformed hash never matches.
bool verify_password(const std::string& hash, const std::string& password);

// The password `--demo` gives every catalogue clerk that has none (docs/configuration.md).
inline constexpr const char* kDemoPassword = "hallq2026";

// Stores a hash of `password` for every clerk of `catalogue` that has no credential yet.
// Returns how many clerks got one. Throws StoreError.
int seed_passwords(Store& store, const Catalogue& catalogue, const std::string& password, int64_t now);

// The login lockout, per (clerk id, device) and kept in the store (table login_failures), so it
// survives a restart and wrong guesses from one device never lock the clerk out of their own desk.
// After kMaxFailures failures within kWindowMs the pair is refused for kLockMs; every further
// failure after a lock doubles it, up to kMaxLockMs. A success clears the pair.
struct LoginLockout {
    static constexpr int kMaxFailures = 5;
    static constexpr int64_t kWindowMs = 10 * 60 * 1000;
    static constexpr int64_t kLockMs = 5 * 60 * 1000;
    static constexpr int64_t kMaxLockMs = 80 * 60 * 1000;

    // `f` after one more failure at `now`.
    static LoginFailures failed(LoginFailures f, int64_t now);
    static bool locked(const LoginFailures& f, int64_t now) { return now < f.locked_until; }
};


}  // namespace hallq
