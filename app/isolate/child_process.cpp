// Fork per task. The child writes one tag byte and its result to a pipe; the parent only polls
// the pipes and the clock, so it never runs any of the work that could fail.
#include "app/isolate/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>
#include <vector>

#include "app/isolate/asan.h"

namespace nianbao {
namespace {

using Clock = std::chrono::steady_clock;

// The first byte on the pipe says how the work ended.
constexpr char kFinished = 'F', kOutOfMemory = 'M', kFailed = 'E';

// After CPU-bound work has used its seconds, the kernel stops it (SIGXCPU); a child blocked
// outside the CPU (waiting on a helper program) is killed by the parent this much later.
constexpr int kWallGraceSeconds = 2;

struct Running {
  pid_t pid = -1;
  int fd = -1;
  std::size_t task = 0;
  std::string bytes;
  Clock::time_point started;
  bool killed_for_time = false;
};

void write_all(int fd, const std::string& s) {
  std::size_t off = 0;
  while (off < s.size()) {
    const ssize_t n = ::write(fd, s.data() + off, s.size() - off);
    if (n <= 0) return;
    off += static_cast<std::size_t>(n);
  }
}

// The child's end of its pipe, for the signal handler below.
volatile sig_atomic_t g_result_fd = -1;

// C libraries do not throw std::bad_alloc when the address space runs out: Poppler prints "Out
// of memory" and aborts, others dereference the null they got. When such a child dies, a
// mapping of a few MB that cannot be made either says the limit was the cause (mmap and write
// are safe in a signal handler); otherwise it is an ordinary crash.
void on_fatal_signal(int sig) {
  const size_t probe = 8u << 20;
  void* p = mmap(nullptr, probe, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED && g_result_fd >= 0) {
    const char tag = kOutOfMemory;
    if (::write(g_result_fd, &tag, 1) == 1) _exit(0);
  }
  if (p != MAP_FAILED) munmap(p, probe);
  signal(sig, SIG_DFL);
  raise(sig);
}

void apply_limits(const ChildLimits& l, int fd) {
#if !NIANBAO_ASAN
  // AddressSanitizer reserves terabytes of address space: a limit would kill every child, and
  // it has fatal-signal handlers of its own.
  if (l.memory_mb > 0) {
    const rlim_t bytes = static_cast<rlim_t>(l.memory_mb) * 1024 * 1024;
    const rlimit as{bytes, bytes};
    setrlimit(RLIMIT_AS, &as);
    g_result_fd = fd;
    // A stack of its own, for the handler runs on a SIGSEGV of an exhausted stack too.
    static char alt_stack[64 * 1024];
    stack_t ss{};
    ss.ss_sp = alt_stack;
    ss.ss_size = sizeof alt_stack;
    sigaltstack(&ss, nullptr);
    struct sigaction sa {};
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGABRT, &sa, nullptr);
    sigaction(SIGSEGV, &sa, nullptr);
    sigaction(SIGBUS, &sa, nullptr);
  }
#else
  (void)fd;
#endif
  if (l.timeout_seconds > 0) {
    const rlimit cpu{static_cast<rlim_t>(l.timeout_seconds), static_cast<rlim_t>(l.timeout_seconds) + 1};
    setrlimit(RLIMIT_CPU, &cpu);
  }
}

[[noreturn]] void child_main(const ChildLimits& limits, const std::function<std::string(std::size_t)>& work,
                             std::size_t task, int fd) {
  apply_limits(limits, fd);
  std::string payload;
  try {
    payload = kFinished + work(task);
  } catch (const std::bad_alloc&) {
    payload.assign(1, kOutOfMemory);
  } catch (const std::exception& e) {
    payload = kFailed + std::string(e.what());
  } catch (...) {
    payload = kFailed + std::string("unknown exception");
  }
  write_all(fd, payload);
  ::close(fd);
  _exit(0);
}

ChildOutcome outcome_of(Running& r, int status) {
  ChildOutcome o;
  const bool clean_exit = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (clean_exit && !r.bytes.empty()) {
    const char tag = r.bytes[0];
    if (tag == kFinished) {
      o.end = ChildOutcome::End::Finished;
      o.output = r.bytes.substr(1);
      return o;
    }
    if (tag == kOutOfMemory) {
      o.end = ChildOutcome::End::OutOfMemory;
      return o;
    }
    o.end = ChildOutcome::End::Failed;
    o.detail = r.bytes.substr(1);
    return o;
  }
  if (r.killed_for_time || (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)) {
    o.end = ChildOutcome::End::TimedOut;
    return o;
  }
  o.end = ChildOutcome::End::Crashed;
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    o.detail = "signal " + std::to_string(sig) + " (" + strsignal(sig) + ")";
  } else {
    o.detail = "exit status " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + " without a result";
  }
  return o;
}

}  // namespace

void run_in_children(std::size_t count, int width, const ChildLimits& limits,
                     const std::function<std::string(std::size_t)>& work,
                     const std::function<void(std::size_t, ChildOutcome&&)>& done) {
  std::vector<Running> running;
  std::size_t next = 0;
  const std::size_t most = static_cast<std::size_t>(width < 1 ? 1 : width);
  while (next < count || !running.empty()) {
    while (running.size() < most && next < count) {
      int p[2];
      if (::pipe2(p, O_CLOEXEC) != 0) {
        done(next++, ChildOutcome{ChildOutcome::End::NotStarted, {}, std::string("pipe: ") + std::strerror(errno)});
        continue;
      }
      // Nothing buffered here may be printed a second time by the child.
      std::fflush(nullptr);
      const pid_t pid = ::fork();
      if (pid == 0) {
        ::close(p[0]);
        child_main(limits, work, next, p[1]);
      }
      ::close(p[1]);
      if (pid < 0) {
        ::close(p[0]);
        done(next++, ChildOutcome{ChildOutcome::End::NotStarted, {}, std::string("fork: ") + std::strerror(errno)});
        continue;
      }
      running.push_back(Running{pid, p[0], next++, {}, Clock::now(), false});
    }
    if (running.empty()) continue;
    std::vector<pollfd> fds;
    for (const auto& r : running) fds.push_back(pollfd{r.fd, POLLIN, 0});
    ::poll(fds.data(), fds.size(), 200);
    for (std::size_t i = running.size(); i-- > 0;) {
      Running& r = running[i];
      bool eof = false;
      if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
        char buf[65536];
        const ssize_t n = ::read(r.fd, buf, sizeof buf);
        if (n > 0) r.bytes.append(buf, static_cast<std::size_t>(n));
        else if (n == 0 || errno != EINTR) eof = true;
      }
      const double secs = std::chrono::duration<double>(Clock::now() - r.started).count();
      if (!eof && limits.timeout_seconds > 0 && secs > limits.timeout_seconds + kWallGraceSeconds) {
        ::kill(r.pid, SIGKILL);
        r.killed_for_time = true;
        eof = true;
      }
      if (!eof) continue;
      ::close(r.fd);
      int status = 0;
      while (::waitpid(r.pid, &status, 0) < 0 && errno == EINTR) {
      }
      ChildOutcome o = outcome_of(r, status);
      const std::size_t task = r.task;
      running.erase(running.begin() + static_cast<long>(i));
      done(task, std::move(o));
    }
  }
}

ChildOutcome run_in_child(const ChildLimits& limits, const std::function<std::string()>& work) {
  ChildOutcome result;
  run_in_children(1, 1, limits, [&](std::size_t) { return work(); },
                  [&](std::size_t, ChildOutcome&& o) { result = std::move(o); });
  return result;
}

}  // namespace nianbao
