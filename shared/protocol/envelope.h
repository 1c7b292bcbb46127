// envelope.h - the request/reply envelope of the hall protocol (docs/protocol.md).
//
// Request: {"v":1, "type":"call_next", "rid":"desk3-000042", "body":{…}}
// Reply:   {"v":1, "type":"reply", "rid":…, "ok":true, "body":{…}}
//          {"v":1, "type":"reply", "rid":…, "ok":false,
//           "error":{"code":"queue_empty", "message":"没有可叫的号", "message_en":"…", "detail":""}}
// Event:   frames ["event", {"v":1, "seq":N, "type":"ticket_called", "at":ms, …}]
// Heartbeat: frames ["heartbeat", {"v":1, "seq":N, "at":ms}] — N is the latest event sequence.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/errors.h"
#include "protocol/json.h"

namespace hallq {

constexpr int kProtocolVersion = 1;
constexpr size_t kMaxMessageBytes = 64 * 1024;
constexpr size_t kMaxRequestIdBytes = 128;
constexpr int kMaxNesting = 32;  // deepest level of objects and arrays in a request (the envelope is level 0)

struct Request {
    std::string type;
    std::string rid;
    Json body = Json::object();
};

// Checks size, JSON, version, type and request id. The request id is returned in `rid_out` when it
// could be read, so even a refused request can be answered to the right caller.
std::variant<Request, Error> parse_request(std::string_view bytes, std::string* rid_out = nullptr);

std::string make_request(const std::string& type, const std::string& rid, const Json& body);
std::string make_reply(const std::string& rid, const Json& body);
std::string make_error_reply(const std::string& rid, const Error& error);
Json error_json(const Error& error);

struct Reply {
    std::string rid;
    bool ok = false;
    Json body;
    Error error;
    std::string message;  // Chinese message of the error
};

// nullopt if the bytes are not a reply of this protocol version.
std::optional<Reply> parse_reply(std::string_view bytes);

// Frame names on the event stream.
constexpr const char* kEventTopic = "event";  // events in their open form (protocol/redact.h)
constexpr const char* kHeartbeatTopic = "heartbeat";

}  // namespace hallq
