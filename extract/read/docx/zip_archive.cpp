#include "extract/read/docx/zip_archive.h"

#include <minizip/unzip.h>

#include <algorithm>
#include <cstring>

#include "extract/model/errors.h"

namespace nianbao {

namespace {

// The archive's bytes as minizip's "file": it reads through these callbacks instead of stdio, so
// an upload is read where it lies in memory.
struct MemoryFile {
  const std::string* bytes = nullptr;
  ZPOS64_T at = 0;
};

voidpf open_memory(voidpf opaque, const void*, int) { return opaque; }

uLong read_memory(voidpf, voidpf stream, void* buf, uLong size) {
  auto* f = static_cast<MemoryFile*>(stream);
  const ZPOS64_T left = f->at < f->bytes->size() ? f->bytes->size() - f->at : 0;
  const uLong n = static_cast<uLong>(std::min<ZPOS64_T>(size, left));
  std::memcpy(buf, f->bytes->data() + f->at, n);
  f->at += n;
  return n;
}

uLong write_memory(voidpf, voidpf, const void*, uLong) { return 0; }  // read only

ZPOS64_T tell_memory(voidpf, voidpf stream) { return static_cast<MemoryFile*>(stream)->at; }

long seek_memory(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* f = static_cast<MemoryFile*>(stream);
  ZPOS64_T base = 0;
  switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = f->at; break;
    case ZLIB_FILEFUNC_SEEK_END: base = f->bytes->size(); break;
    default: return -1;
  }
  if (offset > f->bytes->size() - std::min<ZPOS64_T>(base, f->bytes->size())) return -1;
  f->at = base + offset;
  return 0;
}

int close_memory(voidpf, voidpf) { return 0; }
int error_memory(voidpf, voidpf) { return 0; }

[[noreturn]] void fail(const char* code, const std::string& path, const std::string& zh,
                       const std::string& en) {
  throw ReadError(code, path + ": " + zh + " (" + en + ")");
}

}  // namespace

struct ZipArchive::Impl {
  MemoryFile file;
  unzFile zip = nullptr;
  std::string path;
  std::uint64_t inflated = 0;
  Limits limits;
};

ZipArchive::ZipArchive(const std::string& bytes, const std::string& path, const Limits& limits)
    : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  impl_->limits = limits;
  impl_->file.bytes = &bytes;
  zlib_filefunc64_def io{open_memory, read_memory, write_memory, tell_memory,
                         seek_memory, close_memory, error_memory, &impl_->file};
  impl_->zip = unzOpen2_64(path.c_str(), &io);
  if (!impl_->zip) {
    // minizip does not say why. A ZIP ends with its directory's end record, within the last
    // 64 KiB (its comment's limit) and 22 bytes: without one the file is not a ZIP at all.
    const size_t tail = bytes.size() > 65557 ? bytes.size() - 65557 : 0;
    if (bytes.find("PK\x05\x06", tail) == std::string::npos)
      fail("corrupt", path, "不是 ZIP 格式，不是有效的 DOCX 文件", "not a ZIP archive, so not a valid DOCX file");
    fail("corrupt", path, "DOCX 文件已损坏：找不到 ZIP 目录", "damaged DOCX file: no ZIP directory found");
  }
  unz_global_info64 info;
  if (unzGetGlobalInfo64(impl_->zip, &info) != UNZ_OK || info.number_entry > kMaxEntries) {
    // A constructor that throws gets no destructor: close the archive here.
    unzClose(impl_->zip);
    impl_->zip = nullptr;
    fail("too_large", path, "压缩包内文件超过 " + std::to_string(kMaxEntries) + " 个",
         "more than " + std::to_string(kMaxEntries) + " entries in the archive");
  }
}

ZipArchive::~ZipArchive() {
  if (impl_ && impl_->zip) unzClose(impl_->zip);
}

bool ZipArchive::has(const std::string& name) const {
  return unzLocateFile(impl_->zip, name.c_str(), 1) == UNZ_OK;
}

std::optional<std::string> ZipArchive::read(const std::string& name) {
  unzFile zip = impl_->zip;
  if (unzLocateFile(zip, name.c_str(), 1) != UNZ_OK) return std::nullopt;
  const std::string& path = impl_->path;
  const std::uint64_t budget = limit_bytes(impl_->limits.max_inflated_mb);
  unz_file_info64 st;
  // The claimed size is checked first (cheap), the bytes inflated while reading (a crafted
  // archive can claim less than it holds).
  if (unzGetCurrentFileInfo64(zip, &st, nullptr, 0, nullptr, 0, nullptr, 0) == UNZ_OK &&
      st.uncompressed_size > budget - impl_->inflated)
    check_inflated_size(path, budget + 1, impl_->limits);
  if (unzOpenCurrentFile(zip) != UNZ_OK) fail("corrupt", path, "无法解压 " + name, "cannot inflate " + name);
  std::string out;
  char buf[1 << 16];
  while (true) {
    const int n = unzReadCurrentFile(zip, buf, sizeof buf);
    if (n < 0) {
      unzCloseCurrentFile(zip);
      fail("corrupt", path, "解压 " + name + " 出错，文件已损坏", "error inflating " + name + ": damaged file");
    }
    if (n == 0) break;
    impl_->inflated += static_cast<std::uint64_t>(n);
    if (impl_->inflated > budget) {
      unzCloseCurrentFile(zip);
      check_inflated_size(path, impl_->inflated, impl_->limits);
    }
    out.append(buf, static_cast<size_t>(n));
  }
  // The checksum is compared when the entry is closed: a damaged entry that inflates still fails.
  if (unzCloseCurrentFile(zip) != UNZ_OK)
    fail("corrupt", path, "解压 " + name + " 出错，文件已损坏", "error inflating " + name + ": damaged file");
  return out;
}

}  // namespace nianbao
