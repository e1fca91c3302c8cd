// Fork per file: the child reads, checks and serialises one report; the parent only polls
// pipes, so a parser that crashes, loops or exhausts memory takes down nothing but its child.
#include "tools/batch/asan.h"
#include "tools/batch/runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>

#include "tools/render/check_result.h"
#include "tools/render/render_json.h"
#include "validate/validate.h"


namespace nianbao::batch {
namespace {

using Clock = std::chrono::steady_clock;

struct Child {
  pid_t pid = -1;
  int fd = -1;
  size_t job = 0;
  std::string out;
  Clock::time_point started;
  bool timed_out = false;
};

void write_all(int fd, const std::string& s) {
  size_t off = 0;
  while (off < s.size()) {
    ssize_t n = ::write(fd, s.data() + off, s.size() - off);
    if (n <= 0) return;
    off += size_t(n);
  }
}

std::string prose_of(const CheckResult& r) {
  std::string out;
  for (const auto& p : r.report.paragraphs) out += p.text + "\n";
  return out;
}

// Runs in the child; never returns.
[[noreturn]] void child_main(const Job& job, const Rules& rules, const RunOptions& o, int fd) {
#if !NIANBAO_ASAN
  // AddressSanitizer reserves terabytes of address space; a limit would kill every child.
  if (o.memory_mb > 0) {
    rlim_t bytes = rlim_t(o.memory_mb) * 1024 * 1024;
    rlimit as{bytes, bytes};
    setrlimit(RLIMIT_AS, &as);
  }
#endif
  if (o.timeout_seconds > 0) {
    rlimit cpu{rlim_t(o.timeout_seconds), rlim_t(o.timeout_seconds) + 1};
    setrlimit(RLIMIT_CPU, &cpu);
  }
  std::string payload;
  try {
    CheckResult r = check_file(job.path, rules);
    nlohmann::ordered_json j = to_json(r, rules.catalog, Lang::Zh);
    payload = j.dump() + "\n" + nlohmann::json{{"prose", prose_of(r)}}.dump() + "\n";
  } catch (const std::bad_alloc&) {
    payload = failure(job.path, "out_of_memory", "超出内存限制 (memory limit exceeded)").dump() + "\n";
  } catch (const std::exception& e) {
    payload = failure(job.path, "internal", std::string("检查时出错：") + e.what()).dump() + "\n";
  }
  write_all(fd, payload);
  ::close(fd);
  _exit(0);
}

// What the parent makes of a finished child.
Outcome finish(const Job& job, Child& c, int status) {
  Outcome o{job.path, job.sha256, {}, {}};
  auto nl = c.out.find('\n');
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && nl != std::string::npos) {
    try {
      o.result = nlohmann::ordered_json::parse(c.out.substr(0, nl));
      auto rest = c.out.substr(nl + 1);
      if (!rest.empty()) o.prose = nlohmann::json::parse(rest).value("prose", "");
    } catch (const std::exception&) {
      o.result = failure(job.path, "crashed", "检查进程输出不完整 (incomplete output)");
    }
  } else if (c.timed_out || (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)) {
    o.result = failure(job.path, "timeout", "检查超时 (time limit exceeded)");
  } else if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    o.result = failure(job.path, "crashed",
                       std::string("检查进程异常终止：信号 ") + std::to_string(sig) + " (" + strsignal(sig) +
                           ")，可能超出内存限制或读取器崩溃");
  } else {
    o.result = failure(job.path, "crashed", "检查进程异常退出 (exit " + std::to_string(WEXITSTATUS(status)) + ")");
  }
  o.result["sha256"] = job.sha256;
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
  std::vector<Child> running;
  size_t next = 0, finished = 0, failed = 0;
  auto start = Clock::now();
  size_t width = size_t(o.jobs < 1 ? 1 : o.jobs);
  while (next < jobs.size() || !running.empty()) {
    while (running.size() < width && next < jobs.size()) {
      int p[2];
      if (::pipe(p) != 0) break;
      std::cout.flush();  // nothing buffered may be printed twice by the child
      pid_t pid = ::fork();
      if (pid == 0) {
        ::close(p[0]);
        child_main(jobs[next], rules, o, p[1]);
      }
      ::close(p[1]);
      if (pid < 0) {
        ::close(p[0]);
        done(Outcome{jobs[next].path, jobs[next].sha256, failure(jobs[next].path, "fork", "无法启动检查进程"), {}});
        ++next, ++finished, ++failed;
        continue;
      }
      running.push_back(Child{pid, p[0], next++, {}, Clock::now(), false});
    }
    std::vector<pollfd> fds;
    for (const auto& c : running) fds.push_back(pollfd{c.fd, POLLIN, 0});
    ::poll(fds.data(), fds.size(), 200);
    for (size_t i = running.size(); i-- > 0;) {
      Child& c = running[i];
      bool eof = false;
      if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
        char buf[65536];
        ssize_t n = ::read(c.fd, buf, sizeof buf);
        if (n > 0) c.out.append(buf, size_t(n));
        else eof = true;
      }
      double secs = std::chrono::duration<double>(Clock::now() - c.started).count();
      if (!eof && o.timeout_seconds > 0 && secs > o.timeout_seconds + 2) {
        ::kill(c.pid, SIGKILL);  // a child blocked outside the CPU (a hung helper process)
        c.timed_out = true;
        eof = true;
      }
      if (!eof) continue;
      ::close(c.fd);
      int status = 0;
      ::waitpid(c.pid, &status, 0);
      Outcome out = finish(jobs[c.job], c, status);
      if (out.result.value("status", "") != "ok") ++failed;
      ++finished;
      running.erase(running.begin() + long(i));
      done(std::move(out));
      if (o.progress) show_progress(finished, jobs.size(), failed, start, false);
    }
  }
  if (o.progress && !jobs.empty()) show_progress(finished, jobs.size(), failed, start, true);
}

}  // namespace nianbao::batch
