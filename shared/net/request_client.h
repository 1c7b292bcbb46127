// request_client.h - sends requests to the hall server and waits for the matching reply.
//
// Each request carries a request id made here; on a timeout the socket is replaced and the same
// request (same id) is sent again, so the server answers a retry with its first answer and never
// applies a command twice. Replies to other ids (late answers) are dropped.
#pragma once
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "protocol/envelope.h"

namespace zmq {
class context_t;
class socket_t;
}  // namespace zmq

namespace hallq {

class RequestClient {
public:
    // `name` prefixes the request ids (e.g. "kiosk1"); a random suffix keeps restarts apart.
    RequestClient(zmq::context_t& ctx, std::string endpoint, std::string name);
    ~RequestClient();
    RequestClient(const RequestClient&) = delete;
    RequestClient& operator=(const RequestClient&) = delete;

    void set_timeout(std::chrono::milliseconds t) { timeout_ = t; }
    void set_retries(int n) { retries_ = n; }

    std::string next_rid();

    // nullopt when no reply came after all retries (the server is unreachable).
    std::optional<Reply> request(const std::string& type, const Json& body = Json::object(),
                                 std::string rid = {});
    // Sends raw bytes as one frame and waits for any reply (tests of malformed input).
    std::optional<std::string> request_raw(const std::string& bytes);

private:
    void connect();
    std::optional<std::string> wait_reply(const std::string& rid);

    zmq::context_t& ctx_;
    std::string endpoint_, name_;
    std::unique_ptr<zmq::socket_t> socket_;
    std::chrono::milliseconds timeout_{2500};
    int retries_ = 3;
    bool stale_ = false;  // the last request went unanswered; start the next on a fresh socket
    uint64_t counter_ = 0;
    std::string session_;
};

}  // namespace hallq
