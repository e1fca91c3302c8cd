#include "app/serve/upload.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "validate/validate.h"

namespace nianbao {

namespace {

// A directory only this process can enter, removed with its contents on every path out.
class PrivateDir {
 public:
  PrivateDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "nianbao-upload-XXXXXX").string();
    if (mkdtemp(tmpl.data())) path_ = tmpl;
  }
  ~PrivateDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  PrivateDir(const PrivateDir&) = delete;
  PrivateDir& operator=(const PrivateDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

bool write_file(const std::string& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  return ::close(fd) == 0 && done == bytes.size();
}

}  // namespace

std::string upload_extension(const std::string& client_name) {
  static const char* known[] = {".pdf", ".docx", ".doc", ".wps", ".html", ".htm", ".txt", ".md"};
  std::string ext;
  if (auto dot = client_name.rfind('.'); dot != std::string::npos) ext = client_name.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  for (const char* k : known)
    if (ext == k) return ext;
  return ".txt";
}

std::string display_name(const std::string& client_name) {
  std::string name = client_name;
  if (auto slash = name.find_last_of("/\\"); slash != std::string::npos) name = name.substr(slash + 1);
  name.erase(std::remove_if(name.begin(), name.end(),
                            [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }),
             name.end());
  if (name.size() > 200) name.resize(200);  // may cut a UTF-8 sequence; only ever shown escaped
  return name.empty() ? "upload" : name;
}

std::string check_upload(const std::string& client_name, const std::string& bytes, const Rules& rules,
                         const Limits& limits, const std::function<std::string(const CheckResult&)>& render) {
  PrivateDir dir;
  CheckResult r;
  r.file = display_name(client_name);
  if (dir.path().empty()) {
    r.error_code = "io";
    r.error_message = "无法创建临时目录 (cannot create a temporary directory)";
    return render(r);
  }
  std::string path = (dir.path() / ("upload" + upload_extension(client_name))).string();
  if (!write_file(path, bytes)) {
    r.error_code = "io";
    r.error_message = "无法保存上传的文件 (cannot store the upload)";
    return render(r);
  }
  return check_file_isolated(path, rules, limits, render).output;
}

}  // namespace nianbao
