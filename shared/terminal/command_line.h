// command_line.h - one style for every program's command line, on CLI11: `--help` (also after a
// command: `hallctl issue --help`), `--version`, and usage errors that name the problem and exit
// with code 2.
#pragma once
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace hallq {

// Applies the house style to `app`: later occurrences of an option override earlier ones (as in a
// config file); descriptions in the help wrapped beside the names, within 100 columns.
void style_command_line(CLI::App& app);

// Parses argv into `app`. nullopt: go on. Otherwise the exit code to return: 0 after printing the
// help or the version on stdout; 2 after a usage error, printed on stderr as "NAME: problem" with a
// pointer to --help.
std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv);

// Prints a usage problem found after parsing in the same style ("NAME: problem" and the pointer to
// --help, on stderr) and returns 2, the exit code.
int usage_error(const CLI::App& app, const std::string& problem);

}  // namespace hallq
