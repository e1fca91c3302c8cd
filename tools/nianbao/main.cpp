// nianbao: checks 政府信息公开工作年度报告 and says what is inconsistent or missing.
// This file only parses the command line and hands over to the libraries.
#include <CLI/CLI.hpp>

#include <iostream>

#include "extract/errors.h"
#include "extract/rules_dir.h"
#include "tools/nianbao/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"nianbao — 政府信息公开工作年度报告检查工具 (checks open-government-information annual reports)"};
  app.require_subcommand(1);
  std::string rules;
  app.add_option("--rules", rules, "规则目录 (rules directory; default: $NIANBAO_RULES or the built-in one)");

  nianbao::CheckOptions check;
  CLI::App* cmd_check = app.add_subcommand("check", "检查报告并列出问题 (check reports and list the findings)");
  cmd_check->add_option("--format", check.format, "输出格式 text|json (output format)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd_check->add_option("--lang", check.lang, "消息语言 zh|en (message language)")->check(CLI::IsMember({"zh", "en"}));
  cmd_check->add_option("--color", check.color, "着色 auto|always|never (colour)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd_check->add_flag("-v,--verbose", check.verbose, "同时列出识别出的各部分 (also list the parts found)");
  cmd_check->add_option("files", check.files, "报告文件 (report files)")->required();

  nianbao::RulesOptions list;
  CLI::App* cmd_rules = app.add_subcommand("rules", "列出检查规则 (list the rule catalog)");
  cmd_rules->add_option("--lang", list.lang, "语言 zh|en")->check(CLI::IsMember({"zh", "en"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;  // usage error (output.md)
  }
  if (!rules.empty()) nianbao::set_rules_dir(rules);
  try {
    if (*cmd_check) return nianbao::run_check(check);
    if (*cmd_rules) return nianbao::run_rules(list);
  } catch (const nianbao::RulesError& e) {
    std::cerr << "nianbao: 规则文件错误 (rules error): " << e.what() << "\n";
    return 2;
  }
  return 2;
}
