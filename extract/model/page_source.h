// The pages of a source as pictures, for sources that have pages to draw (PDF). The reader keeps
// the loaded document behind this so that a renderer draws the pages without reading the input
// again: the file may be gone by then (an upload), and it was read under limits the renderer
// does not know.
#pragma once

#include <optional>
#include <string>

namespace nianbao {

struct RenderedPage {
  double width = 0, height = 0;  // the page's size in points
  std::string png;               // the page drawn, as PNG bytes
};

class PageSource {
 public:
  virtual ~PageSource() = default;
  virtual int pages() const = 0;
  // Page `page` (1-based) drawn at `dpi`; nothing when it cannot be drawn.
  virtual std::optional<RenderedPage> render(int page, double dpi) const = 0;
};

}  // namespace nianbao
