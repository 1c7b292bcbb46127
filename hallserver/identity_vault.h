// identity_vault.h - the server's protection of reservation holders' personal data (libsodium).
//
// One 32-byte key file (config `identity_key`, default: the database path + ".key") holds the
// master key; two subkeys are derived from it (crypto_kdf, context "hallqidn"): id 1 keys the
// BLAKE2b-256 hash of a normalized ID number (to find a person's reservations without storing the
// number), id 2 the secretbox that seals the ID number, name and phone at rest. The key material
// never leaves this class: not into the log, a reply or the database. Id 3 keys the audit chain of
// the event log (audit_link).
#pragma once
#include <array>
#include <optional>
#include <stdexcept>
#include <string>

namespace hallq {

// A key file that cannot be used; the message says why and what to do.
struct KeyFileError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class IdentityVault {
public:
    static constexpr size_t kKeyBytes = 32;
    using Hash = std::array<unsigned char, 32>;

    // Creates a new key file with random bytes (O_CREAT|O_EXCL, mode 0600). Throws KeyFileError,
    // also when the file exists.
    static void create_key_file(const std::string& path);
    // Reads the key file. Refused (KeyFileError) when it is not a regular file of exactly 32
    // bytes, or when group or others have any permission on it.
    static IdentityVault load(const std::string& path);
    // Loads the key file, creating it first if it does not exist; `created` tells which.
    static IdentityVault load_or_create(const std::string& path, bool& created);
    // From raw key bytes (tests).
    static IdentityVault from_key(const std::string& key32);

    IdentityVault(const IdentityVault& o);
    IdentityVault& operator=(const IdentityVault& o);
    ~IdentityVault();

    // Keyed BLAKE2b-256 of a normalized 18-character ID number.
    Hash hash(const std::string& normalized_id) const;
    // Hex of the first 16 bytes of a hash: the pseudonymous holder key on tickets.
    static std::string holder_key(const Hash& h);
    static std::string holder_key(const std::string& hash_bytes);

    // The audit chain's link of an event (store.h): 64 hex digits of the BLAKE2b-256, keyed with
    // subkey 3, of the previous link, the sequence number and the event's stored JSON.
    std::string audit_link(const std::string& previous, uint64_t seq, const std::string& body) const;

    // nonce ‖ crypto_secretbox_easy(plain).
    std::string seal(const std::string& plain) const;
    // The plain text, or nullopt when `sealed` was not sealed with this key or was altered.
    std::optional<std::string> open(const std::string& sealed) const;

private:
    IdentityVault() = default;
    void derive(const unsigned char* master);

    unsigned char hash_key_[32] = {};
    unsigned char box_key_[32] = {};
    unsigned char audit_key_[32] = {};
};

}  // namespace hallq
