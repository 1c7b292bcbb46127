// credentials.h - clerk passwords: argon2id hashes (libsodium), and the limit on failed logins.
//
// The server keeps only the hash (clerk_credentials in the store); a password itself is never
// stored, logged or put into a reply.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <string>

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

// Failed logins per clerk id, in memory: after kMaxFailures within kWindowMs the clerk id is
// refused for kLockMs, whatever password it comes with. A success clears the count.
class LoginGuard {
public:
    static constexpr int kMaxFailures = 5;
    static constexpr int64_t kWindowMs = 10 * 60 * 1000;
    static constexpr int64_t kLockMs = 5 * 60 * 1000;

    bool locked(const std::string& clerk, int64_t now) const;
    // Counts a failure; returns true when it locks the clerk id.
    bool failed(const std::string& clerk, int64_t now);
    void succeeded(const std::string& clerk) { clerks_.erase(clerk); }

private:
    struct Record {
        std::deque<int64_t> failures;  // times within the window
        int64_t locked_until = 0;
    };
    void forget_old(int64_t now);
    std::map<std::string, Record> clerks_;
};

}  // namespace hallq
