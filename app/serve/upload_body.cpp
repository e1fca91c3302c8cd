#include "app/serve/upload_body.h"

#include <re2/re2.h>

namespace nianbao {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "%E5%B9%B4%E6%8A%A5.pdf" → "年报.pdf": a header carries only ASCII safely.
std::string percent_decoded(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The name a raw body is sent under, or "".
std::string raw_body_name(const httplib::Request& req) {
  if (std::string name = req.get_header_value("X-Filename"); !name.empty()) return percent_decoded(name);
  std::string name;
  const std::string disposition = req.get_header_value("Content-Disposition");
  if (RE2::PartialMatch(disposition, "filename\\*=(?:UTF-8|utf-8)''([^;\\s]+)", &name)) return percent_decoded(name);
  if (RE2::PartialMatch(disposition, "filename=\"([^\"]*)\"", &name) ||
      RE2::PartialMatch(disposition, "filename=([^;\\s]+)", &name))
    return name;
  if (req.has_param("filename")) return req.get_param_value("filename");
  return "";
}

}  // namespace

std::optional<ReceivedUpload> receive_upload(const httplib::Request& req, const httplib::ContentReader& reader,
                                             std::string* error) {
  error->clear();
  ReceivedUpload upload;
  if (req.is_multipart_form_data()) {
    bool found = false, in_file = false;
    const bool read = reader(
        [&](const httplib::MultipartFormData& part) {
          in_file = part.name == "file" && !found;
          if (in_file) {
            found = true;
            upload.filename = part.filename;
          }
          return true;
        },
        [&](const char* data, size_t n) {
          if (in_file) upload.content.append(data, n);
          return true;
        });
    if (!read) return std::nullopt;  // over the size limit, or a broken body: the status says which
    if (!found) {
      *error = "缺少上传文件：multipart/form-data 请求中没有 file 字段，请把报告放在 file 字段上传。 "
               "(Missing upload: the multipart/form-data request has no \"file\" field.)";
      return std::nullopt;
    }
    return upload;
  }
  upload.filename = raw_body_name(req);
  if (!reader([&](const char* data, size_t n) {
        upload.content.append(data, n);
        return true;
      }))
    return std::nullopt;
  if (upload.filename.empty()) {
    *error = "缺少上传文件：请用 multipart/form-data 的 file 字段上传报告，或把文件原样作为请求体发送并用 "
             "X-Filename 头写明文件名（如 X-Filename: report.pdf）。 (Missing upload: send the report as the "
             "multipart/form-data field \"file\", or as the raw body with its name in an X-Filename header.)";
    return std::nullopt;
  }
  return upload;
}

}  // namespace nianbao
