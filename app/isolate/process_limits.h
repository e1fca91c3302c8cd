// The per-task limits as a process applies them to itself, shared by a forked worker
// (child_process.cpp) and by work run without one (in_process.cpp), and the test that tells an
// exhausted address space from an ordinary crash inside a signal handler.
#pragma once

#include <functional>
#include <string>

#include "app/isolate/child_process.h"

namespace nianbao {

// After CPU-bound work has used its seconds, the kernel stops it (SIGXCPU); work blocked outside
// the CPU (waiting on a helper program) is stopped this much later by the wall clock.
inline constexpr int kWallGraceSeconds = 2;

// Limits the address space to `l.memory_mb` (nothing when it is 0, nor under AddressSanitizer,
// which reserves terabytes). `hard`: for good, as a worker does; otherwise the soft limit only,
// which the process may lift again when the work is done.
void apply_memory_limit(const ChildLimits& l, bool hard);

// The process's address space and resident set now, in MB, from /proc/self/statm, read without
// allocating (the heap may be at its limit); zeros when it cannot be read.
struct MemoryNow {
  long address_space_mb = 0;
  long resident_mb = 0;
};
MemoryNow memory_now();

// Whether the process already holds more address space than `l.memory_mb` before a task starts:
// its libraries, its rules and the heap it keeps in reserve (heap_pages.h). The task is then out
// of memory without being run, rather than finishing, or not, on what happens to be in reserve.
bool over_memory_limit(const ChildLimits& l);

// The CPU limit of the next task: the seconds used so far plus the timeout. Only the soft limit
// moves (a process may raise it again up to the hard one, which stays as it was); past it the
// kernel sends SIGXCPU.
void apply_cpu_limit(const ChildLimits& l);

// A stack of its own for signal handlers, so that a handler runs on a SIGSEGV of an exhausted
// stack too.
void use_signal_stack();

// C libraries do not throw std::bad_alloc when the address space runs out: Poppler prints "Out
// of memory" and aborts, others dereference the null they got. In the handler of the signal
// that follows, a mapping of a few MB that cannot be made says the limit was the cause; mmap is
// safe in a signal handler.
bool address_space_exhausted();

// `work` run and how it ended, as a worker reports it: Finished with what it returned,
// OutOfMemory when it threw std::bad_alloc, Failed with the message of anything else it threw.
ChildOutcome run_caught(const std::function<std::string()>& work);

// How a task killed by signal `sig` is described: "signal 11 (Segmentation fault)".
std::string signal_detail(int sig);

}  // namespace nianbao
