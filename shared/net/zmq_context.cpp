// zmq_context.cpp - one context per process while any socket of shared/net needs it.
#include "net/zmq_context.h"

#include <mutex>
#include <zmq.hpp>

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

}  // namespace hallq::net
