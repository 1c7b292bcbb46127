// device_registry.h - the devices the hall server lets in: the enrolled ones (store table `devices`) and
// the local administrator's key (admin.key in the server's key directory), by CURVE public key.
//
// The ZAP handler (server.cpp) admits a connection only with a key found here; every request
// then carries the device it came from, and the pipeline's authorize step (authorize.h) checks the
// message table's access column against the device's role and place.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/access.h"
#include "store.h"

namespace hallq {

struct Device {
    DeviceRow row;  // name, public key, role, window, department, enrolment times
    Role role = Role::kiosk;
    const std::string& name() const { return row.name; }
    int window() const { return row.window; }
};

class DeviceRegistry {
public:
    // The name the key directory's admin key is let in under; never enrolled.
    static constexpr const char* kLocalAdmin = "admin";

    void set_local_admin(const std::string& public_key);
    // Replaces the enrolled devices. Rows with an unknown role are skipped (returns how many).
    int load(const std::vector<DeviceRow>& rows);
    // Adds or replaces a device's row (an enrolment or revocation just committed).
    void put(const DeviceRow& row);

    // The device a connection with `public_key` is let in as: enrolled and not revoked.
    const Device* by_key(std::string_view public_key) const;
    // A device by name, revoked or not (the local admin too).
    const Device* by_name(std::string_view name) const;
    std::vector<const Device*> all() const;

private:
    std::optional<Device> admin_;
    std::map<std::string, Device, std::less<>> by_name_;
    std::map<std::string, std::string, std::less<>> name_by_key_;
};

// Whether `name` can name a device: 1-40 of a-z A-Z 0-9 - _ . and not the local admin's.
bool valid_device_name(std::string_view name);
// Whether `key` looks like a Z85 CURVE public key (40 characters of the Z85 alphabet).
bool looks_like_curve_key(std::string_view key);

}  // namespace hallq
