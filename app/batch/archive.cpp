// The batch run: hash, skip what the database already holds, check the rest in isolated
// children, store and print each result as it arrives, then the cross-report pass.
#include "app/batch/archive.h"

#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "app/batch/cross.h"
#include "app/batch/hierarchy.h"
#include "app/batch/html_index.h"
#include "app/batch/html_pages.h"
#include "app/batch/listing.h"
#include "app/batch/run_summary.h"
#include "app/batch/runner.h"
#include "app/batch/sha256.h"
#include "app/batch/store.h"
#include "app/batch/xlsx.h"
#include "extract/rules/rules.h"

namespace nianbao::batch {
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

void add_path(const std::string& p, std::vector<std::string>& out) {
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (it->is_regular_file(ec)) out.push_back(it->path().string());
  } else if (fs::exists(p, ec)) {
    out.push_back(p);
  } else {
    // A missing file is still an input: it is reported as unreadable, never silently dropped.
    out.push_back(p);
  }
}

// The cross-report pass over the whole database, its findings stored and printed last.
// `counts` (checked and skipped files) go on the last line too; `unstored` are this run's
// failures that have no place in the database, for the HTML index.
std::vector<json> finish(Store& store, std::ostream* out, const std::string& xlsx, const std::string& html_dir,
                         const std::vector<json>& unstored, const Rules& rules, const json& counts,
                         const CrossOptions& cross_options = {}) {
  auto reports = store.reports(Store::Detail::Cross);
  CrossResult cross = cross_check(reports, store.names(), rules, cross_options);
  store.put_archive_findings(cross.findings);
  if (out) {
    json last;
    last["schema"] = "nianbao/1";
    last["kind"] = "archive";
    last["findings"] = cross.findings;
    last["verified"] = cross.verified;
    last["editions"] = cross.editions;
    last["unidentified"] = cross.unidentified;
    last["unreadable"] = cross.unreadable;
    for (auto& [k, v] : counts.items()) last[k] = v;
    *out << last.dump() << "\n";
    out->flush();
  }
  if (!xlsx.empty()) write_xlsx(store, xlsx, rules, html_dir);
  if (!html_dir.empty()) write_html_index(store, html_dir, cross.findings, unstored, rules);
  return cross.findings;
}

}  // namespace

std::vector<std::string> collect_inputs(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    if (!p.empty() && p[0] == '@') {
      std::ifstream list(p.substr(1));
      if (!list) throw std::runtime_error("无法读取文件列表 " + p.substr(1));
      for (std::string line; std::getline(list, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty() && line[0] != '#') add_path(line, out);
      }
    } else {
      add_path(p, out);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool in_shard(const std::string& file, int k, int n) {
  if (n <= 1) return true;
  // FNV-1a: stable across machines and library versions, unlike std::hash.
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : file) h = (h ^ c) * 1099511628211ULL;
  return int(h % uint64_t(n)) == k - 1;
}

bool parse_shard(const std::string& text, int& k, int& n) {
  auto slash = text.find('/');
  if (slash == std::string::npos) return false;
  try {
    k = std::stoi(text.substr(0, slash));
    n = std::stoi(text.substr(slash + 1));
  } catch (const std::exception&) {
    return false;
  }
  return n >= 1 && k >= 1 && k <= n;
}

int run_batch(const BatchOptions& o, const Rules& rules) {
  // Each result is parsed, stored and let go: kept by the allocator rather than returned to the
  // system and faulted in again for the next one, which cost this process more than the parsing.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  // Before any file is checked: a catalog without the cross-report rules would only show at the end.
  require_cross_catalog_entries(rules);
  // The names and the hierarchy are read before any file is checked: a mistake in them would
  // only show at the end.
  load_hierarchy(o.hierarchy, load_agency_rules(rules));
  if (!o.html_dir.empty()) prepare_html_dir(o.html_dir);
  std::vector<std::string> files;
  for (const auto& f : collect_inputs(o.paths)) {
    // The pages of an earlier run are not reports to check, when DIR lies under an input.
    if (!o.html_dir.empty() && inside_dir(f, o.html_dir)) continue;
    if (in_shard(f, o.shard, o.shards)) files.push_back(f);
  }
  // Without --db the run's database is a temporary file: the workers write to it.
  std::optional<TemporaryDatabase> temporary;
  if (o.db.empty()) temporary.emplace();
  const std::string db = o.db.empty() ? temporary->path() : o.db;
  std::optional<Store> store(std::in_place, db);
  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (!o.out.empty()) {
    file_out.open(o.out, std::ios::trunc);
    if (!file_out) throw std::runtime_error("无法写入 " + o.out);
    out = &file_out;
  }
  // Content hashes: names of one content are checked once; contents already stored are done.
  std::map<std::string, std::vector<std::string>> names;  // sha -> files, in input order
  std::vector<Job> jobs;
  RunTally tally;
  std::map<std::string, json> done_before;
  std::vector<json> unstored;
  for (const auto& f : files) {
    std::error_code ec;
    // A pipe or a device would block the batch process itself while it is hashed.
    if (fs::exists(f, ec) && !fs::is_regular_file(f, ec)) {
      json r = failure(f, "not_a_file", "不是普通文件 (not a regular file)");
      tally.add(r);
      unstored.push_back(r);
      *out << r.dump() << "\n";
      continue;
    }
    std::string sha = sha256_file(f);
    if (sha.empty()) {
      json r = failure(f, "unreadable", "无法读取文件 (cannot read the file)");
      tally.add(r);
      unstored.push_back(r);
      *out << r.dump() << "\n";
      continue;
    }
    names[sha].push_back(f);
    if (names[sha].size() > 1) continue;
    if (store->has(sha)) done_before[sha] = json();
    else jobs.push_back(Job{f, sha});
  }
  // Every stored report parsed is memory and time a first run has no use for.
  if (!done_before.empty())
    for (const auto& r : store->reports())
      if (done_before.count(r.sha256)) done_before[r.sha256] = r.result;
  // Writes one result under every name it was given: the line as it came for the name it was
  // checked under, the object with its "file" changed for the others.
  auto emit = [&](const std::string& sha, const std::string& line, ResultBrief brief) {
    for (const auto& name : names[sha]) {
      if (name == brief.file) {
        *out << line << "\n";
      } else {
        json r = json::parse(line);
        r["file"] = name;
        *out << r.dump() << "\n";
      }
      brief.file = name;
      tally.add(brief);
    }
    out->flush();
  };
  // A content checked in an earlier run gets its page only when the page is missing (a new
  // --html-dir, a deleted page): checked again in a child for the page alone, since the
  // parent must not read the file and the stored JSON cannot be rendered. Its stored result
  // stays as it was.
  const size_t checked = jobs.size();
  std::set<std::string> page_only;
  for (auto& [sha, r] : done_before) {
    for (const auto& name : names[sha]) store->add_name(sha, name);
    r["file"] = names[sha].front();
    emit(sha, r.dump(), ResultBrief::of(r));
    if (!o.html_dir.empty() && !page_exists(o.html_dir, page_of_result(r))) {
      page_only.insert(sha);
      jobs.push_back(Job{names[sha].front(), sha, false});
    }
    r = json();
  }
  // The workers are forked from here: what the rules build on first use is built once, here,
  // rather than in every worker.
  if (jobs.size() > 1) rules.compile_all();
  RunOptions ro;
  ro.jobs = o.jobs;
  ro.limits = o.limits;
  ro.progress = o.progress;
  ro.html_dir = o.html_dir;
  ro.db = db;
  // The workers store what they check, each with its own connection; this process's own is
  // closed meanwhile, since a connection must not live across a fork. What it must store
  // itself (the files whose worker did not finish, the further names of a content) waits for
  // the end of the pass.
  store.reset();
  std::vector<json> failed;
  const auto pass_start = std::chrono::steady_clock::now();
  run_isolated(jobs, rules, ro, [&](Outcome&& r) {
    if (page_only.count(r.sha256)) return;
    if (r.failure) failed.push_back(std::move(*r.failure));
    emit(r.sha256, r.line, r.brief);
  });
  const double pass_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - pass_start).count();
  store.emplace(db);
  for (const json& f : failed) store->put(f.value("sha256", ""), f.value("file", ""), f, f.dump(), "");
  for (const auto& [sha, list] : names)
    if (list.size() > 1)
      for (const auto& name : list) store->add_name(sha, name);
  // The largest resident set of any worker: what --jobs N costs in memory.
  rusage children{};
  getrusage(RUSAGE_CHILDREN, &children);
  tally.add_archive(finish(*store, out, o.xlsx, o.html_dir, unstored, rules,
                           json{{"checked", checked}, {"skipped", done_before.size()},
                                {"max_worker_rss_kb", children.ru_maxrss},
                                {"check_seconds", std::round(pass_seconds * 1000) / 1000}},
                           CrossOptions{o.hierarchy}));
  tally.print(std::cerr, OutputPaths{o.out, o.db, o.xlsx, o.html_dir}, "batch", checked, done_before.size());
  return tally.exit_code();
}

int run_merge(const std::vector<std::string>& inputs, const std::string& db, const std::string& out_path,
              const std::string& xlsx, const std::string& html_dir, const std::string& hierarchy,
              const Rules& rules) {
  require_cross_catalog_entries(rules);
  load_hierarchy(hierarchy, load_agency_rules(rules));
  if (!html_dir.empty()) prepare_html_dir(html_dir);
  Store store(db);
  for (const auto& in : inputs) store.absorb(in);
  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (!out_path.empty()) {
    file_out.open(out_path, std::ios::trunc);
    if (!file_out) throw std::runtime_error("无法写入 " + out_path);
    out = &file_out;
  }
  RunTally tally;
  std::map<std::string, json> by_sha;
  for (const auto& r : store.reports()) by_sha[r.sha256] = r.result;
  for (const auto& [sha, file] : store.names()) {
    auto it = by_sha.find(sha);
    if (it == by_sha.end()) continue;  // a name recorded before its report was stored
    json r = it->second;
    r["file"] = file;
    *out << r.dump() << "\n";
    tally.add(r);
  }
  tally.add_archive(finish(store, out, xlsx, html_dir, {}, rules, json{{"reports", by_sha.size()}},
                           CrossOptions{hierarchy}));
  tally.print(std::cerr, OutputPaths{out_path, db, xlsx, html_dir}, "merge", 0, 0);
  return tally.exit_code();
}

}  // namespace nianbao::batch
