// Long-lived worker processes (app/isolate/child_process.h, run_in_workers): many tasks per
// process, yet each task under its own limits; a task that crashes, throws, runs out of time or
// leaves its worker too large costs that task alone (or nothing), and the rest go on.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "app/isolate/asan.h"
#include "app/isolate/child_process.h"

namespace nianbao {
namespace {

using End = ChildOutcome::End;

std::map<std::size_t, ChildOutcome> run_all(std::size_t count, int width, const ChildLimits& limits,
                                            const WorkerRecycling& recycling,
                                            const std::function<std::string(std::size_t)>& work) {
  std::map<std::size_t, ChildOutcome> out;
  run_in_workers(count, width, limits, recycling, work, [&](std::size_t i, ChildOutcome&& o) {
    EXPECT_EQ(out.count(i), 0u) << "task " << i << " reported twice";
    out[i] = std::move(o);
  });
  EXPECT_EQ(out.size(), count);
  return out;
}

// Where the growing task keeps what it allocates, so that the allocation is not optimised away.
char* volatile g_kept = nullptr;

void burn_cpu(double seconds) {
  const auto start = std::chrono::steady_clock::now();
  volatile unsigned long x = 0;
  while (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < seconds) ++x;
}

TEST(WorkerPool, AnAnswerThatThrowsLeavesNoWorkerBehind) {
  // `check` renders a failed file in this process and may find the rules malformed only then: the
  // error goes up to the caller, and the workers still running are killed and reaped first.
  EXPECT_THROW(run_in_workers(10, 2, ChildLimits{}, WorkerRecycling{}, [](std::size_t i) { return std::to_string(i); },
                              [](std::size_t, ChildOutcome&&) { throw std::runtime_error("rules are malformed"); }),
               std::runtime_error);
  errno = 0;
  EXPECT_EQ(::waitpid(-1, nullptr, WNOHANG), -1) << "a worker is still a child of this process";
  EXPECT_EQ(errno, ECHILD);
}

TEST(WorkerPool, EachWorkerRunsItsShareOfTasksThenIsReplaced) {
  auto out = run_all(20, 2, ChildLimits{}, WorkerRecycling{5, 0},
                     [](std::size_t i) { return std::to_string(i) + ":" + std::to_string(::getpid()); });
  std::map<std::string, int> tasks_per_pid;
  for (const auto& [i, o] : out) {
    ASSERT_EQ(o.end, End::Finished) << i;
    ASSERT_EQ(o.output.rfind(std::to_string(i) + ":", 0), 0u) << o.output;
    ++tasks_per_pid[o.output.substr(o.output.find(':') + 1)];
  }
  // Five tasks each, but the last workers may share the last tasks between them.
  EXPECT_GE(tasks_per_pid.size(), 4u);
  EXPECT_LE(tasks_per_pid.size(), 6u);
  for (const auto& [pid, n] : tasks_per_pid) EXPECT_LE(n, 5) << pid;
  EXPECT_EQ(tasks_per_pid.count(std::to_string(::getpid())), 0u) << "no task runs in this process";
}

TEST(WorkerPool, ACrashOrAnExceptionCostsOnlyItsTask) {
  auto out = run_all(10, 2, ChildLimits{}, WorkerRecycling{100, 0}, [](std::size_t i) -> std::string {
    if (i == 3) ::raise(SIGSEGV);
    if (i == 6) throw std::runtime_error("bad input");
    return "ok" + std::to_string(i);
  });
  EXPECT_EQ(out[3].end, End::Crashed);
  // Under AddressSanitizer its own SEGV handler reports the fault and exits, so the worker ends
  // with a status instead of the signal.
  EXPECT_NE(out[3].detail.find(NIANBAO_ASAN ? "exit status" : "signal 11"), std::string::npos) << out[3].detail;
  EXPECT_EQ(out[6].end, End::Failed);
  EXPECT_EQ(out[6].detail, "bad input");
  for (std::size_t i : {0, 1, 2, 4, 5, 7, 8, 9}) {
    EXPECT_EQ(out[i].end, End::Finished) << i;
    EXPECT_EQ(out[i].output, "ok" + std::to_string(i));
  }
}

// Three tasks of 0.6 s in one worker use 1.8 s of its CPU, more than the limit of 1 s: each is
// measured from where it starts. A task that does not end is stopped; the next one runs.
TEST(WorkerPool, TheTimeLimitIsPerTaskNotPerWorker) {
  auto out = run_all(5, 1, ChildLimits{1, 0}, WorkerRecycling{100, 0}, [](std::size_t i) -> std::string {
    if (i == 3) burn_cpu(30);
    else burn_cpu(0.6);
    return "done";
  });
  for (std::size_t i : {0, 1, 2, 4}) EXPECT_EQ(out[i].end, End::Finished) << i;
  EXPECT_EQ(out[3].end, End::TimedOut);
}

// A task that leaves 24 MB behind each time: the worker is replaced once past 64 MB, so memory
// stays flat however many tasks there are.
TEST(WorkerPool, AWorkerThatGrowsIsReplaced) {
  auto out = run_all(12, 1, ChildLimits{}, WorkerRecycling{1000, 64}, [](std::size_t) {
    char* leak = static_cast<char*>(std::malloc(24u << 20));
    std::memset(leak, 1, 24u << 20);
    g_kept = leak;
    return std::to_string(::getpid());
  });
  std::set<std::string> pids;
  for (const auto& [i, o] : out) {
    ASSERT_EQ(o.end, End::Finished) << i;
    pids.insert(o.output);
  }
  EXPECT_GE(pids.size(), 4u);
#if !NIANBAO_ASAN  // the sanitizer's own memory may put a fresh worker past 64 MB already
  EXPECT_LE(pids.size(), 6u);
#endif
}

// Under an address-space limit a task that runs out of memory is reported so, and its worker
// (whose heap is exhausted) is replaced before the next task.
TEST(WorkerPool, OutOfMemoryIsThatTasksAlone) {
#if NIANBAO_ASAN
  GTEST_SKIP() << "AddressSanitizer builds run without an address-space limit";
#endif
  auto out = run_all(4, 1, ChildLimits{0, 256}, WorkerRecycling{100, 0}, [](std::size_t i) -> std::string {
    if (i == 1) {
      std::string huge(1ul << 30, 'x');
      return huge.substr(0, 1);
    }
    return "ok";
  });
  EXPECT_EQ(out[0].end, End::Finished);
  EXPECT_EQ(out[1].end, End::OutOfMemory);
  EXPECT_EQ(out[2].end, End::Finished);
  EXPECT_EQ(out[3].end, End::Finished);
}

}  // namespace
}  // namespace nianbao
