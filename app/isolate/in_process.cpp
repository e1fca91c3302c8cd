#include "app/isolate/in_process.h"

#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <iterator>

#include "app/isolate/asan.h"
#include "app/isolate/process_limits.h"

namespace nianbao {
namespace {

// The signals a crash arrives by; a worker's parent would see them as its exit status.
constexpr int kFatalSignals[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};
// The signals of a limit of time: the CPU limit's, and the wall-clock timer's.
constexpr int kTimeSignals[] = {SIGXCPU, SIGALRM};

// The answers rendered beforehand, for the handlers, which may not allocate.
struct Prepared {
  std::string timed_out, out_of_memory;
  std::string crashed[std::size(kFatalSignals)];
  int fd = 1;
  int exit_status = 3;
};
Prepared* g_prepared = nullptr;

[[noreturn]] void write_and_end(const std::string& answer) {
  const char* p = answer.data();
  std::size_t left = answer.size();
  while (left > 0) {
    const ssize_t n = ::write(g_prepared->fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  _exit(g_prepared->exit_status);
}

void on_time_limit(int) { write_and_end(g_prepared->timed_out); }

void on_fatal_signal(int sig) {
  if (address_space_exhausted()) write_and_end(g_prepared->out_of_memory);
  for (std::size_t i = 0; i < std::size(kFatalSignals); ++i)
    if (kFatalSignals[i] == sig) write_and_end(g_prepared->crashed[i]);
  signal(sig, SIG_DFL);
  raise(sig);
}

// What run_in_this_process changes, put back as it was when the work is done.
struct Saved {
  rlimit as{}, cpu{};
  struct sigaction time[std::size(kTimeSignals)]{};
  struct sigaction fatal[std::size(kFatalSignals)]{};
};

void install(const ChildLimits& limits, Saved& saved) {
  getrlimit(RLIMIT_AS, &saved.as);
  getrlimit(RLIMIT_CPU, &saved.cpu);
  struct sigaction sa {};
  sa.sa_handler = on_time_limit;
  for (std::size_t i = 0; i < std::size(kTimeSignals); ++i) sigaction(kTimeSignals[i], &sa, &saved.time[i]);
  if (!NIANBAO_ASAN) {  // AddressSanitizer reports crashes itself
    use_signal_stack();
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;  // a handler that faults itself ends the process
    for (std::size_t i = 0; i < std::size(kFatalSignals); ++i) sigaction(kFatalSignals[i], &sa, &saved.fatal[i]);
  }
  apply_memory_limit(limits, false);
  apply_cpu_limit(limits);
  if (limits.timeout_seconds > 0) alarm(static_cast<unsigned>(limits.timeout_seconds + kWallGraceSeconds));
}

void restore(const Saved& saved) {
  alarm(0);
  setrlimit(RLIMIT_CPU, &saved.cpu);
  setrlimit(RLIMIT_AS, &saved.as);
  for (std::size_t i = 0; i < std::size(kTimeSignals); ++i) sigaction(kTimeSignals[i], &saved.time[i], nullptr);
  if (!NIANBAO_ASAN)
    for (std::size_t i = 0; i < std::size(kFatalSignals); ++i) sigaction(kFatalSignals[i], &saved.fatal[i], nullptr);
}

}  // namespace

ChildOutcome run_in_this_process(const ChildLimits& limits, const LastWords& last_words,
                                 const std::function<std::string()>& work) {
  using End = ChildOutcome::End;
  static Prepared prepared;
  prepared.timed_out = last_words.answer(ChildOutcome{End::TimedOut, {}, {}});
  prepared.out_of_memory = last_words.answer(ChildOutcome{End::OutOfMemory, {}, {}});
  for (std::size_t i = 0; i < std::size(kFatalSignals); ++i)
    prepared.crashed[i] = last_words.answer(ChildOutcome{End::Crashed, {}, signal_detail(kFatalSignals[i])});
  prepared.fd = last_words.fd;
  prepared.exit_status = last_words.exit_status;
  g_prepared = &prepared;

  if (over_memory_limit(limits)) return ChildOutcome{End::OutOfMemory, {}, {}};
  Saved saved;
  install(limits, saved);
  ChildOutcome o = run_caught(work);
  restore(saved);
  return o;
}

}  // namespace nianbao
