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

CheckResult check_file(const std::string& path, const Rules& rules, const Limits& limits) {
  CheckResult r;
  r.file = path;
  try {
    Document doc = read_document(path, limits);
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
    r.error_code = "out_of_memory";
    r.error_message = out_of_memory_message(path, limits);
  } catch (const std::exception& e) {
    // A fault of nianbao's own on this file: said for this file, the others still checked.
    r.error_code = "internal";
    r.error_message = path + ": 内部错误，请报告此文件 (internal error, please report this file): " + e.what();
  }
  return r;
}

ChildLimits child_limits(const Limits& limits) { return ChildLimits{limits.timeout_seconds, limits.max_memory_mb}; }

CheckResult unfinished_result(const std::string& path, const ChildOutcome& outcome, const Limits& limits) {
  CheckResult r;
  r.file = path;
  using End = ChildOutcome::End;
  switch (outcome.end) {
    case End::TimedOut:
      r.error_code = "timeout";
      r.error_message = timeout_message(path, limits);
      break;
    case End::OutOfMemory:
      r.error_code = "out_of_memory";
      r.error_message = out_of_memory_message(path, limits);
      break;
    case End::NotStarted:
      r.error_code = "io";
      r.error_message = path + ": 无法启动检查进程 (cannot start the checking process): " + outcome.detail;
      break;
    case End::Failed:
      r.error_code = "internal";
      r.error_message = path + ": 内部错误，请报告此文件 (internal error, please report this file): " + outcome.detail;
      break;
    case End::Crashed:
    case End::Finished:  // not unfinished: only reached by a caller's mistake
      r.error_code = "crashed";
      r.error_message = path + ": 检查进程异常终止，请报告此文件 (the checking process died, please report this file): " +
                        outcome.detail;
      break;
  }
  return r;
}

IsolatedCheck check_file_isolated(const std::string& path, const Rules& rules, const Limits& limits,
                                  const std::function<std::string(const CheckResult&)>& render) {
  // The child's answer: one byte ok, one byte has-error, then the rendering.
  ChildOutcome o = run_in_child(child_limits(limits), [&] {
    const CheckResult r = check_file(path, rules, limits);
    return std::string(1, r.ok ? '1' : '0') + (r.count(Severity::Error) > 0 ? '1' : '0') + render(r);
  });
  IsolatedCheck out;
  if (o.end == ChildOutcome::End::Finished && o.output.size() >= 2) {
    out.ok = o.output[0] == '1';
    out.has_error = o.output[1] == '1';
    out.output = o.output.substr(2);
    return out;
  }
  if (o.end == ChildOutcome::End::Finished) o.end = ChildOutcome::End::Crashed;
  out.output = render(unfinished_result(path, o, limits));
  return out;
}

}  // namespace nianbao
