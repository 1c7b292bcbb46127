// zmq_context.cpp - one context per process while any socket of shared/net needs it.
#include "net/zmq_context.h"

#include <mutex>
#include <zmq.hpp>

#include "net/device_key.h"

namespace hallq::net {

std::shared_ptr<zmq::context_t> shared_context() {
    static std::mutex mu;
    static std::weak_ptr<zmq::context_t> current;
    std::lock_guard lock(mu);
    auto ctx = current.lock();
    if (!ctx) {
        ctx = std::make_shared<zmq::context_t>(1);
        current = ctx;
    }
    return ctx;
}

void secure_client(zmq::socket_t& socket, const DeviceKey& key) {
    // A key without a secret is set only by the benchmarks, against hallserver --bench-plain; a
    // key file always has one (read_device_key checks it).
    if (key.secret_key.empty()) return;
    socket.set(zmq::sockopt::curve_serverkey, key.server_key);
    socket.set(zmq::sockopt::curve_publickey, key.public_key);
    socket.set(zmq::sockopt::curve_secretkey, key.secret_key);
}

}  // namespace hallq::net
