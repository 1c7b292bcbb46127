// device_key.cpp - CURVE key pairs and key files.
#include "net/device_key.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <zmq.h>

#include "protocol/json.h"

namespace hallq {

namespace {
std::mutex g_mutex;
std::optional<DeviceKey> g_key;

std::string text_of(int fd) {
    std::string out;
    char buf[4096];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        out.append(buf, size_t(n));
        if (out.size() > 65536) break;
    }
    return out;
}
}  // namespace

bool valid_curve_key(const std::string& z85) {
    if (z85.size() != 40) return false;
    unsigned char raw[32];
    return zmq_z85_decode(raw, z85.c_str()) != nullptr;
}

DeviceKey generate_device_key(const std::string& device) {
    if (!zmq_has("curve")) throw DeviceKeyError("this libzmq has no CURVE security");
    char pub[41], sec[41];
    if (zmq_curve_keypair(pub, sec) != 0)
        throw DeviceKeyError(std::string("cannot make a key pair: ") + zmq_strerror(zmq_errno()));
    DeviceKey k{device, pub, sec, ""};
    std::memset(sec, 0, sizeof sec);
    return k;
}

DeviceKey read_device_key(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);  // a FIFO must not hang
    if (fd < 0)
        throw DeviceKeyError("设备密钥无法读取 / cannot read the device key " + path + ": " + std::strerror(errno));
    struct stat st{};
    ::fstat(fd, &st);
    std::string problem;
    if (!S_ISREG(st.st_mode)) problem = "not a regular file";
    else if (st.st_mode & 077) problem = "group or others may read it (chmod 600 " + path + ")";
    else if (st.st_uid != ::geteuid() && ::geteuid() != 0) problem = "owned by another user";
    std::string text = problem.empty() ? text_of(fd) : "";
    ::close(fd);
    if (!problem.empty()) throw DeviceKeyError("设备密钥不安全 / the device key " + path + " is refused: " + problem);
    Json j = Json::parse(text, nullptr, false);
    DeviceKey k;
    if (j.is_object()) {
        k.device = json_get<std::string>(j, "device", "");
        k.public_key = json_get<std::string>(j, "public", "");
        k.secret_key = json_get<std::string>(j, "secret", "");
        k.server_key = json_get<std::string>(j, "server", "");
    }
    if (k.device.empty() || !valid_curve_key(k.public_key) || !valid_curve_key(k.secret_key) ||
        !valid_curve_key(k.server_key))
        throw DeviceKeyError("设备密钥已损坏 / the device key " + path +
                             " is malformed (it needs device, public, secret and server keys)");
    char derived[41];
    if (zmq_curve_public(derived, k.secret_key.c_str()) != 0 || k.public_key != derived)
        throw DeviceKeyError("设备密钥已损坏 / the device key " + path + " is corrupted: its keys do not belong together");
    return k;
}

void write_device_key(const std::string& path, const DeviceKey& key, bool replace) {
    Json j{{"device", key.device}, {"public", key.public_key}, {"secret", key.secret_key}, {"server", key.server_key}};
    std::string text = j.dump(2) + "\n";
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (replace ? O_TRUNC : O_EXCL);
    int fd = ::open(path.c_str(), flags, 0600);
    if (fd < 0) throw DeviceKeyError("cannot write the key file " + path + ": " + std::strerror(errno));
    ::fchmod(fd, 0600);
    bool ok = ::write(fd, text.data(), text.size()) == ssize_t(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) throw DeviceKeyError("cannot write the key file " + path + ": " + std::strerror(errno));
}

void set_device_key(const DeviceKey& key) {
    std::lock_guard lock(g_mutex);
    g_key = key;
}

const DeviceKey& device_key() {
    std::lock_guard lock(g_mutex);
    if (!g_key) {
        const char* path = std::getenv("HALLQ_DEVICE_KEY");
        if (!path || !*path)
            throw DeviceKeyError(
                "这台设备没有设备密钥 / this device has no device key: ask the hall's administrator to enrol it"
                " (hallctl device enroll NAME --role ROLE --out FILE) and pass the file with --device-key FILE"
                " or $HALLQ_DEVICE_KEY");
        g_key = read_device_key(path);
    }
    return *g_key;
}

}  // namespace hallq
