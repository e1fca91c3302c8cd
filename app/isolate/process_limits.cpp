#include "app/isolate/process_limits.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>

#include "app/isolate/asan.h"

namespace nianbao {

void apply_memory_limit(const ChildLimits& l, bool hard) {
  if (NIANBAO_ASAN || l.memory_mb <= 0) return;
  const rlim_t bytes = static_cast<rlim_t>(l.memory_mb) * 1024 * 1024;
  rlimit as{};
  getrlimit(RLIMIT_AS, &as);
  as.rlim_cur = as.rlim_max == RLIM_INFINITY || bytes < as.rlim_max ? bytes : as.rlim_max;
  if (hard) as.rlim_max = as.rlim_cur;
  setrlimit(RLIMIT_AS, &as);
}

MemoryNow memory_now() {
  MemoryNow now;
  const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return now;
  char buf[128] = {};
  const ssize_t n = ::read(fd, buf, sizeof buf - 1);
  ::close(fd);
  long pages = 0, resident = 0;
  if (n <= 0 || std::sscanf(buf, "%ld %ld", &pages, &resident) != 2) return now;
  const long page_kb = sysconf(_SC_PAGESIZE) / 1024;
  now.address_space_mb = pages * page_kb / 1024;
  now.resident_mb = resident * page_kb / 1024;
  return now;
}

bool over_memory_limit(const ChildLimits& l) {
  return !NIANBAO_ASAN && l.memory_mb > 0 && memory_now().address_space_mb > l.memory_mb;
}

void apply_cpu_limit(const ChildLimits& l) {
  if (l.timeout_seconds <= 0) return;
  rusage self{};
  getrusage(RUSAGE_SELF, &self);
  const double used = double(self.ru_utime.tv_sec + self.ru_stime.tv_sec) +
                      double(self.ru_utime.tv_usec + self.ru_stime.tv_usec) / 1e6;
  rlimit cpu{};
  getrlimit(RLIMIT_CPU, &cpu);
  cpu.rlim_cur = static_cast<rlim_t>(std::ceil(used)) + static_cast<rlim_t>(l.timeout_seconds);
  if (cpu.rlim_max != RLIM_INFINITY && cpu.rlim_cur > cpu.rlim_max) cpu.rlim_cur = cpu.rlim_max;
  setrlimit(RLIMIT_CPU, &cpu);
}

void use_signal_stack() {
  static char alt_stack[64 * 1024];
  stack_t ss{};
  ss.ss_sp = alt_stack;
  ss.ss_size = sizeof alt_stack;
  sigaltstack(&ss, nullptr);
}

bool address_space_exhausted() {
  const size_t probe = 8u << 20;
  void* p = mmap(nullptr, probe, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) return true;
  munmap(p, probe);
  return false;
}

std::string signal_detail(int sig) { return "signal " + std::to_string(sig) + " (" + strsignal(sig) + ")"; }

ChildOutcome run_caught(const std::function<std::string()>& work) {
  ChildOutcome o;
  try {
    o.output = work();
    o.end = ChildOutcome::End::Finished;
  } catch (const std::bad_alloc&) {
    o.end = ChildOutcome::End::OutOfMemory;
  } catch (const std::exception& e) {
    o.end = ChildOutcome::End::Failed;
    o.detail = e.what();
  } catch (...) {
    o.end = ChildOutcome::End::Failed;
    o.detail = "unknown exception";
  }
  return o;
}

}  // namespace nianbao
