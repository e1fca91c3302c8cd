#include "extract/read/pdf/jbig2_extent.h"

#include <cstdint>
#include <optional>

namespace nianbao {

namespace {

// Segment types (ITU-T T.88, 7.3) whose data begins with a width and a height: the page
// information segment and the region segments (text, halftone, generic, refinement).
bool has_extent(int type) {
  switch (type) {
    case 4: case 6: case 7:             // text regions
    case 20: case 22: case 23:          // halftone regions
    case 36: case 38: case 39:          // generic regions
    case 40: case 42: case 43:          // generic refinement regions
    case 48:                            // page information
      return true;
    default:
      return false;
  }
}

// Big-endian integers read from the front of a byte range, which they are taken from.
class Bytes {
 public:
  explicit Bytes(std::string_view data) : data_(data) {}
  bool empty() const { return data_.empty(); }
  std::optional<std::uint32_t> number(size_t size) {
    if (data_.size() < size) return std::nullopt;
    std::uint32_t v = 0;
    for (size_t i = 0; i < size; ++i) v = v << 8 | static_cast<unsigned char>(data_[i]);
    data_.remove_prefix(size);
    return v;
  }
  bool skip(size_t size) {
    if (data_.size() < size) return false;
    data_.remove_prefix(size);
    return true;
  }
  std::string_view rest() const { return data_; }

 private:
  std::string_view data_;
};

// The header of one segment (T.88, 7.2): its type and the length of its data, which follows;
// none when it cannot be read.
struct SegmentHeader {
  int type = 0;
  std::uint32_t length = 0;
};

std::optional<SegmentHeader> read_header(Bytes& in) {
  const auto number = in.number(4);
  const auto flags = in.number(1);
  const auto referred = in.number(1);
  if (!number || !flags || !referred) return std::nullopt;
  std::uint32_t count = *referred >> 5;
  if (count == 7) {  // the long form: a count of 29 bits and a bit per segment retained
    const auto rest = in.number(3);
    if (!rest) return std::nullopt;
    count = ((*referred & 0x1F) << 24 | *rest);
    if (!in.skip((count + 8) / 8)) return std::nullopt;
  } else if (count > 4) {
    return std::nullopt;
  }
  const size_t reference_size = *number <= 256 ? 1 : *number <= 65536 ? 2 : 4;
  const size_t page_size = (*flags & 0x40) ? 4 : 1;
  if (!in.skip(static_cast<size_t>(count) * reference_size) || !in.skip(page_size)) return std::nullopt;
  const auto length = in.number(4);
  if (!length) return std::nullopt;
  return SegmentHeader{static_cast<int>(*flags & 0x3F), *length};
}

// The width × height at the front of a segment's data; a height not yet known (a page given
// stripe by stripe says 0xFFFFFFFF) counts for nothing.
double extent(std::string_view data) {
  Bytes in(data);
  const auto width = in.number(4);
  const auto height = in.number(4);
  if (!width || !height || *height == 0xFFFFFFFF) return 0;
  return static_cast<double>(*width) * static_cast<double>(*height);
}

}  // namespace

double jbig2_declared_pixels(std::string_view data) {
  Bytes in(data);
  double pixels = 0;
  while (!in.empty()) {
    const std::optional<SegmentHeader> h = read_header(in);
    if (!h) break;
    if (has_extent(h->type)) pixels += extent(in.rest());
    // A generic region of a length not given runs to its end marker: the rest is not known.
    if (h->length == 0xFFFFFFFF || !in.skip(h->length)) break;
  }
  return pixels;
}

}  // namespace nianbao
