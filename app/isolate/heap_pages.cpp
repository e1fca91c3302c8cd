#include "app/isolate/heap_pages.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "app/isolate/asan.h"

namespace nianbao {

namespace {

constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;

// The stretch of the heap below the first 2 MB boundary, held for good. Volatile, for a block
// whose address is never read again would be an allocation the compiler may leave out.
void* volatile below_boundary = nullptr;

}  // namespace

void prepare_heap(std::size_t step) {
#if !NIANBAO_ASAN
  mallopt(M_TOP_PAD, static_cast<int>(step));
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(step));
  // A block bigger than anything freed so far is cut from the top of the heap, which grows by
  // `step` for it; given back, it shows where the free top begins.
  void* probe = std::malloc(std::size_t{1} << 20);
  if (!probe) return;
  const auto start = reinterpret_cast<std::uintptr_t>(probe);
  std::free(probe);
  const std::uintptr_t boundary = (start + kHugePage - 1) & ~(kHugePage - 1);
  // Never touched: address space only.
  if (boundary - start > 4096) below_boundary = std::malloc(boundary - start - 2 * sizeof(std::size_t));
  const std::uintptr_t end = reinterpret_cast<std::uintptr_t>(sbrk(0)) & ~(kHugePage - 1);
  if (end <= boundary) return;
  // Refused (EINVAL) where the kernel has no transparent huge pages: then 4 KB pages, as before.
  if (madvise(reinterpret_cast<void*>(boundary), end - boundary, MADV_HUGEPAGE) != 0) return;
  // The first two huge pages, about what a check of a PDF uses, are made at once. Left to the
  // first access, one of them came out as 4 KB pages in half of the runs (1 110 faults instead
  // of 600), as when a read reaches a 2 MB stretch first (memory from calloc, which the heap
  // knows to be zero): the kernel maps its shared zero page there and splits it on the write.
  madvise(reinterpret_cast<void*>(boundary), std::min(end - boundary, 2 * kHugePage), MADV_POPULATE_WRITE);
#else
  (void)step;
#endif
}

}  // namespace nianbao
