// args.cpp - command-line parsing for hallctl.
#include "args.h"

#include <iostream>
#include <stdexcept>

#include "terminal/command_line.h"
#include "verbs.h"

namespace hallq::ctl {

std::string Args::get(const std::string& k, const std::string& fallback) const {
    auto it = opts.find(k);
    return it == opts.end() ? fallback : it->second;
}

const std::string& Args::word(size_t n, const char* what) const {
    if (n >= words.size()) throw UsageError(std::string("missing ") + what);
    return words[n];
}

namespace {
// Adds `o` to `cmd`, its value (or "1" for a flag) landing in values[o.name] when given.
CLI::Option* add(CLI::App& cmd, const VerbOption& o, std::map<std::string, std::string>& values) {
    std::string flag = std::string("--") + o.name;
    if (!o.value) return cmd.add_flag(flag, o.help);
    return cmd.add_option(flag, values[o.name], o.help)->type_name(o.value);
}

// "WINDOW TICKET: 指定叫号 call a chosen ticket": the words, then what the command does.
std::string synopsis(const Verb& v) {
    std::string words;
    for (std::string w : v.words) {
        bool optional = w.back() == '?';
        if (optional) w.pop_back();
        words += (words.empty() ? "" : " ") + (optional ? "[" + w + "]" : w);
    }
    return words.empty() ? v.help : words + ": " + v.help;
}
}  // namespace

std::optional<int> parse_args(int argc, char** argv, Args& out) {
    CLI::App app{"hallctl - 大厅排队叫号命令行工具 / hall queuing command line", "hallctl"};
    style_command_line(app);
    app.fallthrough();  // the global options also after the command
    app.footer(
        "TICKET is a number like A005 or a ticket id. `hallctl COMMAND --help` shows a "
        "command's options.\nExit codes: 0 ok, 2 usage, 3 refused by the server (reason "
        "printed), 4 server unreachable.");
    std::map<std::string, std::string> values;
    std::vector<std::pair<const VerbOption*, CLI::Option*>> given;  // options to copy when given
    for (const VerbOption& o : global_options()) given.emplace_back(&o, add(app, o, values));
    std::vector<std::string> words(4);  // no verb has more positional words
    std::map<std::string, std::vector<CLI::Option*>> positionals;  // verb → its words' options
    for (const Verb& v : verbs()) {
        CLI::App* cmd = app.add_subcommand(v.name, synopsis(v));
        for (const char* alias : v.aliases) cmd->alias(alias);
        for (size_t i = 0; i < v.words.size(); ++i) {
            std::string name = v.words[i];
            bool optional = name.back() == '?';
            if (optional) name.pop_back();
            CLI::Option* w = cmd->add_option(name, words.at(i))->type_name("");
            if (!optional) w->required();
            positionals[v.name].push_back(w);
        }
        for (const VerbOption& o : v.options) given.emplace_back(&o, add(*cmd, o, values));
    }
    app.allow_extras();  // the parent only, so that an unknown command is named below
    if (argc <= 1) {
        std::cout << app.help();
        return 2;
    }
    if (auto done = parse_command_line(app, argc, argv)) return done;
    const std::vector<std::string> extra = app.remaining();
    if (app.get_subcommands().empty() || !extra.empty()) {
        if (extra.empty()) return usage_error(app, "no command given");
        std::string words;
        for (const std::string& w : extra) words += " " + w;
        bool option = extra[0].size() > 1 && extra[0][0] == '-';
        return usage_error(app, (option                          ? "unknown option"
                                 : app.get_subcommands().empty() ? "unknown command"
                                                                 : "unexpected") +
                                    words);
    }
    const std::string verb = app.get_subcommands().front()->get_name();
    out.words = {verb};
    for (size_t i = 0; i < positionals[verb].size() && positionals[verb][i]->count() > 0; ++i)
        out.words.push_back(words[i]);
    for (const auto& [o, opt] : given)
        if (opt->count() > 0) out.opts[o->name] = o->value ? values[o->name] : "1";
    return std::nullopt;
}

int to_int(const std::string& s, const char* what) {
    try {
        size_t used = 0;
        int v = std::stoi(s, &used);
        if (used == s.size()) return v;
    } catch (const std::exception&) {
    }
    throw UsageError(std::string(what) + " must be a number: " + s);
}

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t comma = s.find(',', start);
        std::string part =
            s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!part.empty()) out.push_back(part);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

}  // namespace hallq::ctl
