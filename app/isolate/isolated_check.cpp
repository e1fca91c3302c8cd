#include "app/isolate/isolated_check.h"

#include <unistd.h>

#include "app/isolate/in_process.h"

namespace nianbao {

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

namespace {

// The child's answer: one byte ok, one byte has-error, then the rendering.
std::string child_answer(const CheckResult& r, const std::function<std::string(const CheckResult&)>& render) {
  return std::string(1, r.ok ? '1' : '0') + (r.count(Severity::Error) > 0 ? '1' : '0') + render(r);
}

// What the child answered, or the failure that `name` met when it did not finish.
IsolatedCheck parsed_answer(const std::string& name, ChildOutcome&& o, const Limits& limits,
                            const std::function<std::string(const CheckResult&)>& render) {
  IsolatedCheck out;
  if (o.end == ChildOutcome::End::Finished && o.output.size() >= 2) {
    out.ok = o.output[0] == '1';
    out.has_error = o.output[1] == '1';
    out.output = o.output.substr(2);
    return out;
  }
  if (o.end == ChildOutcome::End::Finished) o.end = ChildOutcome::End::Crashed;
  out.output = render(unfinished_result(name, o, limits));
  return out;
}

// `check` in a child process; `name` names the input when the child does not finish.
IsolatedCheck check_isolated(const std::string& name, const Limits& limits, const std::function<CheckResult()>& check,
                             const std::function<std::string(const CheckResult&)>& render) {
  return parsed_answer(name, run_in_child(child_limits(limits), [&] { return child_answer(check(), render); }), limits,
                       render);
}

}  // namespace

IsolatedCheck check_file_isolated(const std::string& path, const Rules& rules, const Limits& limits,
                                  const std::function<std::string(const CheckResult&)>& render) {
  return check_isolated(path, limits, [&] { return check_file(path, rules, limits); }, render);
}

IsolatedCheck check_file_in_this_process(const std::string& path, const Rules& rules, const Limits& limits,
                                         const std::function<std::string(const CheckResult&)>& render,
                                         int exit_status) {
  LastWords last_words;
  last_words.fd = STDOUT_FILENO;
  last_words.exit_status = exit_status;
  last_words.answer = [&](const ChildOutcome& o) { return render(unfinished_result(path, o, limits)); };
  ChildOutcome o = run_in_this_process(child_limits(limits), last_words,
                                       [&] { return child_answer(check_file(path, rules, limits), render); });
  return parsed_answer(path, std::move(o), limits, render);
}

void check_files_isolated(const std::vector<std::string>& paths, const std::function<const Rules&()>& rules,
                          const Limits& limits,
                          const std::function<std::string(const CheckResult&)>& render,
                          const std::function<void(std::size_t, IsolatedCheck&&)>& done) {
  // One worker: files are answered in the order given.
  run_in_workers(
      paths.size(), 1, child_limits(limits), kReportWorkerRecycling,
      [&](std::size_t i) { return child_answer(check_file(paths[i], rules(), limits), render); },
      [&](std::size_t i, ChildOutcome&& o) { done(i, parsed_answer(paths[i], std::move(o), limits, render)); });
}

IsolatedCheck check_bytes_isolated(const std::string& name, const std::string& bytes, const Rules& rules,
                                   const Limits& limits, const std::function<std::string(const CheckResult&)>& render) {
  return check_isolated(name, limits, [&] { return check_bytes(name, bytes, rules, limits); }, render);
}

}  // namespace nianbao
