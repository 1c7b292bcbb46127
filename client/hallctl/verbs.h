// verbs.h - hallctl's commands, listed once: name, positional words, options, help. The parser
// (args.cpp) builds the command line and `hallctl --help` from this table; commands.cpp turns a
// parsed verb into its request.
#pragma once
#include <string>
#include <vector>

namespace hallq::ctl {

struct VerbOption {
    const char* name;   // without "--"
    const char* value;  // what the value is, e.g. "TEXT"; nullptr for a flag
    const char* help;
};

struct Verb {
    const char* name;
    std::vector<const char*> aliases;
    std::vector<const char*> words;  // positional words in order; a trailing '?' marks optional
    std::vector<VerbOption> options;
    const char* help;  // 中文 and English
};

// Every command, in the order `hallctl --help` lists them.
const std::vector<Verb>& verbs();

// The options every command takes (server endpoints, timeout, request id, output).
const std::vector<VerbOption>& global_options();

}  // namespace hallq::ctl
