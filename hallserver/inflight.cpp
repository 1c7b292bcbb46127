// inflight.cpp - see inflight.h.
#include "inflight.h"

#include <linux/tcp.h>
#include <cstddef>
#include <netinet/in.h>
#include <sys/socket.h>

namespace hallq {

int64_t InflightGuard::received(int fd) {
    tcp_info info{};
    socklen_t len = sizeof info;
    if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &len) != 0) return -1;
    if (len < offsetof(tcp_info, tcpi_bytes_received) + sizeof info.tcpi_bytes_received) return -1;
    return int64_t(info.tcpi_bytes_received);
}

void InflightGuard::accepted(int fd) {
    int64_t now = received(fd);
    if (now < 0) return;  // not TCP (ipc, inproc): nothing to compare with
    conns_[fd] = Conn{now, false, 0, ""};
}

int64_t InflightGuard::closed(int fd) {
    auto it = conns_.find(fd);
    if (it == conns_.end()) return 0;
    int64_t pending = it->second.pending;
    conns_.erase(it);
    return pending;
}

void InflightGuard::delivered(int fd, const char* device) {
    auto it = conns_.find(fd);
    if (it == conns_.end()) return;
    it->second.delivered = true;
    if (device && it->second.device != device) it->second.device = device;
}

std::vector<InflightGuard::Over> InflightGuard::sweep() {
    std::vector<Over> over;
    for (auto it = conns_.begin(); it != conns_.end();) {
        int64_t now = received(it->first);
        if (now < 0) {  // closed behind the monitor's back
            it = conns_.erase(it);
            continue;
        }
        Conn& c = it->second;
        if (c.delivered) {  // whatever came before is accounted for by that message
            c.base = now;
            c.delivered = false;
            c.pending = 0;
            ++it;
            continue;
        }
        int64_t pending = c.pending = now - c.base;
        if (pending > limit_) {
            over.push_back(Over{it->first, pending, c.device});
            it = conns_.erase(it);
        } else {
            ++it;
        }
    }
    return over;
}

}  // namespace hallq
