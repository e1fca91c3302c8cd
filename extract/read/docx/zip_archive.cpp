#include "extract/read/docx/zip_archive.h"

#include <zip.h>

#include "extract/model/errors.h"

namespace nianbao {

struct ZipArchive::Impl {
  zip_t* zip = nullptr;
  std::string path;
  std::uint64_t inflated = 0;
  Limits limits;
};

namespace {

[[noreturn]] void fail(const char* code, const std::string& path, const std::string& zh,
                       const std::string& en) {
  throw ReadError(code, path + ": " + zh + " (" + en + ")");
}

}  // namespace

ZipArchive::ZipArchive(const std::string& bytes, const std::string& path, const Limits& limits)
    : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  impl_->limits = limits;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    zip_error_fini(&error);
    throw std::bad_alloc();
  }
  impl_->zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!impl_->zip) {
    zip_source_free(source);
    const bool not_zip = zip_error_code_zip(&error) == ZIP_ER_NOZIP;
    const std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    if (not_zip) fail("corrupt", path, "不是 ZIP 格式，不是有效的 DOCX 文件", "not a ZIP archive, so not a valid DOCX file");
    fail("corrupt", path, "DOCX 文件已损坏：" + reason, "damaged DOCX file: " + reason);
  }
  zip_error_fini(&error);
  if (zip_get_num_entries(impl_->zip, 0) > kMaxEntries) {
    // A constructor that throws gets no destructor: close the archive here.
    zip_discard(impl_->zip);
    impl_->zip = nullptr;
    fail("too_large", path, "压缩包内文件超过 " + std::to_string(kMaxEntries) + " 个",
         "more than " + std::to_string(kMaxEntries) + " entries in the archive");
  }
}

ZipArchive::~ZipArchive() {
  if (impl_ && impl_->zip) zip_discard(impl_->zip);
}

bool ZipArchive::has(const std::string& name) const {
  return zip_name_locate(impl_->zip, name.c_str(), 0) >= 0;
}

std::optional<std::string> ZipArchive::read(const std::string& name) {
  const zip_int64_t index = zip_name_locate(impl_->zip, name.c_str(), 0);
  if (index < 0) return std::nullopt;
  const auto at = static_cast<zip_uint64_t>(index);
  const std::string& path = impl_->path;
  const std::uint64_t budget = limit_bytes(impl_->limits.max_inflated_mb);
  zip_stat_t st;
  zip_stat_init(&st);
  // The claimed size is checked first (cheap), the bytes inflated while reading (a crafted
  // archive can claim less than it holds).
  if (zip_stat_index(impl_->zip, at, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
      st.size > budget - impl_->inflated)
    check_inflated_size(path, budget + 1, impl_->limits);
  zip_file_t* file = zip_fopen_index(impl_->zip, at, 0);
  if (!file) fail("corrupt", path, "无法解压 " + name, "cannot inflate " + name);
  std::string out;
  char buf[1 << 16];
  while (true) {
    const zip_int64_t n = zip_fread(file, buf, sizeof buf);
    if (n < 0) {
      zip_fclose(file);
      fail("corrupt", path, "解压 " + name + " 出错，文件已损坏", "error inflating " + name + ": damaged file");
    }
    if (n == 0) break;
    impl_->inflated += static_cast<std::uint64_t>(n);
    if (impl_->inflated > budget) {
      zip_fclose(file);
      check_inflated_size(path, impl_->inflated, impl_->limits);
    }
    out.append(buf, static_cast<size_t>(n));
  }
  zip_fclose(file);
  return out;
}

}  // namespace nianbao
