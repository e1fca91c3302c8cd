// The JSON written directly is the text nlohmann's dump() gives for the same values: users'
// scripts and the batch store read it, and an object written one way or the other must not
// differ by a byte.
#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>

#include "render/json_writer.h"

namespace nianbao {
namespace {

using json = nlohmann::ordered_json;

TEST(JsonWriter, StringsAreEscapedAsDumpEscapesThem) {
  const std::vector<std::string> strings = {
      "", "洪泽区人民政府", "quote \" and \\ backslash", "tab\tnew\nline\rret\bback\fform",
      std::string("nul \0 and \x1f unit", sizeof "nul \0 and \x1f unit" - 1), "del \x7f stays", "emoji 😀 and ｆｕｌｌ", "/slash/"};
  for (const auto& s : strings) {
    JsonWriter w;
    w.value(s);
    EXPECT_EQ(w.text(), json(s).dump()) << s;
  }
}

TEST(JsonWriter, NumbersAreWrittenAsDumpWritesThem) {
  for (double d : {0.0, -0.0, 1.0, 72.0, 540.13, 231.3, 7730.28, 0.01, 0.5, -12.75, 0.0001, 0.00001, 1e15, 1e16,
                   123456789.25, 1.0 / 3, std::numeric_limits<double>::quiet_NaN(),
                   std::numeric_limits<double>::infinity()}) {
    JsonWriter w;
    w.value(d);
    EXPECT_EQ(w.text(), json(d).dump()) << d;
  }
  for (long long n : {0LL, -1LL, 4119LL, 9007199254740993LL}) {
    JsonWriter w;
    w.value(n);
    EXPECT_EQ(w.text(), json(n).dump());
  }
}

TEST(JsonWriter, ObjectsAndArraysNestAsATreeDumps) {
  JsonWriter w;
  w.begin_object().member("a", 1).key("b").begin_array().value("x").null().value(true).begin_object().end_object();
  w.end_array().key("c").begin_object().member("d", 2.5).end_object().key("e").strings({"p", "q"}).end_object();
  json j = json::object();
  j["a"] = 1;
  j["b"] = json::array({"x", nullptr, true, json::object()});
  j["c"] = {{"d", 2.5}};
  j["e"] = {"p", "q"};
  EXPECT_EQ(w.text(), j.dump());
}

TEST(JsonWriter, TextThatIsNotUtf8IsRefusedAsDumpRefusesIt) {
  for (const std::string& bad : {std::string("\xff"), std::string("a\xe6\xb4"), std::string("\xc0\xaf"),
                                 std::string("\xed\xa0\x80")}) {
    JsonWriter w;
    EXPECT_THROW(w.value(bad), nlohmann::json::type_error);
  }
}

}  // namespace
}  // namespace nianbao
