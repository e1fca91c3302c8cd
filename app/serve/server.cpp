#include "app/serve/server.h"

#include <httplib.h>

#include <iostream>
#include <optional>

#include "render/render_html.h"
#include "render/render_json.h"
#include "app/serve/page.h"
#include "app/serve/upload.h"
#include "app/serve/upload_body.h"
#include "validate/validate.h"

namespace nianbao {

namespace {

Lang lang_of(const httplib::Request& req) {
  return req.has_param("lang") && req.get_param_value("lang") == "en" ? Lang::En : Lang::Zh;
}

// The error of a request as JSON for the API (scripts parse every answer), as text for the page.
void set_error(const httplib::Request& req, httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  if (req.path.rfind("/api/", 0) == 0)
    res.set_content(nlohmann::json{{"status", "error"}, {"http_status", status}, {"message", message}}.dump(),
                    "application/json; charset=utf-8");
  else
    res.set_content(message, "text/plain; charset=utf-8");
}

// The uploaded report of a request, or the answer that explains why there is none.
std::optional<ReceivedUpload> upload_of(const httplib::Request& req, httplib::Response& res,
                                        const httplib::ContentReader& reader) {
  std::string error;
  auto upload = receive_upload(req, reader, &error);
  if (!upload && !error.empty()) set_error(req, res, 400, error);
  return upload;
}

bool is_loopback(const std::string& bind) {
  return bind == "127.0.0.1" || bind == "::1" || bind == "localhost" || bind.rfind("127.", 0) == 0;
}

}  // namespace

std::unique_ptr<httplib::Server> make_server(const Rules& rules, const ServeOptions& o) {
  auto svr = std::make_unique<httplib::Server>();
  // Over-size bodies are discarded by the library (status 413) before any handler runs.
  svr->set_payload_max_length(o.max_upload_bytes);
  // One slow or stalled client holds one worker for at most these, never the others.
  svr->set_read_timeout(o.timeout_seconds, 0);
  svr->set_write_timeout(o.timeout_seconds, 0);
  svr->set_keep_alive_timeout(5);
  size_t max = o.max_upload_bytes;

  svr->Get("/", [max](const httplib::Request& req, httplib::Response& res) {
    res.set_content(upload_page(lang_of(req), max), "text/html; charset=utf-8");
  });
  const Limits limits = o.limits;
  // The handlers read the body themselves (ContentReader): a raw body is then held to the upload
  // limit only, not to the library's 8 KB limit for HTML forms.
  svr->Post("/check", [&rules, limits](const httplib::Request& req, httplib::Response& res,
                                       const httplib::ContentReader& reader) {
    const auto f = upload_of(req, res, reader);
    if (!f) return;
    HtmlOptions opt{lang_of(req), true, display_name(f->filename)};
    res.set_content(check_upload(f->filename, f->content, rules, limits,
                                 [&](const CheckResult& r) { return render_html_fragment(r, rules, opt); }),
                    "text/html; charset=utf-8");
  });
  svr->Post("/api/check", [&rules, limits](const httplib::Request& req, httplib::Response& res,
                                           const httplib::ContentReader& reader) {
    const auto f = upload_of(req, res, reader);
    if (!f) return;
    Lang lang = lang_of(req);
    res.set_content(check_upload(f->filename, f->content, rules, limits,
                                 [&](const CheckResult& r) { return to_json_text(r, rules.catalog, lang); }),
                    "application/json; charset=utf-8");
  });
  // Every error has a body a person can read; JSON for the API.
  svr->set_error_handler([max](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler already explained it
    std::string msg = res.status == 413 ? too_large_message(max)
                      : res.status == 404 ? "没有这个页面 (not found)"
                                          : "请求有误 (bad request): HTTP " + std::to_string(res.status);
    set_error(req, res, res.status, msg);
  });
  return svr;
}

int serve(const Rules& rules, const ServeOptions& o) {
  auto svr = make_server(rules, o);
  if (!is_loopback(o.bind))
    std::cerr << "nianbao serve: 注意：监听 " << o.bind << "，本机以外也能访问 (listening beyond this machine)\n";
  if (!svr->bind_to_port(o.bind, o.port)) {
    std::cerr << "nianbao serve: 无法监听 " << o.bind << ":" << o.port << " (cannot bind)\n";
    return 2;
  }
  std::cerr << "nianbao serve: http://" << (o.bind.find(':') != std::string::npos ? "[" + o.bind + "]" : o.bind)
            << ":" << o.port << "/\n";
  return svr->listen_after_bind() ? 0 : 2;
}

}  // namespace nianbao
