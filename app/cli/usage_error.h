// The message for a command line nianbao cannot parse, in Chinese (English with --lang en):
// CLI11 words its errors in English for programmers; a user needs to be told, in their
// language, what was wrong and what to type instead.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace nianbao {

// Whether the arguments ask for English ("--lang en" or "--lang=en" anywhere).
bool wants_english(const std::vector<std::string>& args);

// Two lines, without the "nianbao: " prefix: what was wrong, then how to get help; English when
// `args` (the command line without the program) ask for it. `subcommands` are those main() offers.
std::string usage_error_message(const CLI::App& app, const CLI::ParseError& error,
                                const std::vector<std::string>& args, const std::vector<std::string>& subcommands);

}  // namespace nianbao
