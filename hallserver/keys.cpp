// keys.cpp - the server's key directory.
#include "keys.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace hallq {

namespace {
// The server's user must own its keys and their directory, root too: another user's are theirs to change.
void check_owner(const struct stat& st, const std::string& what, const std::string& path) {
    if (st.st_uid == ::geteuid()) return;
    throw DeviceKeyError("密钥不安全 / " + what + " " + path + " belongs to user " + std::to_string(st.st_uid) +
                         ", but the server runs as user " + std::to_string(::geteuid()) +
                         " (chown it to the server's user)");
}

void check_dir(const std::string& dir) {
    struct stat st{};
    if (::lstat(dir.c_str(), &st) != 0) {
        if (errno != ENOENT) throw DeviceKeyError("cannot use the key directory " + dir + ": " + std::strerror(errno));
        std::error_code ec;
        std::filesystem::create_directories(std::filesystem::path(dir).parent_path().empty()
                                                ? std::filesystem::path(".")
                                                : std::filesystem::path(dir).parent_path(), ec);
        if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
            throw DeviceKeyError("cannot make the key directory " + dir + ": " + std::strerror(errno));
        ::lstat(dir.c_str(), &st);
    }
    if (!S_ISDIR(st.st_mode)) throw DeviceKeyError("the key directory " + dir + " is not a directory");
    check_owner(st, "the key directory", dir);
    if (st.st_mode & 077)
        throw DeviceKeyError("密钥目录不安全 / the key directory " + dir +
                             " may be read by group or others (chmod 700 " + dir + ")");
}

DeviceKey load_or_make(const std::string& path, const std::string& device, const std::string& server_public,
                       bool& created) {
    struct stat st{};
    if (::lstat(path.c_str(), &st) == 0) {
        if (S_ISREG(st.st_mode)) check_owner(st, "the key", path);  // read_device_key lets root read any
        return read_device_key(path);
    }
    DeviceKey k = generate_device_key(device);
    k.server_key = server_public.empty() ? k.public_key : server_public;
    write_device_key(path, k);
    created = true;
    return k;
}
}  // namespace

ServerKeys load_or_create_keys(const std::string& dir) {
    check_dir(dir);
    ServerKeys keys;
    keys.server = load_or_make(dir + "/server.key", "hallserver", "", keys.created);
    if (keys.server.server_key != keys.server.public_key)
        throw DeviceKeyError("the server key " + dir + "/server.key is not a server's key (its server key differs)");
    keys.admin_path = dir + "/admin.key";
    keys.admin = load_or_make(keys.admin_path, "admin", keys.server.public_key, keys.created);
    if (keys.admin.server_key != keys.server.public_key)
        throw DeviceKeyError("the admin key " + keys.admin_path + " belongs to another server: remove it to make a new one");
    return keys;
}

}  // namespace hallq
