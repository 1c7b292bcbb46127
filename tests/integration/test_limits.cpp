// test_limits.cpp - a multipart bomb from an enrolled device, against the real server: the
// connection is cut as soon as the message is complete, the memory is given back, the key is
// refused afterwards, and the rest of the hall goes on being served; a message that never ends is
// cut while it comes; and more connections than the usual 1,024 open files.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <fstream>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "server_process.h"

using namespace hallq;
using namespace hallq::test;

namespace {
double rss_mb(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string l; std::getline(status, l);)
        if (l.rfind("VmRSS:", 0) == 0) return std::stod(l.substr(6)) / 1024.0;
    return -1;
}

// Reads the monitor socket until `event` comes (returns true), or 10 s of silence.
bool wait_event(zmq::socket_t& monitor, int event) {
    for (;;) {
        zmq::pollitem_t item{monitor.handle(), 0, ZMQ_POLLIN, 0};
        zmq::poll(&item, 1, std::chrono::milliseconds(10000));
        if (!(item.revents & ZMQ_POLLIN)) return false;
        std::vector<zmq::message_t> frames;
        if (!zmq::recv_multipart(monitor, std::back_inserter(frames)) || frames.empty() || frames[0].size() < 2)
            continue;
        uint16_t got = 0;
        std::memcpy(&got, frames[0].data(), sizeof got);
        if (got == event) return true;
    }
}
}  // namespace

TEST_CASE("limits: a multipart bomb cuts the device off, gives the memory back, and the hall goes on") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    DeviceKey key = enrol_device(server.requests(), "kiosk-bomb", "kiosk");
    RequestClient admin(server.requests(), "admin");

    zmq::context_t ctx;
    zmq::socket_t s(ctx, zmq::socket_type::dealer);
    s.set(zmq::sockopt::linger, 0);
    s.set(zmq::sockopt::curve_serverkey, key.server_key);
    s.set(zmq::sockopt::curve_publickey, key.public_key);
    s.set(zmq::sockopt::curve_secretkey, key.secret_key);
    zmq_socket_monitor(s.handle(), "inproc://bomb-monitor", ZMQ_EVENT_DISCONNECTED | ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
    zmq::socket_t monitor(ctx, zmq::socket_type::pair);
    monitor.connect("inproc://bomb-monitor");
    s.connect(server.requests());
    // The kiosk is let in: a ping is answered.
    std::string ping = Json{{"v", 1}, {"type", "ping"}, {"rid", "bomb-1"}, {"body", Json::object()}}.dump();
    REQUIRE(s.send(zmq::buffer(ping)));
    zmq::pollitem_t item{s.handle(), 0, ZMQ_POLLIN, 0};
    zmq::poll(&item, 1, std::chrono::milliseconds(10000));
    REQUIRE((item.revents & ZMQ_POLLIN));
    zmq::message_t reply;
    REQUIRE(s.recv(reply));
    CHECK(reply.to_string().find("\"ok\":true") != std::string::npos);

    double before = rss_mb(server.pid());
    // 400 frames of 100 KiB (each under the frame limit): 40 MB in one message.
    std::string frame(100 * 1024, 'x');
    for (int i = 0; i < 400; ++i) REQUIRE(s.send(zmq::buffer(frame), zmq::send_flags::sndmore));
    REQUIRE(s.send(zmq::buffer(ping)));

    REQUIRE(wait_event(monitor, ZMQ_EVENT_DISCONNECTED));  // the server shut the connection
    // Cut when it is whole (too many frames), or while it comes if it arrives slower than a sweep
    // (more than 4 MiB without a whole message): either way the device is cut off.
    const std::string whole = "cut off device kiosk-bomb: a message of 401 frames",
                      coming = "cut off a connection from 127.0.0.1 (device kiosk-bomb)";
    REQUIRE(eventually([&] {
        std::string log = file_text(server.log_path());
        return log.find(whole) != std::string::npos || log.find(coming) != std::string::npos;
    }, [&] { must_ok(admin, "ping"); }));
    if (file_text(server.log_path()).find(coming) != std::string::npos)  // its memory comes back after the cut
        REQUIRE(eventually([&] { return file_text(server.log_path()).find("memory given back after the cut") != std::string::npos; },
                           [&] { must_ok(admin, "ping"); }));
    // The socket reconnects by itself; the server now refuses the key during the handshake.
    REQUIRE(wait_event(monitor, ZMQ_EVENT_HANDSHAKE_FAILED_AUTH));
    double after = rss_mb(server.pid());
    INFO("server RSS before " << before << " MB, after " << after << " MB");
    CHECK(after < before + 12);  // the 40 MB were given back
    // Everyone else is served: the admin, and another kiosk.
    must_ok(admin, "ping");
    RequestClient other(server.requests(), "kiosk-2", enrol_device(server.requests(), "kiosk-2", "kiosk"));
    CHECK(must_ok(other, "issue_ticket", Json{{"queue", "A"}})["ticket"]["number"] == "A001");
    REQUIRE(eventually([&] { return file_text(server.log_path()).find("refused device kiosk-bomb") != std::string::npos; },
                       [&] { must_ok(admin, "ping"); }));
}

// A peer that speaks ZMTP 3.0 itself (NULL mechanism): libzmq would hold a multipart message on the
// sending side until it is whole, an attacker's own code does not.
struct RawZmtpPeer {
    int fd = -1;
    explicit RawZmtpPeer(int port) {
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(uint16_t(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        std::string greeting(64, '\0');
        greeting[0] = '\xff';
        greeting[9] = '\x7f';
        greeting[10] = 3;  // version 3.0
        std::memcpy(&greeting[12], "NULL", 4);
        std::string ready = std::string("\x05READY") + "\x0bSocket-Type" + std::string("\0\0\0\x06", 4) + "DEALER";
        REQUIRE(send(greeting + std::string("\x04") + char(ready.size()) + ready));
        // The server's greeting and READY (after the ZAP handler let us in): a frame before it
        // would be a protocol error.
        std::string got;
        char buf[256];
        while (got.find("Identity") == std::string::npos) {
            ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            REQUIRE(n > 0);
            got.append(buf, size_t(n));
        }
    }
    ~RawZmtpPeer() { ::close(fd); }
    bool send(const std::string& bytes) {
        return ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == ssize_t(bytes.size());
    }
    // A long frame with "more to come".
    bool send_more(const std::string& payload) {
        std::string head(9, '\0');
        head[0] = '\x03';
        uint64_t n = payload.size();
        for (int i = 0; i < 8; ++i) head[1 + i] = char(n >> (56 - 8 * i));
        return send(head) && send(payload);
    }
};

TEST_CASE("limits: a message that never ends is cut off while it comes, and its memory given back") {
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start({"--bench-plain"});  // the NULL mechanism: the guard counts bytes on TCP either way
    std::string ep = server.requests();
    double before = rss_mb(server.pid());
    RawZmtpPeer peer(std::stoi(ep.substr(ep.rfind(':') + 1)));
    // Frames of 100 KiB, each with "more to come", until the server shuts the connection.
    std::string frame(100 * 1024, 'x');
    size_t sent = 0;
    while (peer.send_more(frame)) {
        sent += frame.size();
        REQUIRE(sent < (size_t(1) << 30));  // without the guard this never ends
    }
    INFO("sent " << sent / 1024 << " KiB before the server cut the connection");
    CHECK(sent < 256u * 1024 * 1024);
    // It never finished a message, so it is named by the device let in from its address.
    REQUIRE(eventually([&] { return file_text(server.log_path()).find("cut off a connection from 127.0.0.1 (device admin): ") != std::string::npos; },
                       [] {}));
    CHECK(file_text(server.log_path()).find("KiB sent of a message that does not end") != std::string::npos);
    REQUIRE(eventually([&] { return file_text(server.log_path()).find("memory given back after the cut") != std::string::npos; },
                       [] {}));
    double after = rss_mb(server.pid());
    INFO("server RSS before " << before << " MB, after " << after << " MB");
    CHECK(after < before + 24);
    // The hall goes on: another connection is answered.
    zmq::context_t ctx;
    zmq::socket_t s(ctx, zmq::socket_type::dealer);
    s.set(zmq::sockopt::linger, 0);
    s.connect(ep);
    REQUIRE(s.send(zmq::buffer(Json{{"v", 1}, {"type", "ping"}, {"rid", "after"}, {"body", Json::object()}}.dump())));
    zmq::pollitem_t in{s.handle(), 0, ZMQ_POLLIN, 0};
    zmq::poll(&in, 1, std::chrono::milliseconds(10000));
    REQUIRE((in.revents & ZMQ_POLLIN));
    zmq::message_t reply;
    REQUIRE(s.recv(reply));
    CHECK(reply.to_string().find("\"ok\":true") != std::string::npos);
}

TEST_CASE("limits: more than 1,024 open connections do not shut the hall out") {
    rlimit nofile{};
    REQUIRE(::getrlimit(RLIMIT_NOFILE, &nofile) == 0);
    if (nofile.rlim_max < 1400) {
        WARN("the hard limit of open files here is " << nofile.rlim_max << ": too low to try");
        return;
    }
    // The server starts with the usual soft limit of 1,024 and must raise it itself.
    rlimit usual{1024, nofile.rlim_max};
    REQUIRE(::setrlimit(RLIMIT_NOFILE, &usual) == 0);
    TempDir dir;
    ServerProcess server(dir.path / "hall.db");
    server.start();
    nofile.rlim_cur = nofile.rlim_max;  // this process holds the other ends
    REQUIRE(::setrlimit(RLIMIT_NOFILE, &nofile) == 0);
    // The request endpoint's port, from "tcp://127.0.0.1:PORT".
    std::string ep = server.requests();
    int port = std::stoi(ep.substr(ep.rfind(':') + 1));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(uint16_t(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::vector<int> idle;  // connections that never finish the handshake
    for (int i = 0; i < 1200; ++i) {
        int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        REQUIRE(fd >= 0);
        REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        idle.push_back(fd);
    }
    // The server has accepted them all (its descriptors) and still lets a device in and answers.
    auto open_fds = [&] {
        size_t n = 0;
        for (const auto& e : std::filesystem::directory_iterator("/proc/" + std::to_string(server.pid()) + "/fd")) {
            (void)e;
            ++n;
        }
        return n;
    };
    RequestClient admin(server.requests(), "admin");
    REQUIRE(eventually([&] { return open_fds() > 1200; }, [&] { must_ok(admin, "ping"); }));
    RequestClient kiosk(server.requests(), "kiosk-1", enrol_device(server.requests(), "kiosk-1", "kiosk"));
    CHECK(must_ok(kiosk, "issue_ticket", Json{{"queue", "A"}})["ticket"]["number"] == "A001");
    for (int fd : idle) ::close(fd);
}
