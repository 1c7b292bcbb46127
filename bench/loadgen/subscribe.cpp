// subscribe.cpp - `hall-loadgen subscribe EVENTS_ENDPOINT [KEYFILE|plain]`: one display subscriber
// as its own process (under CURVE with the key file's key, or plain). Prints "ready" once the first heartbeat arrived, records every event (its sequence
// number) and, for each ticket_called, the server's publish stamp ("mono_us") and the reception
// time on the same monotonic clock. On "until N" on stdin it waits for sequence N (at most 30 s),
// then prints "R <events> <distinct seq> <max seq>" and one "C <seq> <server us> <received us>"
// line per call received, and exits. Stdin closed: exits at once.
#include <poll.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "common.h"
#include "net/device_key.h"
#include "net/zmq_context.h"

namespace loadgen {

namespace {
// The integer after `key` in `json` (0 when absent).
int64_t number_after(std::string_view json, std::string_view key) {
    size_t at = json.find(key);
    if (at == std::string_view::npos) return 0;
    int64_t n = 0;
    for (at += key.size(); at < json.size() && json[at] >= '0' && json[at] <= '9'; ++at) n = n * 10 + (json[at] - '0');
    return n;
}
}  // namespace

int subscribe_main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: hall-loadgen subscribe EVENTS_ENDPOINT [KEYFILE|plain]\n";
        return 2;
    }
    zmq::context_t ctx;
    zmq::socket_t sub(ctx, zmq::socket_type::sub);
    sub.set(zmq::sockopt::rcvhwm, 100000);
    sub.set(zmq::sockopt::subscribe, "");
    if (argc > 3 && std::string_view(argv[3]) != "plain") hallq::net::secure_client(sub, hallq::read_device_key(argv[3]));
    sub.connect(argv[2]);
    struct Call {
        uint64_t seq;
        int64_t server_us, received_us;
    };
    std::vector<Call> calls;
    calls.reserve(1 << 16);
    std::set<uint64_t> seen;
    uint64_t events = 0, max_seq = 0, until = 0;
    bool ready = false, stopping = false;
    int64_t stop_deadline = 0;
    std::string input;
    for (;;) {
        if (stopping && (max_seq >= until || mono_us() > stop_deadline)) break;
        zmq::pollitem_t items[2] = {{sub.handle(), 0, ZMQ_POLLIN, 0}, {nullptr, 0, ZMQ_POLLIN, 0}};
        int n_items = stopping ? 1 : 2;
        zmq::poll(items, size_t(n_items), std::chrono::milliseconds(200));
        if (n_items == 2 && (items[1].revents & ZMQ_POLLIN)) {
            char buf[256];
            ssize_t n = read(0, buf, sizeof buf);
            if (n <= 0) return 0;
            input.append(buf, size_t(n));
            if (input.find('\n') != std::string::npos) {
                until = std::stoull(input.substr(input.find(' ') + 1));
                stopping = true;
                stop_deadline = mono_us() + 30000000;
            }
        }
        if (!(items[0].revents & ZMQ_POLLIN)) continue;
        for (;;) {  // drain what is there
            std::vector<zmq::message_t> frames;
            if (!zmq::recv_multipart(sub, std::back_inserter(frames), zmq::recv_flags::dontwait)) break;
            int64_t now = mono_us();
            if (frames.size() != 2) continue;
            if (frames[0].to_string_view() == "heartbeat") {
                if (!ready) {
                    std::cout << "ready" << std::endl;
                    ready = true;
                }
                continue;
            }
            // The server writes compact JSON; three fields are read without a full parse, so that
            // 64 of these on two cores measure the delivery more than their own parsing.
            std::string_view body = frames[1].to_string_view();
            uint64_t seq = uint64_t(number_after(body, "\"seq\":"));
            ++events;
            seen.insert(seq);
            if (seq > max_seq) max_seq = seq;
            if (body.find("\"type\":\"ticket_called\"") != std::string_view::npos)
                calls.push_back({seq, number_after(body, "\"mono_us\":"), now});
        }
    }
    std::string out = "R " + std::to_string(events) + " " + std::to_string(seen.size()) + " " +
                      std::to_string(max_seq) + "\n";
    char line[96];
    for (const Call& c : calls) {
        std::snprintf(line, sizeof line, "C %llu %lld %lld\n", (unsigned long long)c.seq, (long long)c.server_us,
                      (long long)c.received_us);
        out += line;
    }
    std::cout << out << std::flush;
    return 0;
}

}  // namespace loadgen
