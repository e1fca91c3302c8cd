#include "extract/read/pdf/png_write.h"

#include <zlib.h>

#include <stdexcept>

namespace nianbao {

namespace {

void put_u32(std::string& out, unsigned long v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}

// A chunk: length, type, data, and the CRC of type and data.
void put_chunk(std::string& out, const char* type, const std::string& data) {
  put_u32(out, data.size());
  std::string body = std::string(type, 4) + data;
  out += body;
  put_u32(out, crc32(0L, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size())));
}

}  // namespace

std::string png_from_rgb(int width, int height, const std::string& rgb) {
  const size_t row = static_cast<size_t>(width) * 3;
  if (width <= 0 || height <= 0 || rgb.size() != row * static_cast<size_t>(height))
    throw std::invalid_argument("png_from_rgb: size mismatch");
  // Each row starts with its filter type: 0, none.
  std::string raw;
  raw.reserve((row + 1) * static_cast<size_t>(height));
  for (int y = 0; y < height; ++y) {
    raw += '\0';
    raw.append(rgb, static_cast<size_t>(y) * row, row);
  }
  uLongf packed_size = compressBound(static_cast<uLong>(raw.size()));
  std::string packed(packed_size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size, reinterpret_cast<const Bytef*>(raw.data()),
                static_cast<uLong>(raw.size()), Z_DEFAULT_COMPRESSION) != Z_OK)
    throw std::runtime_error("png_from_rgb: compression failed");
  packed.resize(packed_size);

  std::string header;
  put_u32(header, static_cast<unsigned long>(width));
  put_u32(header, static_cast<unsigned long>(height));
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, truecolour, deflate, no filter choice, no interlace
  std::string out("\x89PNG\r\n\x1a\n", 8);
  put_chunk(out, "IHDR", header);
  put_chunk(out, "IDAT", packed);
  put_chunk(out, "IEND", "");
  return out;
}

}  // namespace nianbao
