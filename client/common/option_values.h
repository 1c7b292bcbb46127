// option_values.h - the pieces every client's settings parser shares: the server endpoints from
// the environment, whole numbers, "WxH"/"X,Y" pairs and the JSON config file. No wx.
#pragma once
#include <string>

#include "protocol/json.h"

namespace hallq {

// $HALLQ_SERVER and $HALLQ_EVENTS over the defaults, when set.
void endpoints_from_env(std::string& server, std::string& events);

// A whole number in -100000…100000, the whole of `s`.
bool parse_int(const std::string& s, int& out);

// Two whole numbers separated by `sep`: "1920x1080" with 'x', "10,20" with ','.
bool parse_pair(const std::string& s, char sep, int& a, int& b);

// The config file's JSON object into `out`; empty on success, otherwise the problem.
std::string read_config_object(const std::string& path, Json& out);

}  // namespace hallq
