// fuzz_request_path.cpp - libFuzzer target: any bytes as a request from any kind of device, through
// the whole pipeline (envelope → authorize → rates → decode → decide → fingerprint → commit → reply
// → publish) of a real HallService on an in-memory SQLite store.
//
// The first input byte picks the sender (in the process, kiosk, window screen, desk with a clerk
// session at window 1, admin); the rest is the request. It aborts when the server would have
// failed a hall: a reply that is not a well-formed envelope or not UTF-8, an event that is not
// JSON, or personal data where it must never be (a holder key anywhere, a holder in an event or in
// a reply to a display).
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/utf8.h"
#include "credentials.h"
#include "protocol/codec.h"
#include "protocol/envelope.h"
#include "service.h"
#include "sqlite/sqlite_store.h"

using namespace hallq;

namespace {
Device device(const std::string& name, Role role, int window) {
    Device d;
    d.row = DeviceRow{name, std::string(40, 'k'), to_string(role), "", window, 1, 0};
    d.role = role;
    return d;
}

struct World {
    ServerConfig cfg;
    IdentityVault vault = IdentityVault::from_key(std::string(32, 'k'));
    SqliteStore store{":memory:"};
    HallService svc{store, cfg, &vault};
    Device kiosk = device("kiosk-1", Role::kiosk, 0), screen = device("screen-1", Role::display, 1),
           desk = device("desk-1", Role::desk, 1), admin = device("admin", Role::admin, 0);
    int64_t now = 1795334400000;  // 2026-11-24 09:00 local-ish; the clock only moves forward

    World() {
        cfg.rollover_minutes = 0;
        std::ifstream in(HALLQ_TEST_DATA "/small-hall.json");
        std::stringstream buf;
        buf << in.rdbuf();
        svc.start(catalogue_from_json(Json::parse(buf.str())), now);
        // Clerks with a password, logged in (window 1 from desk-1), windows open: the fuzzer starts
        // where calls, transfers and ratings can happen.
        store.set_password_hash("c01", hash_password("fuzz-pass"), now);
        store.set_password_hash("c02", hash_password("fuzz-pass"), now);
        send(&desk, "clerk_login", Json{{"window", 1}, {"clerk", "c01"}, {"password", "fuzz-pass"}});
        send(nullptr, "clerk_login", Json{{"window", 2}, {"clerk", "c02"}, {"password", "fuzz-pass"}});
        send(&desk, "window_open", Json{{"window", 1}});
        send(nullptr, "window_open", Json{{"window", 2}});
    }
    void send(const Device* d, const std::string& type, const Json& body) {
        static int n = 0;
        svc.handle(make_request(type, "init-" + std::to_string(++n), body), now, d);
    }
};

void check(bool ok) {
    if (!ok) std::abort();
}

// Whether `j` has an object key `key` at any depth (a value that merely mentions it, such as an
// unknown type echoed in a refusal, does not count).
bool has_key(const Json& j, const char* key) {
    if (j.is_object()) {
        if (j.contains(key)) return true;
        for (const auto& [k, v] : j.items())
            if (has_key(v, key)) return true;
    } else if (j.is_array()) {
        for (const Json& v : j)
            if (has_key(v, key)) return true;
    }
    return false;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static World w;
    if (size < 1) return 0;
    const Device* senders[] = {nullptr, &w.kiosk, &w.screen, &w.desk, &w.admin};
    const Device* from = senders[data[0] % 5];
    std::string_view request(reinterpret_cast<const char*>(data + 1), size - 1);
    if (request.find("backup") != std::string_view::npos) return 0;  // it writes files wherever it is told
    w.now += 1500;
    HallService::Outcome out = w.svc.handle(request, w.now, from);
    check(utf8::valid(out.reply));
    auto reply = parse_reply(out.reply);
    check(reply.has_value());
    Json body = Json::parse(out.reply);
    check(!has_key(body, "holder_key"));
    if (from == &w.screen) check(!has_key(body, "holder"));
    for (const std::string& e : out.publish) {
        check(utf8::valid(e));
        Json event = Json::parse(e, nullptr, false);
        check(!event.is_discarded());
        check(!has_key(event, "holder") && !has_key(event, "holder_key"));
    }
    return 0;
}
