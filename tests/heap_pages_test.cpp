// The heap as the program sets it up (app/isolate/heap_pages.h): blocks of up to a step come from
// the heap, and where the kernel gives transparent huge pages on request, the memory a check
// allocates is backed by them. Run in a child gtest forks, for it changes the process's heap.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/isolate/asan.h"
#include "app/isolate/heap_pages.h"

namespace nianbao {
namespace {

// The kernel's setting, "[madvise]" or "[always]" when it gives huge pages on request.
std::string huge_page_setting() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string s;
  std::getline(in, s);
  return s;
}

// kB of this process's anonymous memory in huge pages.
long anon_huge_kb() {
  std::ifstream in("/proc/self/smaps_rollup");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("AnonHugePages:", 0) == 0) return std::strtol(line.c_str() + 14, nullptr, 10);
  return -1;
}

// Allocates, reads and writes `total` bytes in blocks of `block`, as a check does; exits 0 when every
// block came from the heap (below the program break) and at least `huge_kb` are huge pages.
[[noreturn]] void allocate_and_report(std::size_t block, std::size_t total, long huge_kb) {
  prepare_heap(std::size_t{16} << 20);
  std::vector<char*> blocks;
  for (std::size_t done = 0; done < total; done += block) {
    // Read before it is written, as memory from calloc often is.
    char* p = static_cast<char*>(std::calloc(1, block));
    if (p[block / 2] != 0) _exit(4);
    std::memset(p, 1, block);
    blocks.push_back(p);
  }
  const auto brk = reinterpret_cast<std::uintptr_t>(sbrk(0));
  for (char* p : blocks)
    if (reinterpret_cast<std::uintptr_t>(p) >= brk) _exit(2);  // a mapping of its own
  _exit(anon_huge_kb() >= huge_kb ? 0 : 3);
}

TEST(HeapPages, BlocksUpToAStepComeFromTheHeap) {
  if (NIANBAO_ASAN) GTEST_SKIP() << "AddressSanitizer has an allocator of its own";
  // 1 MB blocks went to mappings of their own before (the threshold was 128 KB), each page of
  // them faulted in apart.
  EXPECT_EXIT(allocate_and_report(std::size_t{1} << 20, std::size_t{6} << 20, 0), ::testing::ExitedWithCode(0), "");
}

TEST(HeapPages, WhatACheckAllocatesIsOnHugePagesWhereTheKernelGivesThem) {
  if (NIANBAO_ASAN) GTEST_SKIP() << "AddressSanitizer has an allocator of its own";
  const std::string setting = huge_page_setting();
  if (setting.find("[never]") != std::string::npos || setting.empty())
    GTEST_SKIP() << "this kernel gives no transparent huge pages: " << setting;
  // 6 MB of small blocks on at least two huge pages.
  EXPECT_EXIT(allocate_and_report(4096, std::size_t{6} << 20, 4096), ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace nianbao
