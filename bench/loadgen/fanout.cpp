// fanout.cpp - scenario 2, call fan-out: 150 desks, 64 display processes, 20,000 calls; the time
// from the server publishing each call (its "mono_us" stamp, taken after the commit) and from the
// desk sending call_next, to its reception at every display.
#include <unistd.h>

#include <array>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "common.h"
#include "net/request_client.h"
#include "protocol/messages.h"

namespace fs = std::filesystem;

namespace loadgen {

void open_windows(const std::string& requests, int n) {
    std::atomic<int> next{1};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            hallq::RequestClient c(requests, "login" + std::to_string(t));
            c.set_timeout(std::chrono::seconds(30));
            for (int w; (w = next++) <= n;) {
                auto r = c.request(hallq::MessageType::clerk_login, hallq::Json{{"window", w}, {"clerk", clerk_id(w)}, {"password", "hallq2026"}});
                if (!r || !r->ok) die("clerk_login at window " + std::to_string(w) + " refused");
                r = c.request("window_open", hallq::Json{{"window", w}});
                if (!r || !r->ok) die("window_open " + std::to_string(w) + " refused");
            }
        });
    for (auto& t : threads) t.join();
}

Subscribers::Subscribers(const std::string& events, int n, const std::string& key) {
    for (int i = 0; i < n; ++i)
        procs.push_back(std::make_unique<Child>(std::vector<std::string>{self_exe(), "subscribe", events, key}, false));
    for (auto& p : procs) p->line_with("ready");
}

std::vector<Subscribers::Result> Subscribers::finish(uint64_t until) {
    for (auto& p : procs) p->send("until " + std::to_string(until) + "\n");
    std::vector<Result> all;
    for (auto& p : procs) {
        std::istringstream in(p->rest());
        Result r;
        std::string tag;
        in >> tag >> r.events >> r.distinct >> r.max_seq;
        if (tag != "R") die("a subscriber printed no result");
        Call c{};
        while (in >> tag >> c.seq >> c.server_us >> c.received_us) r.calls.push_back(c);
        all.push_back(std::move(r));
    }
    return all;
}

namespace {
// The same fan-out without the hall: a bare ZeroMQ PUB socket (this process, one thread, the
// server's socket options) sends a call and a no-show event per call, in the hall's JSON and of its
// sizes, at the same rate to the same number of subscriber processes. Returns the publish →
// reception latencies of the calls (ms) and the deliveries.
std::vector<double> raw_fanout(int displays, int calls, double rate, size_t& delivered) {
    zmq::context_t ctx(1);
    zmq::socket_t pub(ctx, zmq::socket_type::pub);
    pub.set(zmq::sockopt::linger, 0);
    pub.set(zmq::sockopt::sndhwm, 100000);
    pub.bind("tcp://127.0.0.1:*");
    std::string ep = pub.get(zmq::sockopt::last_endpoint);
    std::mutex send_m;
    auto send = [&](const char* topic, const std::string& body) {
        std::lock_guard<std::mutex> l(send_m);
        std::array<zmq::const_buffer, 2> frames = {zmq::buffer(std::string_view(topic)), zmq::buffer(body)};
        zmq::send_multipart(pub, frames, zmq::send_flags::dontwait);
    };
    std::atomic<bool> beating{true};
    std::thread beat([&] {  // subscribers are ready on their first heartbeat
        while (beating) {
            send("heartbeat", "{\"v\":1,\"seq\":0,\"at\":1795309200000}");
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    Subscribers subs(ep, displays, "plain");
    beating = false;
    beat.join();
    int64_t t0 = mono_us() + 100000;
    char body[320];
    for (int i = 0; i < calls; ++i) {
        int64_t at = t0 + int64_t(double(i) * 1e6 / rate);
        std::this_thread::sleep_for(std::chrono::microseconds(std::max<int64_t>(0, at - mono_us())));
        int window = 1 + i % 150, ticket = i + 1;
        std::string number = std::string(1, queue_letter(i % 10)) + fmt("%03.0f", double(1 + i / 10));
        std::snprintf(body, sizeof body,
                      "{\"mono_us\":%lld,\"v\":1,\"seq\":%d,\"type\":\"ticket_called\",\"at\":1795309200000,"
                      "\"window\":%d,\"ticket\":%d,\"streak\":0,\"number\":\"%s\",\"window_name\":\"窗口%d\"}",
                      (long long)mono_us(), 2 * i + 1, window, ticket, number.c_str(), window);
        send("event", body);
        std::snprintf(body, sizeof body,
                      "{\"mono_us\":%lld,\"v\":1,\"seq\":%d,\"type\":\"ticket_no_show\",\"at\":1795309200000,"
                      "\"window\":%d,\"ticket\":%d,\"number\":\"%s\"}",
                      (long long)mono_us(), 2 * i + 2, window, ticket, number.c_str());
        send("event", body);
    }
    std::vector<double> latency;
    delivered = 0;
    for (const auto& r : subs.finish(uint64_t(2 * calls)))
        for (const auto& c : r.calls) {
            ++delivered;
            latency.push_back(double(c.received_us - c.server_us) / 1000.0);
        }
    return latency;
}
}  // namespace

FanoutRun fanout_run(int windows, int queues, int displays, int calls, double rate, bool plain) {
    fs::path dir = fs::temp_directory_path() / ("hallq-loadgen-fanout-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    write_catalogue(dir / "hall.json", windows, queues);
    Server server(dir, dir / "hall.json", HALLSERVER_BIN, plain);
    std::cerr << "hall-loadgen: fanout: opening " << windows << " windows\n";
    open_windows(server.requests, windows);
    std::cerr << "hall-loadgen: fanout: issuing " << calls << " tickets\n";
    {  // the tickets to call, issued before the displays start
        std::atomic<int> next{0};
        std::vector<std::thread> kiosks;
        for (int k = 0; k < 16; ++k)
            kiosks.emplace_back([&, k] {
                hallq::RequestClient c(server.requests, "kiosk" + std::to_string(k));
                for (int i; (i = next++) < calls;) {
                    auto r = c.request(hallq::MessageType::issue_ticket, hallq::Json{{"queue", std::string(1, queue_letter(i % queues))}});
                    if (!r || !r->ok) die("issue_ticket refused");
                }
            });
        for (auto& t : kiosks) t.join();
    }
    std::cerr << "hall-loadgen: fanout: starting " << displays << " displays\n";
    Subscribers subs(server.events, displays);
    std::cerr << "hall-loadgen: fanout: calling\n";
    std::vector<int64_t> sent_us(static_cast<size_t>(calls)), seq_of(static_cast<size_t>(calls));
    std::atomic<int> next{0};
    std::atomic<uint64_t> last_seq{0};
    int64_t t0 = mono_us() + 100000;
    std::vector<std::thread> desks;
    for (int w = 1; w <= windows; ++w)
        desks.emplace_back([&, w] {
            hallq::RequestClient c(server.requests, "desk" + std::to_string(w));
            for (int i; (i = next++) < calls;) {
                int64_t at = t0 + int64_t(double(i) * 1e6 / rate);
                std::this_thread::sleep_for(std::chrono::microseconds(std::max<int64_t>(0, at - mono_us())));
                sent_us[size_t(i)] = mono_us();
                auto r = c.request(hallq::MessageType::call_next, hallq::Json{{"window", w}});
                if (!r || !r->ok) die("call_next at window " + std::to_string(w) + " refused");
                seq_of[size_t(i)] = r->body["seq"].get<int64_t>();
                r = c.request(hallq::MessageType::no_show, hallq::Json{{"window", w}});  // frees the window
                if (!r || !r->ok) die("no_show at window " + std::to_string(w) + " refused");
                uint64_t s = r->body["seq"].get<uint64_t>(), prev = last_seq.load();
                while (s > prev && !last_seq.compare_exchange_weak(prev, s)) {}
            }
        });
    for (auto& t : desks) t.join();
    FanoutRun run;
    run.wall_s = double(mono_us() - t0) / 1e6;
    auto results = subs.finish(last_seq.load());
    std::map<int64_t, int64_t> sent_by_seq;
    for (int i = 0; i < calls; ++i) sent_by_seq[seq_of[size_t(i)]] = sent_us[size_t(i)];
    for (const auto& r : results)
        for (const auto& c : r.calls) {
            auto it = sent_by_seq.find(int64_t(c.seq));
            if (it == sent_by_seq.end()) continue;
            ++run.delivered;
            run.from_publish.push_back(double(c.received_us - c.server_us) / 1000.0);
            run.from_request.push_back(double(c.received_us - it->second) / 1000.0);
        }
    run.expected = size_t(calls) * size_t(displays);
    fs::remove_all(dir);
    return run;
}

std::string run_fanout(const Options& o) {
    const int windows = 150, queues = 10;
    const int displays = o.displays > 0 ? o.displays : o.quick ? 16 : 64;
    const int calls = o.calls > 0 ? o.calls : o.quick ? 2000 : 20000;
    const double rate = 400;  // calls per second offered, spread over the desks
    FanoutRun run = fanout_run(windows, queues, displays, calls, rate, false);
    std::vector<double>& from_publish = run.from_publish;
    std::vector<double>& from_request = run.from_request;
    size_t delivered = run.delivered;
    double wall_s = run.wall_s;
    size_t expected = size_t(calls) * size_t(displays);
    double p99 = percentile(from_publish, 99);
    std::cerr << "hall-loadgen: fanout: the same without the hall (bare PUB socket)\n";
    size_t raw_delivered = 0;
    std::vector<double> raw = raw_fanout(displays, calls, rate, raw_delivered);
    double raw_p99 = percentile(raw, 99);
    std::ostringstream out;
    out << "## Call fan-out\n\n"
        << "`hall-loadgen fanout`: " << windows << " clerk desks (threads, one RequestClient each) make " << calls
        << " calls\n(`call_next`, then `no_show` to free the window) at " << rate << " calls/s offered, while "
        << displays << " display\nsubscribers — each its own process with a ZeroMQ SUB socket — receive every event. "
           "Every\nconnection under CURVE. The tickets were issued before the displays started. \"Publish\" is the server's CLOCK_MONOTONIC stamp in "
           "the\nevent (`mono_us`, taken after the commit and the reply, as the event is handed to the PUB\nsocket); "
           "\"request\" is the desk sending `call_next` (includes the commit). Over every\n(call × display) delivery; "
        << fmt("%.1f", wall_s) << " s for the calls.\n\n"
        << "| to reception at a display | p50 | p99 | p99.9 | max | goal |\n|---|---|---|---|---|---|\n"
        << "| from publish (server accepted) | " << fmt("%.2f ms", percentile(from_publish, 50)) << " | "
        << fmt("%.2f ms", p99) << " | " << fmt("%.2f ms", percentile(from_publish, 99.9)) << " | "
        << fmt("%.2f ms", percentile(from_publish, 100)) << " | p99 ≤ 10 ms " << mark(p99 <= 10) << " |\n"
        << "| from the call request | " << fmt("%.2f ms", percentile(from_request, 50)) << " | "
        << fmt("%.2f ms", percentile(from_request, 99)) << " | " << fmt("%.2f ms", percentile(from_request, 99.9)) << " | "
        << fmt("%.2f ms", percentile(from_request, 100)) << " | — |\n"
        << "| baseline: bare ZeroMQ PUB → the same " << displays << " subscriber processes | "
        << fmt("%.2f ms", percentile(raw, 50)) << " | " << fmt("%.2f ms", raw_p99) << " | "
        << fmt("%.2f ms", percentile(raw, 99.9)) << " | " << fmt("%.2f ms", percentile(raw, 100))
        << " | hall p99 ≤ 2 × baseline (" << fmt("%.2f×", raw_p99 > 0 ? p99 / raw_p99 : 0) << ") "
        << mark(p99 <= 2 * raw_p99) << " |\n\n"
        << "The baseline: a PUB socket with the server's options, in the load generator (one thread), sends per call a\n"
           "`ticket_called` and a `ticket_no_show` event in the hall's JSON and of its sizes, at the same rate, to\n"
           "the same subscriber program (" << raw_delivered << " of " << expected << " calls delivered), right after "
           "the hall's run:\nthe delivery the machine gives without the hall, to tell the hall's share of the figure "
           "from\nthe machine's.\n\n"
        << "| deliveries | received | expected | goal |\n|---|---|---|---|\n| calls × displays | " << delivered
        << " | " << expected << " | 100% " << mark(delivered == expected) << " |\n\n"
        << "Machine: " << machine() << ". " << today() << ", numbers from one run.\n";
    return out.str();
}

}  // namespace loadgen
