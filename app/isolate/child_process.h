// Work done in a child process with a time and a memory limit, so that a parser which crashes,
// loops or exhausts memory on one hostile file takes down nothing but its child: `check` runs
// each file this way, `batch` many files side by side, `serve` each upload.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace nianbao {

struct ChildLimits {
  int timeout_seconds = 0;  // CPU and wall-clock seconds; 0 = no limit
  long memory_mb = 0;       // address space (not enforced under AddressSanitizer); 0 = no limit
};

struct ChildOutcome {
  enum class End {
    Finished,     // the work returned: `output` is what it returned
    TimedOut,     // over timeout_seconds (CPU or wall clock)
    OutOfMemory,  // an allocation failed under memory_mb
    Failed,       // the work threw: `detail` is the exception's message
    Crashed,      // killed by a signal (`detail` names it) or exited without a result
    NotStarted,   // no process could be started (`detail` says why)
  };
  End end = End::NotStarted;
  std::string output;
  std::string detail;
};

// Runs work(0) … work(count-1), each in its own child process under `limits`, at most `width`
// at a time. `work` runs in the child and returns the bytes to hand back; `done` runs in this
// process, in completion order, once per task.
void run_in_children(std::size_t count, int width, const ChildLimits& limits,
                     const std::function<std::string(std::size_t)>& work,
                     const std::function<void(std::size_t, ChildOutcome&&)>& done);

// When a long-lived worker is replaced by a fresh one.
struct WorkerRecycling {
  std::size_t max_tasks = 1;  // 1: a process per task, as run_in_children
  long max_rss_mb = 0;        // after a task that leaves it larger than this; 0 = never
};

// How `batch` and a `check` of several files recycle their workers: a report takes a worker to
// 15-40 MB; one left far above that by a file is replaced rather than kept for the next.
inline constexpr WorkerRecycling kReportWorkerRecycling{1000, 512};

// As run_in_children, but `width` worker processes each run task after task, so that forking
// (whose copy-on-write faults fall on this process too) is paid per worker, not per task. Each
// task still runs under the limits: its own CPU seconds (the worker's soft RLIMIT_CPU is reset
// before each task) and wall-clock seconds, the address-space limit of its worker. A worker that
// crashes, runs out of time or memory is replaced and only its task fails; one that reaches
// `recycling` ends after its task and is replaced, so memory stays flat over any number of tasks.
void run_in_workers(std::size_t count, int width, const ChildLimits& limits, const WorkerRecycling& recycling,
                    const std::function<std::string(std::size_t)>& work,
                    const std::function<void(std::size_t, ChildOutcome&&)>& done);

// One task, waited for.
ChildOutcome run_in_child(const ChildLimits& limits, const std::function<std::string()>& work);

}  // namespace nianbao
