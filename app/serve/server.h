// The local self-check web page: an author drops a report on the page and sees the HTML
// report; scripts POST the file to the JSON endpoint.
//
//   GET  /                 the upload page (Chinese; ?lang=en for English)
//   POST /check            the report (upload_body.h) -> the report as an HTML fragment
//   POST /api/check        the report (multipart field "file", or a raw body with X-Filename)
//                          -> the JSON report object of docs/OUTPUT.md; every error is JSON too
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "extract/model/bilingual.h"
#include "extract/read/limits.h"

namespace httplib {
class Server;
}

namespace nianbao {

struct Rules;

struct ServeOptions {
  std::string bind = "127.0.0.1";  // loopback: the page is for the author's own machine
  int port = 8080;
  size_t max_upload_bytes = 20u << 20;  // reports are a few MB; larger is refused with a message
  int timeout_seconds = 30;             // per read/write, so a stalled client frees its thread
  Limits limits;                        // each upload is checked in a child process under these
};

// Builds the server with its routes, limits and timeouts; the caller listens on it.
// `rules` must outlive the server.
std::unique_ptr<httplib::Server> make_server(const Rules& rules, const ServeOptions& options);

// Serves until interrupted. Returns 2 when the address cannot be bound.
int serve(const Rules& rules, const ServeOptions& options);

}  // namespace nianbao
