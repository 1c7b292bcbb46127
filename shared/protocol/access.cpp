// access.cpp - roles and the access column of the message table.
#include "protocol/access.h"

#include <array>
#include <stdexcept>

namespace hallq {

const char* to_string(Role r) {
    switch (r) {
        case Role::kiosk: return "kiosk";
        case Role::display: return "display";
        case Role::desk: return "desk";
        case Role::backoffice: return "backoffice";
        case Role::dashboard: return "dashboard";
        case Role::admin: return "admin";
    }
    return "?";
}

const char* role_label(Role r) {
    switch (r) {
        case Role::kiosk: return "自助取号机";
        case Role::display: return "显示屏";
        case Role::desk: return "窗口工作台";
        case Role::backoffice: return "后台审批";
        case Role::dashboard: return "管理看板";
        case Role::admin: return "管理工具";
    }
    return "?";
}

std::optional<Role> parse_role(std::string_view s) {
    for (Role r : kRoles)
        if (s == to_string(r)) return r;
    return std::nullopt;
}

Access parse_access(std::string_view text) {
    Access a;
    size_t at = 0;
    while (at < text.size()) {
        size_t end = text.find(' ', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view token = text.substr(at, end - at);
        at = end + 1;
        if (token.empty()) continue;
        Scope scope = Scope::none;
        if (size_t sign = token.find('@'); sign != std::string_view::npos) {
            std::string_view s = token.substr(sign + 1);
            if (s == "window") scope = Scope::window;
            else if (s == "session") scope = Scope::session;
            else throw std::logic_error("bad scope in access: " + std::string(token));
            token = token.substr(0, sign);
        }
        auto role = parse_role(token);
        if (!role) throw std::logic_error("unknown role in access: " + std::string(token));
        a.roles |= uint8_t(1u << unsigned(*role));
        a.scope[unsigned(*role)] = scope;
    }
    return a;
}

const Access& access_of(MessageType type) {
    static const auto table = [] {
        std::array<Access, 64> out{};
        for (const MessageInfo& m : message_table()) out.at(size_t(m.type)) = parse_access(m.access);
        return out;
    }();
    return table.at(size_t(type));
}

}  // namespace hallq
