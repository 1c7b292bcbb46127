// options.h - hallserver's command line: the config file, the options that override it, and the
// one-shot actions (--check, --set-password, --init-key).
#pragma once
#include <optional>
#include <string>

#include "config.h"

namespace hallq {

struct ServerActions {
    bool demo = false;            // the demo catalogue and today's demo reservations
    bool demo_passwords = false;  // clerks without a password get the demo password
    bool check = false;           // check the config and catalogue, then exit
    bool init_key = false;        // create or check the identity key, then exit
    std::string password_clerk;   // set this clerk's password from stdin, then exit
};

// Reads the command line: the --config file into `cfg` first, then every option given overrides
// it. nullopt: go on. Otherwise the exit code: 0 after --help or --version, 2 for a bad option or
// value or an unusable config file (the problem is printed on stderr).
std::optional<int> parse_server_options(int argc, char** argv, ServerConfig& cfg,
                                        ServerActions& actions);

}  // namespace hallq
