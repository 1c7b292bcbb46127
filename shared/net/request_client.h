// request_client.h - sends requests to the hall server and waits for the matching reply.
//
// Each request carries a request id made here; on a timeout the socket is replaced and the same
// request (same id) is sent again, so the server answers a retry with its first answer and never
// applies a command twice. Replies to other ids (late answers) are dropped. The client owns its
// ZeroMQ context (shared with the process's other clients): its users never see ZeroMQ.
#pragma once
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "net/device_key.h"
#include "protocol/envelope.h"
#include "protocol/messages.h"

namespace hallq {

class RequestClient {
public:
    // `name` prefixes the request ids (e.g. "kiosk1"); a random suffix keeps restarts apart.
    // It connects under CURVE with `key`, else the process's device key (net/device_key.h);
    // throws DeviceKeyError when there is none.
    RequestClient(std::string endpoint, std::string name, std::optional<DeviceKey> key = std::nullopt);
    ~RequestClient();
    RequestClient(const RequestClient&) = delete;
    RequestClient& operator=(const RequestClient&) = delete;
    RequestClient(RequestClient&&) noexcept;
    RequestClient& operator=(RequestClient&&) noexcept;

    void set_timeout(std::chrono::milliseconds t);
    void set_retries(int n);

    std::string next_rid();

    // nullopt when no reply came after all retries (the server is unreachable).
    std::optional<Reply> request(const std::string& type, const Json& body = Json::object(),
                                 std::string rid = {});
    // The same, for a type of the message table (its wire name from protocol/messages.def).
    std::optional<Reply> request(MessageType type, const Json& body = Json::object(), std::string rid = {}) {
        return request(std::string(wire_name(type)), body, std::move(rid));
    }
    // Sends raw bytes as one frame and waits for any reply (tests of malformed input).
    std::optional<std::string> request_raw(const std::string& bytes);

private:
    struct Impl;  // the context and the DEALER socket (request_client.cpp)
    std::unique_ptr<Impl> impl_;
};

}  // namespace hallq
