#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "tools/nianbao/commands.h"
#include "tools/render/render_html.h"
#include "tools/render/render_json.h"
#include "tools/render/render_text.h"
#include "validate/validate.h"

namespace nianbao {

int run_check(const CheckOptions& o) {
  Rules rules = Rules::load();
  Lang lang = o.lang == "en" ? Lang::En : Lang::Zh;
  TextOptions text;
  text.lang = lang;
  text.verbose = o.verbose;
  text.color = o.color == "always" ||
               (o.color == "auto" && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"));
  bool any_error = false, any_unreadable = false;
  // One file at a time, printed as soon as it is done: a broken file never hides the others.
  for (const auto& file : o.files) {
    CheckResult r = check_file(file, rules);
    if (!r.ok) any_unreadable = true;
    if (r.count(Severity::Error) > 0) any_error = true;
    if (o.format == "json")
      std::cout << to_json(r, rules.catalog, lang).dump() << "\n";
    else if (o.format == "html")  // one self-contained page per file, one after the other
      std::cout << render_html(r, rules, HtmlOptions{lang, true, std::string()});
    else
      std::cout << render_text(r, rules.catalog, text);
    std::cout.flush();
  }
  return any_unreadable ? 3 : any_error ? 1 : 0;
}

int run_rules(const RulesOptions& o) {
  Rules rules = Rules::load();
  bool en = o.lang == "en";
  for (const auto& r : rules.catalog.rules())
    std::cout << r.id << "\t" << to_string(r.severity) << "\t" << (en ? r.doc_en : r.doc_zh) << "\n";
  return 0;
}

}  // namespace nianbao
