// Worker processes forked from this one. A worker reads a task number from its socket, runs the
// task and writes back one frame: a tag byte saying how the work ended, the payload's length
// (8 bytes) and the payload. The parent only polls the sockets and the clock, so it never runs
// any of the work that could fail. A process per task is a worker that ends after one.
#include "app/isolate/child_process.h"

#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <vector>

#include "app/isolate/asan.h"
#include "app/isolate/process_limits.h"

namespace nianbao {
namespace {

using Clock = std::chrono::steady_clock;

// The first byte of a frame says how the work ended.
constexpr char kFinished = 'F', kOutOfMemory = 'M', kFailed = 'E';
// The second byte says whether the worker ends after this task (it is sent no other).
constexpr std::size_t kFrameHeader = 2 + sizeof(std::uint64_t);

struct Worker {
  pid_t pid = -1;
  int fd = -1;                // this process's end of the worker's socket
  bool busy = false;          // a task was sent and its frame has not come back
  std::size_t task = 0;
  std::string bytes;          // what has arrived of the current frame
  Clock::time_point started;  // of the current task
  bool killed_for_time = false;
  bool last = false;          // it said it ends after its task
};

bool write_all(int fd, const char* p, std::size_t size) {
  while (size > 0) {
    // MSG_NOSIGNAL: a worker that has died must not take this process with it (SIGPIPE).
    const ssize_t n = ::send(fd, p, size, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool read_all(int fd, char* p, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::read(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

void frame_header(char tag, bool last, std::uint64_t length, char* out) {
  out[0] = tag;
  out[1] = last ? 1 : 0;
  std::memcpy(out + 2, &length, sizeof length);
}

// The child's end of its socket, for the signal handler below.
volatile sig_atomic_t g_result_fd = -1;

// A child that dies of a signal because its address space ran out says so in its frame;
// otherwise it is an ordinary crash, which the parent sees in its exit status.
void on_fatal_signal(int sig) {
  if (address_space_exhausted() && g_result_fd >= 0) {
    char frame[kFrameHeader];
    frame_header(kOutOfMemory, true, 0, frame);
    if (::write(g_result_fd, frame, sizeof frame) == static_cast<ssize_t>(sizeof frame)) _exit(0);
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

// The address-space limit, for the worker's life, and the handler that reports its end. Under
// AddressSanitizer neither: a limit would kill every child, and it has fatal-signal handlers
// of its own.
void limit_worker_memory(const ChildLimits& l, int fd) {
  if (NIANBAO_ASAN || l.memory_mb <= 0) return;
  apply_memory_limit(l, true);
  g_result_fd = fd;
  use_signal_stack();
  struct sigaction sa {};
  sa.sa_handler = on_fatal_signal;
  sa.sa_flags = SA_ONSTACK;
  sigaction(SIGABRT, &sa, nullptr);
  sigaction(SIGSEGV, &sa, nullptr);
  sigaction(SIGBUS, &sa, nullptr);
}

// Whether a worker that has run `done` tasks ends now rather than take another.
bool retires(const WorkerRecycling& r, std::size_t done) {
  if (done >= r.max_tasks) return true;
  if (r.max_rss_mb <= 0 || memory_now().resident_mb <= r.max_rss_mb) return false;
  malloc_trim(0);  // freed memory the allocator kept is not growth
  return memory_now().resident_mb > r.max_rss_mb;
}

[[noreturn]] void worker_main(const ChildLimits& limits, const WorkerRecycling& recycling,
                              const std::function<std::string(std::size_t)>& work, int fd) {
  limit_worker_memory(limits, fd);
  for (std::size_t done = 0;;) {
    std::uint64_t task = 0;
    if (!read_all(fd, reinterpret_cast<char*>(&task), sizeof task)) _exit(0);  // no more tasks
    apply_cpu_limit(limits);
    using End = ChildOutcome::End;
    ChildOutcome o = over_memory_limit(limits) ? ChildOutcome{End::OutOfMemory, {}, {}}
                                               : run_caught([&] { return work(static_cast<std::size_t>(task)); });
    const char tag = o.end == End::Finished ? kFinished : o.end == End::OutOfMemory ? kOutOfMemory : kFailed;
    const std::string& payload = o.end == End::Failed ? o.detail : o.output;
    // A heap that ran out is not trusted with the next task.
    const bool last = tag == kOutOfMemory || retires(recycling, ++done);
    char header[kFrameHeader];
    frame_header(tag, last, payload.size(), header);
    if (!write_all(fd, header, sizeof header) || !write_all(fd, payload.data(), payload.size()) || last) _exit(0);
  }
}

// A complete frame at the start of `w.bytes`, taken out; false while it is still arriving.
bool take_frame(Worker& w, ChildOutcome& o) {
  if (w.bytes.size() < kFrameHeader) return false;
  std::uint64_t length = 0;
  std::memcpy(&length, w.bytes.data() + 2, sizeof length);
  if (w.bytes.size() - kFrameHeader < length) return false;
  const char tag = w.bytes[0];
  w.last = w.bytes[1] != 0;
  std::string payload = w.bytes.substr(kFrameHeader, length);
  w.bytes.erase(0, kFrameHeader + length);
  if (tag == kFinished) {
    o.end = ChildOutcome::End::Finished;
    o.output = std::move(payload);
  } else if (tag == kOutOfMemory) {
    o.end = ChildOutcome::End::OutOfMemory;
  } else {
    o.end = ChildOutcome::End::Failed;
    o.detail = std::move(payload);
  }
  return true;
}

// The task of a worker that ended without its frame.
ChildOutcome unfinished(const Worker& w, int status) {
  ChildOutcome o;
  if (w.killed_for_time || (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)) {
    o.end = ChildOutcome::End::TimedOut;
    return o;
  }
  o.end = ChildOutcome::End::Crashed;
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    o.detail = signal_detail(sig);
  } else {
    o.detail = "exit status " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + " without a result";
  }
  return o;
}

// Forks a worker; false (and errno's reason in `why`) when no process could be started.
bool start_worker(const ChildLimits& limits, const WorkerRecycling& recycling,
                  const std::function<std::string(std::size_t)>& work, const std::vector<Worker>& others,
                  Worker& w, std::string& why) {
  int sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
    why = std::string("socketpair: ") + std::strerror(errno);
    return false;
  }
  // Nothing buffered here may be printed a second time by the child.
  std::fflush(nullptr);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) {
    // A worker dies with the run that started it: a run killed half-way must not go on storing
    // and writing results that no one will read, behind the back of the run that resumes it.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) _exit(0);
    ::close(sv[0]);
    for (const auto& o : others) ::close(o.fd);  // a worker holds no other worker's socket
    worker_main(limits, recycling, work, sv[1]);
  }
  ::close(sv[1]);
  if (pid < 0) {
    ::close(sv[0]);
    why = std::string("fork: ") + std::strerror(errno);
    return false;
  }
  w = Worker{};
  w.pid = pid;
  w.fd = sv[0];
  return true;
}

void reap(Worker& w, int& status) {
  ::close(w.fd);
  while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
  }
}

}  // namespace

void run_in_workers(std::size_t count, int width, const ChildLimits& limits, const WorkerRecycling& recycling,
                    const std::function<std::string(std::size_t)>& work,
                    const std::function<void(std::size_t, ChildOutcome&&)>& done) {
  std::vector<Worker> workers;
  // A `done` that throws (rules found malformed while rendering a failure) leaves no worker behind.
  struct Reaper {
    std::vector<Worker>& workers;
    ~Reaper() {
      for (Worker& w : workers) {
        ::kill(w.pid, SIGKILL);
        int status = 0;
        reap(w, status);
      }
    }
  } reaper{workers};
  std::size_t next = 0;
  const std::size_t most = static_cast<std::size_t>(width < 1 ? 1 : width);
  auto give_next = [&](Worker& w) {
    if (w.busy || w.last || next >= count) return;
    const std::uint64_t task = next;
    if (!write_all(w.fd, reinterpret_cast<const char*>(&task), sizeof task)) return;  // it ended: reaped below
    w.busy = true;
    w.task = next++;
    w.started = Clock::now();
  };
  while (next < count || !workers.empty()) {
    // Idle workers get the next tasks; missing ones are started while tasks remain.
    for (auto& w : workers) give_next(w);
    while (workers.size() < most && next < count) {
      Worker w;
      std::string why;
      if (!start_worker(limits, recycling, work, workers, w, why)) {
        done(next++, ChildOutcome{ChildOutcome::End::NotStarted, {}, why});
        continue;
      }
      workers.push_back(std::move(w));
      give_next(workers.back());
    }
    // No task left: idle workers are told so by closing their sockets.
    if (next >= count)
      for (std::size_t i = workers.size(); i-- > 0;)
        if (!workers[i].busy && !workers[i].last) {
          int status = 0;
          reap(workers[i], status);
          workers.erase(workers.begin() + static_cast<long>(i));
        }
    if (workers.empty()) continue;
    std::vector<pollfd> fds;
    for (const auto& w : workers) fds.push_back(pollfd{w.fd, POLLIN, 0});
    ::poll(fds.data(), fds.size(), 200);
    for (std::size_t i = workers.size(); i-- > 0;) {
      Worker& w = workers[i];
      bool eof = false;
      if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
        char buf[65536];
        const ssize_t n = ::read(w.fd, buf, sizeof buf);
        if (n > 0) w.bytes.append(buf, static_cast<std::size_t>(n));
        else if (n == 0 || errno != EINTR) eof = true;
      }
      ChildOutcome o;
      if (w.busy && take_frame(w, o)) {
        const std::size_t task = w.task;
        w.busy = false;
        // The worker starts on its next task while this process handles the result of the last.
        give_next(w);
        done(task, std::move(o));
      }
      const double secs = std::chrono::duration<double>(Clock::now() - w.started).count();
      if (!eof && w.busy && limits.timeout_seconds > 0 && secs > limits.timeout_seconds + kWallGraceSeconds) {
        ::kill(w.pid, SIGKILL);
        w.killed_for_time = true;
        eof = true;
      }
      if (!eof) continue;
      int status = 0;
      reap(w, status);
      const bool busy = w.busy;
      const std::size_t task = w.task;
      ChildOutcome lost = busy ? unfinished(w, status) : ChildOutcome{};
      workers.erase(workers.begin() + static_cast<long>(i));
      if (busy) done(task, std::move(lost));
    }
  }
}

void run_in_children(std::size_t count, int width, const ChildLimits& limits,
                     const std::function<std::string(std::size_t)>& work,
                     const std::function<void(std::size_t, ChildOutcome&&)>& done) {
  run_in_workers(count, width, limits, WorkerRecycling{}, work, done);
}

ChildOutcome run_in_child(const ChildLimits& limits, const std::function<std::string()>& work) {
  ChildOutcome result;
  run_in_children(1, 1, limits, [&](std::size_t) { return work(); },
                  [&](std::size_t, ChildOutcome&& o) { result = std::move(o); });
  return result;
}

}  // namespace nianbao
