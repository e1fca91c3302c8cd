#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "app/cli/check_output.h"
#include "app/cli/commands.h"
#include "app/isolate/asan.h"
#include "app/isolate/isolated_check.h"

namespace nianbao {

// The exit status of a check with a file that could not be read (docs/OUTPUT.md).
constexpr int kUnreadable = 3;

int run_check(const CheckOptions& o, const RulesOnDemand& rules) {
  Lang lang = o.lang == "en" ? Lang::En : Lang::Zh;
  CheckOutput output;
  std::string problem;
  if (!output.open(o, lang == Lang::En, &problem)) {
    std::cerr << "nianbao: " << problem << "\n";
    return 2;  // usage error (docs/OUTPUT.md)
  }
  TextOptions text;
  text.lang = lang;
  text.verbose = o.verbose;
  text.color = o.color == "always" ||
               (o.color == "auto" && o.output.empty() && o.output_dir.empty() && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
  auto render = [&](const CheckResult& r) -> std::string {
    if (o.format == "json") return to_json_text(r, rules.get().catalog, lang) + "\n";
    if (o.format == "html")  // one self-contained page per file (CheckOutput keeps them apart)
      return render_html(r, rules.get(), HtmlOptions{lang, true, std::string()});
    return render_text(r, rules.get().catalog, text);
  };
  bool any_error = false, any_unreadable = false, write_failed = false;
  auto deliver = [&](std::size_t i, IsolatedCheck&& c) {
    if (write_failed) return;
    if (!c.ok) any_unreadable = true;
    if (c.has_error) any_error = true;
    if (!output.write(o.files[i], c.output, &problem)) {
      std::cerr << "nianbao: " << problem << "\n";
      write_failed = true;
    }
  };
  if (o.files.size() == 1 && o.output.empty() && o.output_dir.empty() && !NIANBAO_ASAN) {
    // One report to standard output: checked in this process, which ends right after it, under
    // the same limits; a check that does not finish is answered from a signal handler.
    deliver(0, check_file_in_this_process(o.files[0], rules.get(), o.limits, render, kUnreadable));
  } else {
    // One file at a time, in a child process that checks them one after another, each under the
    // limits, printed as soon as it is done: a broken file never hides the others.
    check_files_isolated(o.files, [&]() -> const Rules& { return rules.get(); }, o.limits, render, deliver);
  }
  if (write_failed) return 2;
  return any_unreadable ? kUnreadable : any_error ? 1 : 0;
}

int run_rules(const RulesOptions& o, const Rules& rules) {
  bool en = o.lang == "en";
  for (const auto& r : rules.catalog.rules())
    std::cout << r.id << "\t" << to_string(r.severity) << "\t" << (en ? r.doc_en : r.doc_zh) << "\n";
  return 0;
}

}  // namespace nianbao
