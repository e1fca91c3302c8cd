// The self-check server: upload page, JSON endpoint, size limit, no leftovers, a stalled client
// not blocking others. The page driven end to end in headless Chromium is browser_test.cpp.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "test_paths.h"
#include "app/serve/server.h"
#include "app/serve/upload.h"
#include "validate/validate.h"

namespace nianbao {
namespace {

namespace fs = std::filesystem;

// A server on a free loopback port, in a process of its own, with uploads under a private TMPDIR
// so the test can see that nothing is left behind. Its own process, as a real server is to its
// clients: the server forks a worker per upload, and a fork while this test's client thread is
// inside the allocator leaves the worker stuck on the allocator's lock under AddressSanitizer.
class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static const fs::path base = fs::temp_directory_path();  // before TMPDIR is changed below
    tmp_ = base / ("nianbao-serve-test-" + std::to_string(::getpid()));
    fs::create_directories(tmp_);
    ::setenv("TMPDIR", tmp_.c_str(), 1);
    ServeOptions o;
    o.max_upload_bytes = 1u << 20;
    o.timeout_seconds = 5;  // a stalled client is dropped after it; any other request takes far less
    o.limits.max_pages = 4;  // the five-page 洪泽区 PDF is over it
    server_ = make_server(rules_, o);
    port_ = server_->bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    pid_ = ::fork();
    ASSERT_GE(pid_, 0);
    if (pid_ == 0) {
      server_->listen_after_bind();
      ::_exit(0);
    }
    // Serving once the page answers.
    for (int i = 0; i < 2000; ++i) {
      httplib::Client c("127.0.0.1", port_);
      c.set_connection_timeout(1, 0);
      if (c.Get("/")) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    FAIL() << "the server did not start";
  }
  void TearDown() override {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    server_.reset();
    fs::remove_all(tmp_);
    ::unsetenv("TMPDIR");
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30, 0);
    return c;
  }

  Rules rules_ = Rules::load(test::source_path("rules"));
  std::unique_ptr<httplib::Server> server_;
  pid_t pid_ = -1;
  int port_ = 0;
  fs::path tmp_;
};

TEST_F(ServeTest, UploadPageIsChineseByDefault) {
  auto res = client().Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("年报自查"), std::string::npos);
  auto en = client().Get("/?lang=en");
  EXPECT_NE(en->body.find("Annual report self-check"), std::string::npos);
}

TEST_F(ServeTest, JsonEndpointChecksTheUploadAndLeavesNothing) {
  httplib::MultipartFormDataItems items = {
      {"file", test::read_file(test::source_path("samples/rules/applications-balance.txt")), "../../etc/x.txt",
       "text/plain"}};
  auto res = client().Post("/api/check", items);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto j = nlohmann::json::parse(res->body);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["file"], "x.txt");  // the client's path is dropped, never used
  ASSERT_FALSE(j["findings"].empty());
  EXPECT_EQ(j["findings"][0]["rule"], "applications.balance");
  EXPECT_TRUE(fs::is_empty(tmp_)) << "upload left behind";
}

TEST_F(ServeTest, HtmlEndpointMarksTheCell) {
  httplib::MultipartFormDataItems items = {
      {"file", test::read_file(test::source_path("samples/rules/applications-balance.txt")), "a.txt", "text/plain"}};
  auto res = client().Post("/check", items);
  ASSERT_TRUE(res);
  EXPECT_NE(res->body.find("bad sev-error\" id=\"cell-applications-carried_forward-natural_person\""),
            std::string::npos);
}

TEST_F(ServeTest, OverSizeUploadIsRefusedWithAMessageAndServingGoesOn) {
  httplib::MultipartFormDataItems items = {{"file", std::string(2u << 20, 'x'), "big.pdf", "application/pdf"}};
  auto res = client().Post("/api/check", items);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_NE(res->body.find("文件太大"), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("1 MB"), std::string::npos);
  auto page = client().Post("/check", items);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 413);
  EXPECT_NE(page->body.find("文件太大"), std::string::npos);
  auto after = client().Get("/");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

// Each upload is checked in a child process under the limits: one over a limit is an error
// naming it, and the server goes on serving.
TEST_F(ServeTest, AnUploadOverALimitIsAnErrorAndServingGoesOn) {
  httplib::MultipartFormDataItems items = {
      {"file", test::read_file(test::corpus_path("jiangsu_huaian_hongzequ_2024.pdf")), "r.pdf",
       "application/pdf"}};
  auto res = client().Post("/api/check", items);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto j = nlohmann::json::parse(res->body);
  EXPECT_EQ(j["file"], "r.pdf");
  EXPECT_EQ(j["status"], "error");
  EXPECT_EQ(j["error"]["code"], "too_many_pages");
  EXPECT_NE(j["error"]["message"].get<std::string>().find("--max-pages"), std::string::npos);
  auto next = client().Post("/api/check", {{"file", test::read_file(test::source_path("samples/rules/applications-balance.txt")),
                                            "a.txt", "text/plain"}});
  ASSERT_TRUE(next);
  EXPECT_EQ(nlohmann::json::parse(next->body)["status"], "ok");
  EXPECT_TRUE(fs::is_empty(tmp_));
}

// Every answer of the API is JSON: a request without the report is a 400 that says how to send it.
TEST_F(ServeTest, MissingFileIsABadRequestInJson) {
  auto raw = client().Post("/api/check", "x", "text/plain");
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->status, 400);
  EXPECT_EQ(raw->get_header_value("Content-Type"), "application/json; charset=utf-8");
  auto j = nlohmann::json::parse(raw->body);
  EXPECT_EQ(j["status"], "error");
  EXPECT_EQ(j["http_status"], 400);
  EXPECT_NE(j["message"].get<std::string>().find("X-Filename"), std::string::npos) << raw->body;
  // Multipart without the field "file".
  auto other = client().Post("/api/check", httplib::MultipartFormDataItems{{"report", "x", "r.txt", "text/plain"}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 400);
  EXPECT_EQ(other->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(nlohmann::json::parse(other->body)["message"],
            "缺少上传文件：multipart/form-data 请求中没有 file 字段，请把报告放在 file 字段上传。 "
            "(Missing upload: the multipart/form-data request has no \"file\" field.)");
}

// A script sends the file itself (curl --data-binary, whose default type is that of an HTML
// form) named by a header; 43 KB is far under the limit and is checked like an upload.
TEST_F(ServeTest, RawBodyWithAFilenameHeaderIsChecked) {
  std::string report = test::read_file(test::source_path("samples/rules/applications-balance.txt"));
  while (report.size() < 43 * 1024) report += "\n本段为填充文字，不影响检查。";
  httplib::Headers headers = {{"X-Filename", "%E5%B9%B4%E6%8A%A5.txt"}};  // 年报.txt
  auto res = client().Post("/api/check", headers, report, "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto j = nlohmann::json::parse(res->body);
  EXPECT_EQ(j["file"], "年报.txt");
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["report"]["agency"], "示例县交通运输局");
  // Named by Content-Disposition instead, as an octet stream.
  auto named = client().Post("/api/check", {{"Content-Disposition", "attachment; filename=\"r.txt\""}}, report,
                             "application/octet-stream");
  ASSERT_TRUE(named);
  EXPECT_EQ(nlohmann::json::parse(named->body)["file"], "r.txt");
  // Over the limit a raw body is refused like an upload, with the limit in the message.
  auto big = client().Post("/api/check", headers, std::string(2u << 20, 'x'), "application/octet-stream");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_NE(nlohmann::json::parse(big->body)["message"].get<std::string>().find("1 MB"), std::string::npos);
}

TEST_F(ServeTest, AStalledClientDoesNotBlockOthers) {
  // A client that announces a body and never sends it.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port_));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  std::string head = "POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                     "Content-Length: 100000\r\n\r\n--b\r\n";
  ASSERT_EQ(::write(fd, head.data(), head.size()), static_cast<ssize_t>(head.size()));
  auto res = client().Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  // The page was served while the stalled upload was still being waited for: the server has
  // neither answered nor closed it yet (a server taking one request at a time would have had to
  // give up on it first).
  pollfd p{fd, POLLIN, 0};
  EXPECT_EQ(::poll(&p, 1, 0), 0) << "the stalled upload was ended before the page was served";
  // Then the read timeout frees its worker: the server ends the connection. (The bound only
  // keeps a broken server from hanging the test.)
  ASSERT_EQ(::poll(&p, 1, 120'000), 1) << "the stalled upload was never ended";
  char buf[512];
  const ssize_t n = ::read(fd, buf, sizeof buf);
  EXPECT_TRUE(n == 0 || (n > 0 && std::string(buf, n).rfind("HTTP/1.1 4", 0) == 0)) << std::string(buf, n > 0 ? n : 0);
  ::close(fd);
}

TEST(Upload, NamesFromTheClientAreNeverPaths) {
  EXPECT_EQ(display_name("../../x.PDF"), "x.PDF");
  EXPECT_EQ(display_name("C:\\a\\b\\年报.docx"), "年报.docx");
  EXPECT_EQ(display_name("/etc/passwd"), "passwd");
  EXPECT_EQ(display_name("a\nb"), "ab");
  EXPECT_EQ(display_name(""), "upload");
}

}  // namespace
}  // namespace nianbao
