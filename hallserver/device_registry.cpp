// device_registry.cpp - the registry of devices let in, by key and by name.
#include "device_registry.h"

namespace hallq {

void DeviceRegistry::set_local_admin(const std::string& public_key) {
    Device d;
    d.row.name = kLocalAdmin;
    d.row.public_key = public_key;
    d.row.role = "admin";
    d.role = Role::admin;
    admin_ = d;
}

int DeviceRegistry::load(const std::vector<DeviceRow>& rows) {
    by_name_.clear();
    name_by_key_.clear();
    int skipped = 0;
    for (const DeviceRow& r : rows) {
        if (!parse_role(r.role)) {
            ++skipped;
            continue;
        }
        put(r);
    }
    return skipped;
}

void DeviceRegistry::put(const DeviceRow& row) {
    auto role = parse_role(row.role);
    if (!role) return;
    if (auto old = by_name_.find(row.name); old != by_name_.end()) name_by_key_.erase(old->second.row.public_key);
    by_name_[row.name] = Device{row, *role};
    if (row.revoked_at == 0) name_by_key_[row.public_key] = row.name;
}

const Device* DeviceRegistry::by_key(std::string_view public_key) const {
    if (admin_ && admin_->row.public_key == public_key) return &*admin_;
    auto it = name_by_key_.find(public_key);
    if (it == name_by_key_.end()) return nullptr;
    return by_name(it->second);
}

const Device* DeviceRegistry::by_name(std::string_view name) const {
    if (admin_ && name == kLocalAdmin) return &*admin_;
    auto it = by_name_.find(name);
    return it == by_name_.end() ? nullptr : &it->second;
}

std::vector<const Device*> DeviceRegistry::all() const {
    std::vector<const Device*> out;
    if (admin_) out.push_back(&*admin_);
    for (const auto& [name, d] : by_name_) out.push_back(&d);
    return out;
}

bool valid_device_name(std::string_view name) {
    if (name.empty() || name.size() > 40 || name == DeviceRegistry::kLocalAdmin) return false;
    for (char c : name) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                  c == '_' || c == '.';
        if (!ok) return false;
    }
    return true;
}

bool looks_like_curve_key(std::string_view key) {
    static constexpr std::string_view kZ85 =
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
    if (key.size() != 40) return false;
    for (char c : key)
        if (kZ85.find(c) == std::string_view::npos) return false;
    return true;
}

}  // namespace hallq
