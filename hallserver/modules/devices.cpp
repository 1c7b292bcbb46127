// devices.cpp - enrolling and revoking devices; each change is written with its reply and logged.
#include "modules/devices.h"

#include "log.h"

namespace hallq {

Json device_view(const Device& d) {
    Json j{{"name", d.name()}, {"role", to_string(d.role)}, {"public_key", d.row.public_key},
           {"enrolled_at", d.row.enrolled_at}};
    if (d.row.window) j["window"] = d.row.window;
    if (!d.row.department.empty()) j["department"] = d.row.department;
    if (d.row.revoked_at) j["revoked_at"] = d.row.revoked_at;
    if (d.name() == DeviceRegistry::kLocalAdmin) j["local"] = true;
    return j;
}

DevicesModule::DevicesModule(ServiceState& st, HandlerTable& table) : st_(st) {
    table.on_command(MessageType::enroll_device, [this](const Call& c) { return enroll(c); });
    table.on_command(MessageType::revoke_device, [this](const Call& c) { return revoke(c); });
    table.on_query(MessageType::devices, [this](const Call& c) { return list(c); });
}

CommandResult DevicesModule::enroll(const Call& c) {
    const Json& b = c.req.body;
    std::string name = json_get<std::string>(b, "name", "");
    std::string role_text = json_get<std::string>(b, "role", "");
    std::string key = json_get<std::string>(b, "public_key", "");
    if (!b.contains("name") || !b["name"].is_string() || !valid_device_name(name))
        return bad_field("name");
    auto role = b.contains("role") && b["role"].is_string() ? parse_role(role_text) : std::nullopt;
    if (!role) return bad_field("role");
    if (!b.contains("public_key") || !b["public_key"].is_string() || !looks_like_curve_key(key))
        return bad_field("public_key");
    int window = 0;
    if (b.contains("window")) {
        if (!b["window"].is_number_integer()) return bad_field("window");
        window = b["window"].get<int>();
        if (!st_.hall.catalogue().window(window)) return Error{ErrorCode::unknown_window, std::to_string(window)};
    }
    if (window && *role != Role::desk && *role != Role::display) return bad_field("window");
    std::string department;
    if (b.contains("department")) {
        if (!b["department"].is_string()) return bad_field("department");
        department = b["department"].get<std::string>();
        bool known = false;
        for (const auto& dep : st_.hall.catalogue().departments) known = known || dep.code == department;
        if (!known) return bad_field("department");
    }
    bool replace = b.contains("replace") && b["replace"].is_boolean() && b["replace"].get<bool>();
    const Device* same_name = st_.devices.by_name(name);
    if (same_name && !replace) return Error{ErrorCode::device_exists, name};
    if (const Device* same_key = st_.devices.by_key(key); same_key && same_key->name() != name)
        return Error{ErrorCode::device_exists, "public_key"};
    Work w;
    w.device = DeviceRow{name, key, to_string(*role), department, window, c.now, 0};
    w.reply = [row = *w.device](const Hall&) { return device_view(Device{row, *parse_role(row.role)}); };
    w.summary = "device " + name + " enrolled as " + role_text + (window ? " at window " + std::to_string(window) : "") +
                (same_name ? " (new key)" : "");
    w.notable = true;
    return w;
}

CommandResult DevicesModule::revoke(const Call& c) {
    const Json& b = c.req.body;
    if (!b.contains("name") || !b["name"].is_string()) return bad_field("name");
    std::string name = b["name"].get<std::string>();
    const Device* d = st_.devices.by_name(name);
    if (!d || name == DeviceRegistry::kLocalAdmin) return Error{ErrorCode::unknown_device, name};
    if (d->row.revoked_at) return Error{ErrorCode::unknown_device, name + " is already revoked"};
    Work w;
    w.device = d->row;
    w.device->revoked_at = c.now;
    w.reply = [row = *w.device](const Hall&) { return device_view(Device{row, *parse_role(row.role)}); };
    w.summary = "device " + name + " revoked";
    w.notable = true;
    return w;
}

QueryResult DevicesModule::list(const Call&) const {
    Json out = Json::array();
    for (const Device* d : st_.devices.all()) out.push_back(device_view(*d));
    return Json{{"devices", out}};
}

}  // namespace hallq
