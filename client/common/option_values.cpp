// option_values.cpp - shared pieces of the clients' settings parsers.
#include "option_values.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace hallq {

void endpoints_from_env(std::string& server, std::string& events) {
    if (const char* s = std::getenv("HALLQ_SERVER")) server = s;
    if (const char* e = std::getenv("HALLQ_EVENTS")) events = e;
}

bool parse_int(const std::string& s, int& out) {
    char* end = nullptr;
    long v = std::strtol(s.c_str(), &end, 10);
    if (s.empty() || *end || v < -100000 || v > 100000) return false;
    out = int(v);
    return true;
}

bool parse_pair(const std::string& s, char sep, int& a, int& b) {
    auto at = s.find(sep);
    return at != std::string::npos && parse_int(s.substr(0, at), a) && parse_int(s.substr(at + 1), b);
}

std::string read_config_object(const std::string& path, Json& out) {
    std::ifstream f(path);
    if (!f) return "cannot read config file " + path;
    std::stringstream buf;
    buf << f.rdbuf();
    out = Json::parse(buf.str(), nullptr, false);
    if (!out.is_object()) return "config file " + path + " is not a JSON object";
    return "";
}

}  // namespace hallq
