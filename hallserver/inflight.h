// inflight.h - the bytes each request connection has sent that are not yet part of a whole
// message. libzmq hands a multipart message over only when its last frame has come, holding the
// frames meanwhile (maxmsgsize caps each frame, nothing caps their number), so a device that never
// ends a message could fill the server's memory. Per TCP connection of the ROUTER (its fd, learned
// from the socket's monitor) the guard reads what the kernel has received (TCP_INFO) at each sweep:
// a connection that delivered no whole message since the sweep before and received more than the
// limit since is to be cut (frames of a message block every later one, so a message that never
// ends stops its connection's deliveries).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace hallq {

class InflightGuard {
public:
    explicit InflightGuard(int64_t limit_bytes) : limit_(limit_bytes) {}

    void accepted(int fd);  // a new connection: counted from the bytes received so far
    // Forgotten; returns what it had sent of a message not yet whole at the last sweep.
    int64_t closed(int fd);
    // A whole message from fd, sent by `device` (nullptr if none).
    void delivered(int fd, const char* device);

    struct Over {
        int fd;
        int64_t pending;     // bytes received since the last whole message
        std::string device;  // the device its last message came from, or ""
    };
    // The connections more than the limit ahead; each is forgotten (the caller cuts it).
    std::vector<Over> sweep();

private:
    struct Conn {
        int64_t base = 0;        // bytes received at the last sweep that found a delivery
        bool delivered = false;  // a whole message came since the last sweep
        int64_t pending = 0;     // at the last sweep
        std::string device;
    };
    static int64_t received(int fd);  // the kernel's count for the connection, -1 if none
    int64_t limit_;
    std::unordered_map<int, Conn> conns_;
};

}  // namespace hallq
