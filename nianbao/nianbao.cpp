#include <exception>
#include <new>

#include "extract/analyze.h"
#include "extract/model/errors.h"
#include "extract/read/reader.h"
#include "nianbao/nianbao.h"

namespace nianbao {

Rules load_rules(const std::string& dir) {
  Rules rules = Rules::load(dir);
  require_catalog_entries(rules);
  return rules;
}

CheckResult check_file(const std::string& path, const Rules& rules, const Limits& limits) {
  CheckResult r;
  r.file = path;
  try {
    Document doc = read_document(path, rules.headings, limits);
    r.format = doc.format;
    r.report = analyze(doc, rules);
    Validation v = validate_all(r.report, rules);
    r.findings = std::move(v.findings);
    r.verified = std::move(v.verified);
    r.ok = true;
  } catch (const ReadError& e) {
    r.error_code = e.code;
    r.error_message = e.what();
  } catch (const std::bad_alloc&) {
    r.error_code = "out_of_memory";
    r.error_message = out_of_memory_message(path, limits);
  } catch (const std::exception& e) {
    // A fault of nianbao's own on this file: said for this file, the others still checked.
    r.error_code = "internal";
    r.error_message = path + ": 内部错误，请报告此文件 (internal error, please report this file): " + e.what();
  }
  return r;
}

}  // namespace nianbao
