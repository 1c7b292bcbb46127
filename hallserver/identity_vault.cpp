// identity_vault.cpp - key file, keyed hash and secretbox through libsodium.
#include "identity_vault.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "credentials.h"

namespace hallq {

namespace {
std::string why() { return std::strerror(errno); }
}  // namespace

void IdentityVault::create_key_file(const std::string& path) {
    init_sodium();
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) throw KeyFileError("cannot create identity key file " + path + ": " + why());
    unsigned char key[kKeyBytes];
    crypto_kdf_keygen(key);
    bool ok = ::write(fd, key, sizeof key) == ssize_t(sizeof key) && ::fsync(fd) == 0;
    std::string error = ok ? "" : why();
    sodium_memzero(key, sizeof key);
    ok = (::close(fd) == 0) && ok;
    if (!ok) {
        ::unlink(path.c_str());
        throw KeyFileError("cannot write identity key file " + path + ": " + error);
    }
}

IdentityVault IdentityVault::load(const std::string& path) {
    init_sodium();
    // O_NONBLOCK: a FIFO or device put in its place must not hang the start (refused below).
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) throw KeyFileError("cannot read identity key file " + path + ": " + why());
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw KeyFileError("identity key file " + path + " is not a regular file");
    }
    if (st.st_uid != ::geteuid()) {
        ::close(fd);
        throw KeyFileError("身份密钥文件不安全 / identity key file " + path + " belongs to user " +
                           std::to_string(st.st_uid) + ", but the server runs as user " +
                           std::to_string(::geteuid()) + " (chown it to the server's user)");
    }
    if (st.st_mode & 077) {
        ::close(fd);
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", unsigned(st.st_mode & 07777));
        throw KeyFileError("identity key file " + path + " has mode " + mode +
                           ": group and others must have no access (chmod 600 " + path + ")");
    }
    if (st.st_size != off_t(kKeyBytes)) {
        ::close(fd);
        throw KeyFileError("identity key file " + path + " must hold exactly 32 bytes, not " +
                           std::to_string(st.st_size));
    }
    unsigned char master[kKeyBytes];
    ssize_t n = ::read(fd, master, sizeof master);
    ::close(fd);
    if (n != ssize_t(sizeof master)) {
        sodium_memzero(master, sizeof master);
        throw KeyFileError("cannot read identity key file " + path);
    }
    IdentityVault v;
    v.derive(master);
    sodium_memzero(master, sizeof master);
    return v;
}

IdentityVault IdentityVault::load_or_create(const std::string& path, bool& created) {
    created = false;
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 && errno == ENOENT) {
        create_key_file(path);
        created = true;
    }
    return load(path);
}

IdentityVault IdentityVault::from_key(const std::string& key32) {
    init_sodium();
    if (key32.size() != kKeyBytes) throw KeyFileError("an identity key has 32 bytes");
    IdentityVault v;
    v.derive(reinterpret_cast<const unsigned char*>(key32.data()));
    return v;
}

IdentityVault::IdentityVault(const IdentityVault& o) { *this = o; }

IdentityVault& IdentityVault::operator=(const IdentityVault& o) {
    std::memcpy(hash_key_, o.hash_key_, sizeof hash_key_);
    std::memcpy(box_key_, o.box_key_, sizeof box_key_);
    std::memcpy(audit_key_, o.audit_key_, sizeof audit_key_);
    return *this;
}

IdentityVault::~IdentityVault() {
    sodium_memzero(hash_key_, sizeof hash_key_);
    sodium_memzero(box_key_, sizeof box_key_);
    sodium_memzero(audit_key_, sizeof audit_key_);
}

void IdentityVault::derive(const unsigned char* master) {
    static_assert(crypto_kdf_KEYBYTES == kKeyBytes && crypto_generichash_KEYBYTES_MAX >= 32 &&
                  crypto_secretbox_KEYBYTES == 32);
    if (crypto_kdf_derive_from_key(hash_key_, sizeof hash_key_, 1, "hallqidn", master) != 0 ||
        crypto_kdf_derive_from_key(box_key_, sizeof box_key_, 2, "hallqidn", master) != 0 ||
        crypto_kdf_derive_from_key(audit_key_, sizeof audit_key_, 3, "hallqidn", master) != 0)
        throw KeyFileError("cannot derive identity subkeys");
}

IdentityVault::Hash IdentityVault::hash(const std::string& normalized_id) const {
    Hash h{};
    crypto_generichash(h.data(), h.size(), reinterpret_cast<const unsigned char*>(normalized_id.data()),
                       normalized_id.size(), hash_key_, sizeof hash_key_);
    return h;
}

std::string IdentityVault::audit_link(const std::string& previous, uint64_t seq, const std::string& body) const {
    crypto_generichash_state st;
    crypto_generichash_init(&st, audit_key_, sizeof audit_key_, 32);
    std::string head = previous + "\n" + std::to_string(seq) + "\n";
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(head.data()), head.size());
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(body.data()), body.size());
    unsigned char out[32];
    crypto_generichash_final(&st, out, sizeof out);
    static const char* kHex = "0123456789abcdef";
    std::string hex;
    for (unsigned char c : out) {
        hex += kHex[c >> 4];
        hex += kHex[c & 15];
    }
    return hex;
}

std::string IdentityVault::holder_key(const Hash& h) {
    return holder_key(std::string(reinterpret_cast<const char*>(h.data()), h.size()));
}

std::string IdentityVault::holder_key(const std::string& hash_bytes) {
    static const char* kHex = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < 16 && i < hash_bytes.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(hash_bytes[i]);
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    return out;
}

std::string IdentityVault::seal(const std::string& plain) const {
    std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(p, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(p + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                          plain.size(), p, box_key_);
    return out;
}

std::optional<std::string> IdentityVault::open(const std::string& sealed) const {
    if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
    const auto* p = reinterpret_cast<const unsigned char*>(sealed.data());
    std::string plain(sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), p + crypto_secretbox_NONCEBYTES,
                                   sealed.size() - crypto_secretbox_NONCEBYTES, p, box_key_) != 0)
        return std::nullopt;
    return plain;
}

}  // namespace hallq
