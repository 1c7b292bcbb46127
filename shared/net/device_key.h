// device_key.h - a device's CURVE identity: its key pair and the hall server's public key.
//
// Every device (kiosk, display, desk, admin tool) talks to the hall server under ZeroMQ CURVE.
// Its key file (JSON, mode 0600) holds the device's name, its public and secret key and the
// server's public key, Z85-encoded; `hallctl device enroll` writes it. The server's own key
// file has the same shape with "server" equal to "public".
//
// A process uses one device key: set_device_key() sets it; otherwise the file named by
// $HALLQ_DEVICE_KEY is read when the first client connects. Without one, connecting throws
// DeviceKeyError with what to do.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>

namespace hallq {

struct DeviceKeyError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct DeviceKey {
    std::string device;         // the name it is enrolled under
    std::string public_key;     // Z85, 40 characters
    std::string secret_key;     // Z85, 40 characters
    std::string server_key;     // the hall server's public key, Z85
};

// A new key pair (server_key left empty). Throws DeviceKeyError when libzmq has no CURVE.
DeviceKey generate_device_key(const std::string& device);
// Whether `z85` is a well-formed 40-character Z85 CURVE key.
bool valid_curve_key(const std::string& z85);

// Reads a key file. Refused (DeviceKeyError, with the reason) when it is missing, not a regular
// file, readable by group or others, not owned by this user, or malformed.
DeviceKey read_device_key(const std::string& path);
// Writes a key file with mode 0600 (O_EXCL unless `replace`). Throws DeviceKeyError.
void write_device_key(const std::string& path, const DeviceKey& key, bool replace = false);

// The process's device key.
void set_device_key(const DeviceKey& key);
// The key set, else $HALLQ_DEVICE_KEY's file, else DeviceKeyError.
const DeviceKey& device_key();

}  // namespace hallq
