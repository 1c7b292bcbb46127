// commands.h - hallctl verbs that are one request: the verb's words and options → type and body.
#pragma once
#include <string>

#include "args.h"
#include "protocol/json.h"

namespace hallq::ctl {

struct Built {
    std::string type;
    Json body = Json::object();
};

// Throws UsageError for an unknown verb or a missing argument. A password not given with
// --password comes from $HALLQ_PASSWORD, else read_secret.
Built build_request(const std::string& verb, const Args& a);

// A line from stdin; on a terminal, after `prompt` (on stderr) and without echo.
std::string read_secret(const std::string& prompt);

// "A012 请到 03 号窗口" style line for an event, or "" if the event is not worth a line.
std::string describe_event(const Json& event);

}  // namespace hallq::ctl
