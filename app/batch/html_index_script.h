// The inline style and script of the archive's index page (html_index.cpp): sorting the
// overview by a clicked header, and filtering it by agency, year, errors, rule and a search.
// Plain script in the page itself: the page is opened from disk, often with no network.
#pragma once

namespace nianbao::batch {

extern const char* const kIndexStyle;
extern const char* const kIndexScript;

}  // namespace nianbao::batch
