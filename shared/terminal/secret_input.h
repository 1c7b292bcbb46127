// secret_input.h - reading a password at a terminal without echoing it (hallserver
// --set-password, hallctl login/passwd). Not for the apps: they have their own password fields.
#pragma once
#include <string>

namespace hallq {

// The first line of standard input. On a terminal, `prompt` is shown on stderr and the typed
// characters are not echoed; from a pipe the line is read as it is. A trailing CR is dropped.
std::string read_secret_line(const std::string& prompt);

}  // namespace hallq
