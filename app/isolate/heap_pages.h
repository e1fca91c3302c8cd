// How the program's heap takes memory from the system. A check of a short report allocates and
// frees some 10 MB within a few tens of milliseconds, and on virtual machines the first touch of
// each 4 KB page is a fault that costs about 10 µs: some 600 of them were a sixth of a whole
// check. A heap backed by transparent huge pages takes one fault per 2 MB instead.
#pragma once

#include <cstddef>

namespace nianbao {

// Sets up the heap, once, at the start of the program, before anything large is allocated:
//  - it grows and is given back in steps of `step` bytes, not of what each allocation needs;
//  - blocks of up to `step` come from it rather than from a mapping of their own;
//  - where the system gives transparent huge pages on request (madvise mode, the usual default),
//    the heap's first `step` bytes are asked to be backed by them, from a 2 MB boundary: the
//    stretch below that boundary is set aside untouched, so the program's first allocations
//    fall on huge pages too.
// Under AddressSanitizer (which has an allocator of its own) nothing.
void prepare_heap(std::size_t step);

}  // namespace nianbao
