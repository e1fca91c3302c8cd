#include "tools/render/check_result.h"

#include <exception>

#include "extract/analyze.h"
#include "extract/errors.h"
#include "extract/reader.h"
#include "validate/validate.h"

namespace nianbao {

int CheckResult::count(Severity s) const {
  int n = 0;
  for (const auto& f : findings) n += f.severity == s;
  return n;
}

CheckResult check_file(const std::string& path, const Rules& rules) {
  CheckResult r;
  r.file = path;
  try {
    Document doc = read_document(path);
    r.format = doc.format;
    r.report = analyze(doc);
    Validation v = validate_all(r.report, rules);
    r.findings = std::move(v.findings);
    r.verified = std::move(v.verified);
    r.ok = true;
  } catch (const ReadError& e) {
    r.error_code = e.code;
    r.error_message = e.what();
  } catch (const std::bad_alloc&) {
    r.error_code = "io";
    r.error_message = path + ": 内存不足 (out of memory)";
  } catch (const std::exception& e) {
    // A fault of nianbao's own on this file: said for this file, the others still checked.
    r.error_code = "internal";
    r.error_message = path + ": 内部错误，请报告此文件 (internal error, please report this file): " + e.what();
  }
  return r;
}

}  // namespace nianbao
