// Work run in this process under the limits a worker process would have, for a command that
// ends as soon as the work is done: `check` of one report. Forking the checking process and
// ending two processes cost a tenth of such a check. Without a parent to watch, the ends a
// parent would see are met here: when the work runs out of CPU or wall-clock seconds, or dies
// of a signal (a crash, or an allocation failed in a C library under the address-space
// limit), a signal handler writes the answer rendered beforehand for that end and ends the
// process. Not under AddressSanitizer, whose handlers and address space a limit would break.
#pragma once

#include <functional>
#include <string>

#include "app/isolate/child_process.h"

namespace nianbao {

struct LastWords {
  int fd = 1;           // where an answer written from a signal handler goes
  int exit_status = 3;  // and the status the process then ends with
  // The answer for a task that did not finish: called before the work starts, once for each end
  // a signal handler may have to report (TimedOut, OutOfMemory, Crashed with its signal).
  std::function<std::string(const ChildOutcome&)> answer;
};

// Runs `work` under `limits` and returns as run_in_child would: Finished with what it returned,
// OutOfMemory when it threw std::bad_alloc, Failed when it threw anything else. The other ends
// do not return (see above). The limits, the timer and the handlers are put back as they were
// before it returns.
ChildOutcome run_in_this_process(const ChildLimits& limits, const LastWords& last_words,
                                 const std::function<std::string()>& work);

}  // namespace nianbao
