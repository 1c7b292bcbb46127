// command_line.cpp - parsing with CLI11, help wrapped to the terminal, usage errors as exit code 2.
#include "terminal/command_line.h"

#include <iostream>
#include <memory>
#include <sstream>

#include "core/utf8.h"

namespace hallq {

namespace {
constexpr size_t kHelpWidth = 100, kNameColumn = 30;

// Columns `word` takes on a terminal: two for CJK and other wide characters.
size_t columns(const std::string& word) {
    size_t n = 0;
    for (char32_t c : utf8::decode(word)) n += c >= 0x1100 ? 2 : 1;
    return n;
}

// `text` broken into lines of at most `width` columns, between words.
std::string wrap(const std::string& text, size_t width) {
    std::string out, line;
    size_t used = 0;
    std::istringstream words(text);
    for (std::string word; words >> word;) {
        size_t w = columns(word);
        if (used > 0 && used + 1 + w > width) {
            out += line + "\n";
            line.clear();
            used = 0;
        }
        line += (used > 0 ? " " : "") + word;
        used += (used > 0 ? 1 : 0) + w;
    }
    return out + line;
}

// CLI11's help with option and command descriptions wrapped beside their names.
class WrappingFormatter : public CLI::Formatter {
  public:
    std::string make_option_desc(const CLI::Option* o) const override {
        return wrap(CLI::Formatter::make_option_desc(o), kHelpWidth - kNameColumn);
    }
    std::string make_subcommand(const CLI::App* sub) const override {
        std::stringstream out;
        CLI::detail::format_help(out, sub->get_display_name(true),
                                 wrap(sub->get_description(), kHelpWidth - kNameColumn),
                                 column_width_);
        return out.str();
    }
};
}  // namespace

void style_command_line(CLI::App& app) {
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    auto formatter = std::make_shared<WrappingFormatter>();
    formatter->column_width(kNameColumn);
    app.formatter(formatter);
}

std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv) {
    try {
        app.parse(argc, argv);
        return std::nullopt;
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version: printed on stdout
        return usage_error(app, e.what());
    }
}

int usage_error(const CLI::App& app, const std::string& problem) {
    std::cerr << app.get_name() << ": " << problem << "\nRun " << app.get_name()
              << " --help for help.\n";
    return 2;
}

}  // namespace hallq
