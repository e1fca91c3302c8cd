// JSON text written as it is laid out, with no tree built first: a report's JSON holds hundreds
// of cells, and building the tree cost several times writing the text. Strings are escaped and
// numbers written as nlohmann's dump() writes them (UTF-8 kept as it is, control characters as
// \uXXXX), so the text is the same bytes a tree would have given.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nianbao {

class JsonWriter {
 public:
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  // The key of the next member of the object being written.
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(long long n);
  JsonWriter& value(int n) { return value(static_cast<long long>(n)); }
  JsonWriter& value(long n) { return value(static_cast<long long>(n)); }
  JsonWriter& value(unsigned long n) { return value(static_cast<long long>(n)); }
  JsonWriter& value(double d);
  JsonWriter& value(bool b);
  JsonWriter& null();
  // A member in one call.
  template <typename T>
  JsonWriter& member(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }
  JsonWriter& strings(const std::vector<std::string>& list);  // an array of strings
  const std::string& text() const { return out_; }

 private:
  std::string out_;
  std::vector<bool> first_;  // per open object or array: no member written yet
  bool after_key_ = false;

  void separate();
  JsonWriter& open(char c);
  JsonWriter& close(char c);
};

}  // namespace nianbao
