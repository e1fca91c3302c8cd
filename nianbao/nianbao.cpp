#include <exception>
#include <functional>
#include <new>

#include "extract/analyze.h"
#include "extract/model/errors.h"
#include "extract/read/reader.h"
#include "nianbao/locate.h"
#include "nianbao/nianbao.h"

namespace nianbao {

Rules load_rules(const std::string& dir) {
  Rules rules = Rules::load(dir);
  require_catalog_entries(rules);
  return rules;
}

namespace {

// Reads (through `read`), analyses and validates; every failure is the result's reason.
CheckResult check_document(const std::string& name, const Rules& rules, const Limits& limits,
                           const std::function<Document()>& read) {
  CheckResult r;
  r.file = name;
  try {
    Document doc = read();
    r.format = doc.format;
    r.report = analyze(doc, rules);
    Validation v = validate_all(r.report, rules);
    r.findings = std::move(v.findings);
    r.verified = std::move(v.verified);
    locate_findings(doc, r.report, r.findings);
    locate_findings(doc, r.report, r.verified);
    r.ok = true;
  } catch (const ReadError& e) {
    r.error_code = e.code;
    r.error_message = e.what();
  } catch (const std::bad_alloc&) {
    r.error_code = "out_of_memory";
    r.error_message = out_of_memory_message(name, limits);
  } catch (const std::exception& e) {
    // A fault of nianbao's own on this file: said for this file, the others still checked.
    r.error_code = "internal";
    r.error_message = name + ": 内部错误，请报告此文件 (internal error, please report this file): " + e.what();
  }
  return r;
}

}  // namespace

CheckResult check_file(const std::string& path, const Rules& rules, const Limits& limits) {
  return check_document(path, rules, limits, [&] { return read_document(path, rules.headings, limits); });
}

CheckResult check_bytes(const std::string& name, std::string bytes, const Rules& rules, const Limits& limits) {
  return check_document(name, rules, limits,
                        [&] { return read_document_bytes(std::move(bytes), name, rules.headings, limits); });
}

}  // namespace nianbao
