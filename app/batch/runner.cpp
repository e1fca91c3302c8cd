// Files checked in worker processes (app/isolate/child_process.h): a worker reads, checks and
// serialises one report after another; a file whose worker does not finish becomes its failure
// object and the worker is replaced.
#include "app/batch/runner.h"

#include <chrono>
#include <cstdio>

#include "app/batch/html_pages.h"
#include "app/batch/listing.h"
#include "app/batch/store.h"
#include "app/isolate/child_process.h"
#include "app/isolate/isolated_check.h"
#include "render/render_html.h"
#include "render/render_json.h"
#include "validate/validate.h"

namespace nianbao::batch {
namespace {

using Clock = std::chrono::steady_clock;

// Each worker checks file after file (forking per file made this process, not the checking,
// the bottleneck: docs/PERFORMANCE.md) and is replaced after kReportWorkerRecycling's count of
// files or when a file leaves it that large, so that what one report leaves behind never grows
// without bound.

std::string prose_of(const CheckResult& r) {
  std::string out;
  for (const auto& p : r.report.paragraphs) out += p.text + "\n";
  return out;
}

// The worker's own connection to the run's database, opened on its first report.
Store& worker_store(const std::string& db) {
  static Store store(db);
  return store;
}

// Runs in the child: a line with what the tally needs, then the file's JSON object on one line.
// The child stores the result itself (RunOptions::db), so that the run's own process does next
// to nothing per file and a second worker nearly doubles the rate. The HTML page is written from
// here too: its page images are drawn from the document the check loaded, which lives only in
// the child. A page that cannot be written is left out (the index says so) rather than failing
// the file.
std::string check_in_child(const Job& job, const Rules& rules, const RunOptions& o) {
  CheckResult r = check_file(job.path, rules, o.limits);
  auto result = to_json(r, rules.catalog, Lang::Zh);
  result["sha256"] = job.sha256;
  if (!o.html_dir.empty())
    write_atomically(o.html_dir, page_of_result(result), render_html(r, rules, HtmlOptions{Lang::Zh, true, {}}));
  std::string line = result.dump();
  if (job.store && !o.db.empty()) worker_store(o.db).put(job.sha256, job.path, result, line, prose_of(r));
  return ResultBrief::of(result).to_json().dump() + "\n" + line;
}

Outcome outcome_of(const Job& job, ChildOutcome&& child, const Rules& rules, const RunOptions& ro) {
  Outcome o{job.path, job.sha256, {}, {}, std::nullopt};
  if (child.end == ChildOutcome::End::Finished) {
    const auto nl = child.output.find('\n');
    try {
      if (nl == std::string::npos || nl + 1 >= child.output.size()) throw std::runtime_error("no result line");
      o.brief = ResultBrief::from_json(nlohmann::ordered_json::parse(child.output.substr(0, nl)), job.path, job.sha256);
      o.line = child.output.substr(nl + 1);
    } catch (const std::exception&) {
      child.end = ChildOutcome::End::Crashed;
      child.detail = "incomplete output";
    }
  }
  if (child.end != ChildOutcome::End::Finished) {
    const CheckResult r = unfinished_result(job.path, child, ro.limits);
    auto f = failure(job.path, r.error_code, r.error_message);
    f["sha256"] = job.sha256;
    o.line = f.dump();
    o.brief = ResultBrief::of(f);
    o.failure = std::move(f);
    // The short page with the error; it replaces whatever the child may have written before
    // it was stopped, so the page always says what the results say.
    if (!ro.html_dir.empty())
      write_atomically(ro.html_dir, page_name("", std::nullopt, job.sha256),
                       render_html(r, rules, HtmlOptions{Lang::Zh, false, {}}));
  }
  return o;
}

void show_progress(size_t done, size_t total, size_t failed, Clock::time_point start, bool last) {
  double secs = std::chrono::duration<double>(Clock::now() - start).count();
  double rate = secs > 0 ? double(done) / secs : 0;
  double eta = rate > 0 ? double(total - done) / rate : 0;
  std::fprintf(stderr, "\r已完成 %zu/%zu  %.1f 份/秒  预计剩余 %.0f 秒  失败 %zu   %s", done, total, rate, eta,
               failed, last ? "\n" : "");
  std::fflush(stderr);
}

}  // namespace

nlohmann::ordered_json failure(const std::string& path, const std::string& code, const std::string& message) {
  nlohmann::ordered_json j;
  j["schema"] = "nianbao/1";
  j["file"] = path;
  j["status"] = "error";
  j["error"] = {{"code", code}, {"message", message}};
  j["findings"] = nlohmann::ordered_json::array();
  return j;
}

void run_isolated(const std::vector<Job>& jobs, const Rules& rules, const RunOptions& o,
                  const std::function<void(Outcome&&)>& done) {
  size_t finished = 0, failed = 0;
  const auto start = Clock::now();
  run_in_workers(
      jobs.size(), o.jobs, child_limits(o.limits), kReportWorkerRecycling,
      [&](size_t i) { return check_in_child(jobs[i], rules, o); },
      [&](size_t i, ChildOutcome&& child) {
        Outcome out = outcome_of(jobs[i], std::move(child), rules, o);
        if (out.brief.status != "ok") ++failed;
        ++finished;
        done(std::move(out));
        if (o.progress) show_progress(finished, jobs.size(), failed, start, false);
      });
  if (o.progress && !jobs.empty()) show_progress(finished, jobs.size(), failed, start, true);
}

}  // namespace nianbao::batch
