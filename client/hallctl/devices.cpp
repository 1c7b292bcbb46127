// devices.cpp - enrolling devices: a key pair made here (written to --out with the server's
// public key, mode 0600) or the device's own public key (--key), sent with its role and place.
#include "devices.h"

#include <chrono>
#include <filesystem>
#include <iostream>

#include "net/device_key.h"
#include "protocol/access.h"

namespace hallq::ctl {

namespace {
int refused(const Reply& r) {
    std::cerr << "拒绝 " << to_string(r.error.code) << ": " << r.message << " / " << message_en(r.error.code)
              << (r.error.detail.empty() ? "" : " (" + r.error.detail + ")") << "\n";
    return 3;
}

int unreachable() {
    std::cerr << "服务器无响应 / hall server unreachable\n";
    return 4;
}

void print_device(const Json& d) {
    auto role = parse_role(json_get<std::string>(d, "role", ""));
    std::cout << json_get<std::string>(d, "name", "") << "  " << json_get<std::string>(d, "role", "")
              << (role ? std::string(" ") + role_label(*role) : "");
    if (d.contains("window")) std::cout << "  窗口 window " << d["window"].get<int>();
    if (d.contains("department")) std::cout << "  部门 " << d["department"].get<std::string>();
    if (d.contains("revoked_at")) std::cout << "  已注销 revoked";
    if (json_get<bool>(d, "local", false)) std::cout << "  (本机管理密钥 the server's local admin key)";
    std::cout << "\n";
}

int enroll(RequestClient& client, const Args& a) {
    const std::string& name = a.word(1, "the device's NAME");
    if (!a.has("role")) throw UsageError("device enroll needs --role kiosk|display|desk|backoffice|dashboard|admin");
    if (a.has("out") == a.has("key")) throw UsageError("device enroll needs --out FILE (a new key pair) or --key PUBLIC");
    Json body{{"name", name}, {"role", a.get("role")}};
    if (a.has("window")) body["window"] = to_int(a.get("window"), "--window");
    if (a.has("department")) body["department"] = a.get("department");
    if (a.has("replace")) body["replace"] = true;
    DeviceKey made;
    std::string out = a.get("out");
    if (a.has("out")) {
        if (std::filesystem::exists(out) && !a.has("replace"))
            throw UsageError(out + " exists (pass --replace to write a new key over it)");
        made = generate_device_key(name);
        made.server_key = device_key().server_key;  // this hallctl's server
        body["public_key"] = made.public_key;
    } else {
        body["public_key"] = a.get("key");
    }
    auto reply = client.request(MessageType::enroll_device, body);
    if (!reply) return unreachable();
    if (!reply->ok) return refused(*reply);
    if (a.has("out")) write_device_key(out, made, a.has("replace"));
    std::cout << "已登记设备 / enrolled: ";
    print_device(reply->body);
    if (a.has("out"))
        std::cout << "设备密钥 / device key: " << out << " (mode 0600; copy it to the device and start the app with"
                  << " --device-key " << out << ")\n";
    else
        std::cout << "服务器公钥 / the server's public key for the device: " << device_key().server_key << "\n";
    return 0;
}
}  // namespace

int run_devices(RequestClient& client, const Args& a) {
    std::string action = a.words.size() > 1 ? a.words[1] : "list";
    if (action == "enroll") {
        Args shifted = a;
        shifted.words.erase(shifted.words.begin());
        return enroll(client, shifted);
    }
    if (action == "revoke") {
        Args shifted = a;
        shifted.words.erase(shifted.words.begin());
        auto reply = client.request(MessageType::revoke_device, Json{{"name", shifted.word(1, "the device's NAME")}});
        if (!reply) return unreachable();
        if (!reply->ok) return refused(*reply);
        std::cout << "已注销设备 / revoked: ";
        print_device(reply->body);
        return 0;
    }
    if (action != "list") throw UsageError("device ACTION is enroll, revoke or list");
    auto reply = client.request(MessageType::devices);
    if (!reply) return unreachable();
    if (!reply->ok) return refused(*reply);
    if (a.has("json")) {
        std::cout << reply->body.dump(2) << "\n";
        return 0;
    }
    for (const Json& d : reply->body.value("devices", Json::array())) print_device(d);
    return 0;
}

int run_audit(RequestClient& client, const Args& a) {
    if (a.word(1, "ACTION (verify)") != "verify") throw UsageError("audit ACTION is verify");
    client.set_timeout(std::chrono::milliseconds(60000));  // a long log takes a while
    auto reply = client.request(MessageType::audit_verify);
    if (!reply) return unreachable();
    if (!reply->ok) return refused(*reply);
    const Json& b = reply->body;
    if (a.has("json")) std::cout << b.dump(2) << "\n";
    uint64_t checked = json_get<uint64_t>(b, "checked", 0), unlinked = json_get<uint64_t>(b, "unlinked", 0);
    if (json_get<bool>(b, "ok", false)) {
        if (!a.has("json"))
            std::cout << "审计链完整 / the audit chain is whole: " << checked << " events (seq "
                      << json_get<uint64_t>(b, "first_seq", 0) << "-" << json_get<uint64_t>(b, "last_seq", 0) << ")"
                      << (unlinked ? ", " + std::to_string(unlinked) + " stored before the chain began" : "") << "\n";
        return 0;
    }
    if (!a.has("json"))
        for (const Json& p : b.value("problems", Json::array())) {
            std::string what = json_get<std::string>(p, "problem", "");
            uint64_t seq = json_get<uint64_t>(p, "seq", 0);
            if (what == "missing")
                std::cout << "缺失 / missing: events " << seq << "-" << json_get<uint64_t>(p, "to", seq) << " were deleted\n";
            else if (what == "modified")
                std::cout << "篡改 / modified: event " << seq << " does not match its link (changed or inserted)\n";
            else if (what == "unlinked")
                std::cout << "无链接 / unlinked: event " << seq << " has no link\n";
            else if (what == "start_missing")
                std::cout << "链起点缺失 / the record of where the chain began was removed (every event is checked)\n";
            else
                std::cout << "链起点被改 / the record of where the chain began was changed or put in by hand "
                             "(every event is checked)\n";
        }
    std::cerr << "hallctl: 审计链被破坏 / the audit chain is broken (" << checked << " events checked)\n";
    return 1;
}

}  // namespace hallq::ctl
