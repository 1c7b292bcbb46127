// devices.h - the devices module: enroll_device, revoke_device and the devices list (admin only).
#pragma once
#include "modules/module.h"

namespace hallq {

class DevicesModule {
public:
    DevicesModule(ServiceState& st, HandlerTable& table);

private:
    CommandResult enroll(const Call& c);
    CommandResult revoke(const Call& c);
    QueryResult list(const Call& c) const;

    ServiceState& st_;
};

// A device's public view: name, role, place, key, times (never a secret).
Json device_view(const Device& d);

}  // namespace hallq
