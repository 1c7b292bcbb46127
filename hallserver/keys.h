// keys.h - the hall server's key directory: its CURVE key pair (server.key), the local
// administrator's key (admin.key, for hallctl on this machine) and, by default, the identity key.
//
// The directory is made with mode 0700 on the first start and each key file with 0600; a
// directory or file that others can read, or that another user owns, is refused with the reason.
// Packages keep it in /etc/hallq/keys, apart from the database in /var/lib/hallq.
#pragma once
#include <string>

#include "net/device_key.h"

namespace hallq {

struct ServerKeys {
    DeviceKey server;  // "server" equals "public"
    DeviceKey admin;   // hallctl's key on this machine; its "server" is the server's public key
    std::string admin_path;
    bool created = false;  // made now
};

// Loads the key directory's server and admin keys, creating the directory and whichever key is
// missing. Throws DeviceKeyError with what is wrong.
ServerKeys load_or_create_keys(const std::string& dir);

}  // namespace hallq
