// secret_input.cpp - a password line from stdin, unechoed on a terminal.
#include "terminal/secret_input.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace hallq {

std::string read_secret_line(const std::string& prompt) {
    bool tty = isatty(STDIN_FILENO);
    termios old{};
    if (tty && tcgetattr(STDIN_FILENO, &old) == 0) {
        std::cerr << prompt << std::flush;
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        std::cerr << "\n";
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace hallq
