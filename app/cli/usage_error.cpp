#include "app/cli/usage_error.h"

#include <re2/re2.h>

namespace nianbao {

namespace {

std::string joined(const std::vector<std::string>& words, const std::string& sep) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : sep) + w;
  return out;
}

// The subcommand the user chose, when CLI11 got that far.
const CLI::App* chosen(const CLI::App& app) {
  for (const CLI::App* s : app.get_subcommands()) return s;
  return nullptr;
}

// A positional's name as the usage line shows it.
std::string shown_name(const std::string& name) {
  if (name == "files") return "FILE";
  if (name == "paths") return "PATH";
  if (name == "inputs") return "SHARD.sqlite";
  return name;
}

struct Said {
  std::string zh, en;
};

// "0.000000" → "0": CLI11 prints a range's ends as doubles.
std::string number_shown(std::string n) {
  if (n.find('.') == std::string::npos) return n;
  while (!n.empty() && n.back() == '0') n.pop_back();
  if (!n.empty() && n.back() == '.') n.pop_back();
  return n;
}

// The first word that is not an option nor an option's value: what was typed as the subcommand.
std::string first_word(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--rules" || args[i] == "--lang") {
      ++i;
      continue;
    }
    if (!args[i].empty() && args[i][0] != '-') return args[i];
  }
  return "";
}

Said what_was_wrong(const CLI::App& app, const CLI::ParseError& e, const std::vector<std::string>& args,
                    const std::vector<std::string>& subcommands) {
  const std::string what = e.what();
  const std::string list_zh = joined(subcommands, "、"), list_en = joined(subcommands, ", ");
  std::string a, b, c;
  if (what == "A subcommand is required" && !first_word(args).empty())
    return {"未知的子命令“" + first_word(args) + "”：可用的子命令为 " + list_zh,
            "unknown subcommand \"" + first_word(args) + "\": the subcommands are " + list_en};
  if (what == "A subcommand is required")
    return {"缺少子命令：请写 " + list_zh + " 之一", "a subcommand is required: one of " + list_en};
  if (RE2::FullMatch(what, "The following arguments? (?:was|were) not expected: (.*)", &a)) {
    // CLI11 lists them last first; the first one typed is the one to name.
    std::string first = a.substr(a.rfind(' ') == std::string::npos ? 0 : a.rfind(' ') + 1);
    if (!chosen(app) && !first.empty() && first[0] != '-')
      return {"未知的子命令“" + first + "”：可用的子命令为 " + list_zh,
              "unknown subcommand \"" + first + "\": the subcommands are " + list_en};
    return {"无法识别的参数：" + a, "unexpected argument(s): " + a};
  }
  if (RE2::FullMatch(what, "(\\S+) is required", &a))
    return {"缺少必需的参数 " + shown_name(a), shown_name(a) + " is required"};
  if (RE2::FullMatch(what, "(\\S+): (.*) not in \\{(.*)\\}", &a, &b, &c))
    return {"参数 " + a + " 的值“" + b + "”无效：可选 " + c, a + ": \"" + b + "\" is not one of " + c};
  std::string lo, hi;
  if (RE2::FullMatch(what, "(\\S+): Value (.*) not in range (.*) to (.*)", &a, &b, &lo, &hi)) {
    lo = number_shown(lo);
    hi = number_shown(hi);
    if (hi.size() > 12)  // NonNegativeNumber: a range up to the largest double
      return {"参数 " + a + " 的值 " + b + " 不能小于 " + lo, a + ": " + b + " must not be below " + lo};
    return {"参数 " + a + " 的值 " + b + " 超出范围 " + lo + " 到 " + hi, a + ": " + b + " is not in " + lo + " to " + hi};
  }
  if (RE2::FullMatch(what, "(\\S+): Value (.*) must be (.*)", &a, &b, &c) ||
      RE2::FullMatch(what, "The value (.*) is not an allowed value for (\\S+)", &b, &a) ||
      RE2::FullMatch(what, "Could not convert: (\\S+) = (.*)", &a, &b))
    return {"参数 " + a + " 的值“" + b + "”无效：应为数字", a + ": \"" + b + "\" is not a valid number"};
  if (RE2::FullMatch(what, "(\\S+): \\d+ required .* missing", &a) ||
      RE2::FullMatch(what, "Expected .* arguments to (\\S+), got 0", &a))
    return {"参数 " + a + " 缺少值", a + " needs a value"};
  if (RE2::FullMatch(what, "(\\S+) excludes (\\S+)", &a, &b))
    return {"参数 " + a + " 与 " + b + " 不能同时使用", a + " and " + b + " cannot be used together"};
  return {"命令行有误：" + what, "bad command line: " + what};
}

}  // namespace

bool wants_english(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i)
    if (args[i] == "--lang=en" || (args[i] == "--lang" && i + 1 < args.size() && args[i + 1] == "en")) return true;
  return false;
}

std::string usage_error_message(const CLI::App& app, const CLI::ParseError& error,
                                const std::vector<std::string>& args, const std::vector<std::string>& subcommands) {
  const bool english = wants_english(args);
  const Said said = what_was_wrong(app, error, args, subcommands);
  const CLI::App* sub = chosen(app);
  const std::string help = sub ? "nianbao " + sub->get_name() + " --help" : "nianbao --help";
  if (english) return said.en + "\nRun \"" + help + "\" for the options.";
  return said.zh + "\n运行 “" + help + "” 查看用法。";
}

}  // namespace nianbao
