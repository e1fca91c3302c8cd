// Receiving the report a client POSTs: as the multipart/form-data field "file" (the upload
// page, curl -F), or as the raw body named by an "X-Filename" header (percent-encoded for a
// Chinese name), a Content-Disposition filename or ?filename= (curl --data-binary). The body is
// read by the handler itself, so that a raw body is never mistaken for a small HTML form.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>

namespace nianbao {

struct ReceivedUpload {
  std::string filename;  // as the client sent it; upload.h makes it safe to show
  std::string content;
};

// The upload, or nullopt with `error` set (Chinese, then English in parentheses); `error`
// stays empty when the body was refused for its size (the server answers 413 with its limit).
std::optional<ReceivedUpload> receive_upload(const httplib::Request& req, const httplib::ContentReader& reader,
                                             std::string* error);

}  // namespace nianbao
