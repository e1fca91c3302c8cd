// Poppler reports syntax problems through one callback for the whole process (on stderr by
// default). They are counted per thread instead, to tell a damaged file from a sound one; every
// part of the reader that opens a document with Poppler gives it this callback.
#pragma once

#include <Error.h>

namespace nianbao {

void count_poppler_error(ErrorCategory category, Goffset position, const char* message);
// The complaints counted on this thread since the last reset.
int poppler_errors();
void reset_poppler_errors();

}  // namespace nianbao
