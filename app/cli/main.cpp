// nianbao: checks 政府信息公开工作年度报告 and says what is inconsistent or missing.
// This file only parses the command line and hands over to the libraries.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "extract/model/errors.h"
#include "nianbao/nianbao.h"
#include "app/cli/commands.h"
#include "app/cli/usage_error.h"
#include "app/isolate/asan.h"
#include "app/isolate/heap_pages.h"

namespace {

// The per-file limits (extract/read/limits.h), the same flags for check, batch and serve.
void add_limit_options(CLI::App* cmd, nianbao::Limits& l) {
  cmd->add_option("--max-file-mb", l.max_file_mb, "文件大小上限 MB，0 为不限 (file size limit, MB; 0 = none)")
      ->capture_default_str();
  cmd->add_option("--max-pages", l.max_pages, "页数上限，0 为不限 (page limit; 0 = none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--max-inflated-mb", l.max_inflated_mb,
                  "DOCX 解压后大小上限 MB，0 为不限 (DOCX size when inflated, MB; 0 = none)")
      ->capture_default_str();
  cmd->add_option("--timeout", l.timeout_seconds, "每个文件的时间上限（秒），0 为不限 (seconds per file; 0 = none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--max-memory-mb,--memory", l.max_memory_mb,
                  "每个文件的内存上限 MB，0 为不限 (memory per file, MB; 0 = none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
}

// Ends the program with `status` once its output is flushed, without running the destructors and
// finalisers of the forty-odd libraries it links: milliseconds spent on memory the system takes
// back anyway. Under AddressSanitizer the program ends normally, so that leaks are still looked for.
int end_now(int status) {
#if NIANBAO_ASAN
  return status;
#else
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(status);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  nianbao::prepare_heap(std::size_t{16} << 20);
  CLI::App app{"nianbao — 政府信息公开工作年度报告检查工具 (checks open-government-information annual reports)"};
  app.require_subcommand(1);
  std::string rules;
  app.add_option("--rules", rules, "规则目录 (rules directory; default: $NIANBAO_RULES, else the installed rules)");

  nianbao::CheckOptions check;
  CLI::App* cmd_check = app.add_subcommand("check", "检查报告并列出问题 (check reports and list the findings)");
  cmd_check->add_option("--format", check.format, "输出格式 text|json|html (output format)")
      ->check(CLI::IsMember({"text", "json", "html"}));
  cmd_check->add_option("--lang", check.lang, "消息语言 zh|en (message language)")->check(CLI::IsMember({"zh", "en"}));
  cmd_check->add_option("--color", check.color, "着色 auto|always|never (colour)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd_check->add_flag("-v,--verbose", check.verbose, "同时列出识别出的各部分 (also list the parts found)");
  cmd_check->add_option("-o,--output", check.output, "把结果写入此文件 (write the output to this file)");
  cmd_check->add_option("--output-dir", check.output_dir,
                        "每份报告的结果写入此目录下的一个文件 (one output file per report in this directory)")
      ->excludes("--output");
  add_limit_options(cmd_check, check.limits);
  cmd_check->add_option("files", check.files, "报告文件 (report files)")->required();

  nianbao::RulesOptions list;
  CLI::App* cmd_rules = app.add_subcommand("rules", "列出检查规则 (list the rule catalog)");
  cmd_rules->add_option("--lang", list.lang, "语言 zh|en")->check(CLI::IsMember({"zh", "en"}));

  nianbao::BatchCommandOptions batch;
  CLI::App* cmd_batch = app.add_subcommand("batch", "批量检查报告档案 (check an archive of reports)");
  cmd_batch->add_option("-j,--jobs", batch.jobs, "并行检查的进程数 (worker processes)")->check(CLI::Range(1, 256));
  cmd_batch->add_option("--out", batch.out, "JSON Lines 结果文件 (results file; default: standard output)");
  cmd_batch->add_option("--db", batch.db, "SQLite 数据库，重新运行时跳过已完成的文件 (database; reruns resume)");
  cmd_batch->add_option("--xlsx", batch.xlsx, "汇总表格 (summary spreadsheet)");
  cmd_batch->add_option("--html-dir", batch.html_dir,
                        "每个文件的 HTML 报告和 index.html 汇总页写入此目录 (HTML reports and an index)");
  cmd_batch->add_option("--hierarchy", batch.hierarchy,
                        "地区及其部门的层级文件，核对本级政府汇总报告 (areas and their departments: rules/hierarchy.example.toml)")
      ->check(CLI::ExistingFile);
  cmd_batch->add_option("--shard", batch.shard, "只检查第 K 份（共 N 份） K/N (check one of N parts)");
  add_limit_options(cmd_batch, batch.limits);
  cmd_batch->add_option("paths", batch.paths, "文件、目录或 @列表文件 (files, directories, @list.txt)")->required();

  nianbao::MergeOptions merge;
  CLI::App* cmd_merge = app.add_subcommand("merge", "合并分片数据库并做跨报告检查 (merge shard databases)");
  cmd_merge->add_option("--db", merge.db, "合并后的数据库 (merged database)")->required();
  cmd_merge->add_option("--out", merge.out, "JSON Lines 结果文件 (results file)");
  cmd_merge->add_option("--xlsx", merge.xlsx, "汇总表格 (summary spreadsheet)");
  cmd_merge->add_option("--html-dir", merge.html_dir, "在此目录写 index.html 汇总页 (HTML index of the merge)");
  cmd_merge->add_option("--hierarchy", merge.hierarchy,
                        "地区及其部门的层级文件，核对本级政府汇总报告 (areas and their departments: rules/hierarchy.example.toml)")
      ->check(CLI::ExistingFile);
  cmd_merge->add_option("inputs", merge.inputs, "分片数据库 (shard databases)")->required();

  nianbao::ServeCommandOptions serve;
  CLI::App* cmd_serve = app.add_subcommand("serve", "本机自查网页 (local self-check web page)");
  cmd_serve->add_option("--bind", serve.bind, "监听地址 (address; default 127.0.0.1, this machine only)");
  cmd_serve->add_option("--port", serve.port, "端口 (port)")->check(CLI::Range(1, 65535));
  cmd_serve->add_option("--max-upload-mb", serve.max_upload_mb, "上传文件大小上限 MB (upload size limit)")
      ->check(CLI::Range(1, 1024));
  add_limit_options(cmd_serve, serve.limits);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << "nianbao: "
              << nianbao::usage_error_message(app, e, args, {"check", "batch", "merge", "serve", "rules"})
              << "\n";
    return 2;  // usage error (docs/OUTPUT.md)
  }
  try {
    const std::string rules_dir = rules.empty() ? nianbao::default_rules_dir() : rules;
    if (*cmd_check) return end_now(nianbao::run_check(check, nianbao::RulesOnDemand(rules_dir)));
    const nianbao::Rules loaded = nianbao::load_rules(rules_dir);
    if (*cmd_rules) return nianbao::run_rules(list, loaded);
    if (*cmd_serve) return nianbao::run_serve(serve, loaded);
    if (*cmd_batch) return nianbao::run_batch(batch, loaded);
    if (*cmd_merge) return nianbao::run_merge(merge, loaded);
  } catch (const nianbao::RulesError& e) {
    std::cerr << "nianbao: 规则文件错误 (rules error): " << e.what() << "\n";
    return 2;
  }
  return 2;
}
