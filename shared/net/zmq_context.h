// zmq_context.h - the process's ZeroMQ context, shared by every request client and replica in it
// and ended with the last of them. Private to shared/net: included by its .cpp files only.
#pragma once
#include <memory>

namespace zmq {
class context_t;
class socket_t;
}

namespace hallq {
struct DeviceKey;
}

namespace hallq::net {

// The context in use, or a new one (one I/O thread) when none is alive.
std::shared_ptr<zmq::context_t> shared_context();

// Makes `socket` a CURVE client with `key`, before it connects.
void secure_client(zmq::socket_t& socket, const DeviceKey& key);

}  // namespace hallq::net
