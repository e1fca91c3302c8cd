// Work run in the process itself under a worker's limits (app/isolate/in_process.h), as `check`
// runs one report: what it returns, and, when it does not finish, the answer prepared for that
// end written to the descriptor and the process ended with the status given. The ends that
// stop the process are run as death tests, in a child gtest forks.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>
#include <stdexcept>

#include "app/isolate/asan.h"
#include "app/isolate/in_process.h"
#include "test_paths.h"

namespace nianbao {
namespace {

using End = ChildOutcome::End;

// The answer for each end, as a caller would render it: the end and its detail.
std::string answer(const ChildOutcome& o) {
  const char* name = o.end == End::TimedOut ? "timed out" : o.end == End::OutOfMemory ? "out of memory" : "crashed";
  return std::string(name) + (o.detail.empty() ? "" : ": " + o.detail) + "\n";
}

class InProcess : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "nianbao_in_process_" + std::to_string(::getpid());
    std::remove(path_.c_str());
  }
  void TearDown() override { std::remove(path_.c_str()); }

  // The answer goes to a file of this test; in a death test the child writes it.
  ChildOutcome run(const ChildLimits& limits, const std::function<std::string()>& work) {
    FILE* f = std::fopen(path_.c_str(), "w");
    LastWords w;
    w.fd = fileno(f);
    w.exit_status = 3;
    w.answer = answer;
    ChildOutcome o = run_in_this_process(limits, w, work);
    std::fclose(f);
    return o;
  }
  std::string written() const {
    std::ifstream in(path_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::string path_;
};

// Where a growing task keeps what it allocates, so that the allocation is not optimised away.
char* volatile g_kept = nullptr;

TEST_F(InProcess, FinishedWorkReturnsAndTheLimitsArePutBack) {
  rlimit as{}, cpu{};
  getrlimit(RLIMIT_AS, &as);
  getrlimit(RLIMIT_CPU, &cpu);
  ChildOutcome o = run(ChildLimits{30, 4096}, [] { return std::string("done"); });
  EXPECT_EQ(o.end, End::Finished);
  EXPECT_EQ(o.output, "done");
  EXPECT_EQ(written(), "");  // nothing prepared is written when the work finishes
  rlimit as2{}, cpu2{};
  getrlimit(RLIMIT_AS, &as2);
  getrlimit(RLIMIT_CPU, &cpu2);
  EXPECT_EQ(as2.rlim_cur, as.rlim_cur);
  EXPECT_EQ(as2.rlim_max, as.rlim_max);
  EXPECT_EQ(cpu2.rlim_cur, cpu.rlim_cur);
  EXPECT_EQ(alarm(0), 0u) << "the wall-clock timer is still running";
}

TEST_F(InProcess, WorkThatThrowsFailsWithItsMessage) {
  ChildOutcome o = run(ChildLimits{30, 0}, []() -> std::string { throw std::runtime_error("unreadable cell"); });
  EXPECT_EQ(o.end, End::Failed);
  EXPECT_EQ(o.detail, "unreadable cell");
  o = run(ChildLimits{30, 0}, []() -> std::string { throw std::bad_alloc(); });
  EXPECT_EQ(o.end, End::OutOfMemory);
}

TEST_F(InProcess, ACrashWritesItsAnswerAndEndsWithTheStatus) {
  if (NIANBAO_ASAN) GTEST_SKIP() << "AddressSanitizer reports crashes itself";
  EXPECT_EXIT(run(ChildLimits{30, 0}, []() -> std::string { raise(SIGSEGV); return ""; }),
              ::testing::ExitedWithCode(3), "");
  EXPECT_EQ(written(), "crashed: signal 11 (Segmentation fault)\n");
  EXPECT_EXIT(run(ChildLimits{30, 0}, []() -> std::string { std::abort(); }), ::testing::ExitedWithCode(3), "");
  EXPECT_EQ(written(), "crashed: signal 6 (Aborted)\n");
}

TEST_F(InProcess, CpuSecondsRunOut) {
  EXPECT_EXIT(run(ChildLimits{1, 0},
                  []() -> std::string {
                    volatile unsigned long x = 0;
                    for (;;) x = x + 1;
                  }),
              ::testing::ExitedWithCode(3), "");
  EXPECT_EQ(written(), "timed out\n");
}

TEST_F(InProcess, WallClockSecondsRunOutWhileTheWorkWaits) {
  // Waiting costs no CPU: the timer stops it, the timeout's grace seconds after the limit.
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EXIT(run(ChildLimits{1, 0}, []() -> std::string { for (;;) pause(); }), ::testing::ExitedWithCode(3), "");
  EXPECT_EQ(written(), "timed out\n");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
}

TEST_F(InProcess, AnAllocationFailedInCCodeIsOutOfMemoryNotACrash) {
  if (NIANBAO_ASAN) GTEST_SKIP() << "AddressSanitizer reserves the address space a limit would count";
  // As Poppler does: malloc's null used, or abort() on it. Either way the address space is full.
  EXPECT_EXIT(run(ChildLimits{30, 256},
                  []() -> std::string {
                    for (;;) {
                      char* p = static_cast<char*>(std::malloc(1u << 20));
                      if (!p) std::abort();
                      p[0] = 1;
                      g_kept = p;
                    }
                  }),
              ::testing::ExitedWithCode(3), "");
  EXPECT_EQ(written(), "out of memory\n");
}

}  // namespace
}  // namespace nianbao
