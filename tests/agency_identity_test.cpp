// Which names are one agency's (rules/agencies.toml, app/batch/agency_identity.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "app/batch/agency_identity.h"
#include "extract/model/errors.h"
#include "test_paths.h"

namespace nianbao::batch {
namespace {

const AgencyRules& agencies() {
  static const AgencyRules r = AgencyRules::load(test::source_path("rules/agencies.toml"));
  return r;
}

std::string form(const std::string& name) { return agency_form(name, agencies()); }

// The form each name is grouped by, over an archive holding all of `names`.
std::vector<std::string> grouped(const std::vector<std::string>& names) { return agency_identities(names, agencies()); }

TEST(AgencyIdentity, EquivalentFormsAreOneName) {
  EXPECT_EQ(form("盐池县政府办公室"), form("盐池县人民政府办公室"));
  EXPECT_EQ(form("平潭综合实验区"), form("平潭综合实验区管委会"));
  EXPECT_EQ(form("平潭综合实验区管理委员会"), form("平潭综合实验区管委会"));
  EXPECT_EQ(form("洪泽区人民政府"), form("洪泽区"));
  EXPECT_EQ(form("平潭综合实验区 管委会（）"), form("平潭综合实验区管委会"));
  // A government and its office are two agencies.
  EXPECT_NE(form("盐池县人民政府"), form("盐池县人民政府办公室"));
  EXPECT_NE(form("东湖县交通运输局"), form("西山县交通运输局"));
}

TEST(AgencyIdentity, AParentAreaIsDroppedWhenTheArchiveHoldsTheShorterName) {
  auto g = grouped({"淮安市洪泽区人民政府", "洪泽区人民政府", "江苏省淮安市洪泽区财政局", "洪泽区财政局"});
  EXPECT_EQ(g[0], g[1]);
  EXPECT_EQ(g[2], g[3]);
  EXPECT_NE(g[0], g[2]);
  // Without the shorter name nothing is dropped: "淮安市城市管理局" is no city's 城市管理局 else.
  auto alone = grouped({"淮安市城市管理局", "宿迁市城市管理局"});
  EXPECT_NE(alone[0], alone[1]);
  // The city's own government is not one of its districts'.
  auto city = grouped({"淮安市人民政府", "洪泽区人民政府"});
  EXPECT_NE(city[0], city[1]);
}

TEST(AgencyIdentity, NamesThatAreNoAgencysAreNotCredible) {
  for (const char* name : {"", "府", "共和国", "报告", "2023"}) EXPECT_FALSE(credible_agency(name, agencies())) << name;
  for (const char* name : {"民政局", "洪泽区人民政府", "平潭综合实验区", "盐池县政府办公室", "上海市科学技术委员会"})
    EXPECT_TRUE(credible_agency(name, agencies())) << name;
}

TEST(AgencyIdentity, AreasAndTheirDepartments) {
  EXPECT_EQ(area_of_government(form("洪泽区人民政府"), agencies()), "洪泽区");
  EXPECT_EQ(area_of_government(form("平潭综合实验区管委会"), agencies()), "平潭综合实验区");
  EXPECT_EQ(area_of_government(form("洪泽区财政局"), agencies()), "");
  EXPECT_TRUE(named_under_area(form("洪泽区财政局"), "洪泽区", agencies()));
  EXPECT_TRUE(named_under_area(form("淮安市洪泽区财政局"), "洪泽区", agencies()));
  EXPECT_TRUE(named_under_area(form("洪泽区人民政府办公室"), "洪泽区", agencies()));
  EXPECT_FALSE(named_under_area(form("洪泽区人民政府"), "洪泽区", agencies()));
  EXPECT_FALSE(named_under_area(form("淮安市财政局"), "洪泽区", agencies()));
  // A district's bodies are not the city's own departments; the city's are, whatever they are called.
  EXPECT_FALSE(named_under_area(form("淮安市洪泽区财政局"), "淮安市", agencies()));
  EXPECT_FALSE(named_under_area(form("淮安市洪泽区人民政府"), "淮安市", agencies()));
  EXPECT_TRUE(named_under_area(form("淮安市城市管理局"), "淮安市", agencies()));
  EXPECT_TRUE(named_under_area(form("淮安市住房和城乡建设局"), "淮安市", agencies()));
  EXPECT_TRUE(named_under_area(form("淮安市财政局"), "淮安市", agencies()));
  EXPECT_EQ(leading_area("东湖县交通运输局", agencies()), "东湖县");
}

TEST(AgencyIdentity, AliasesAUserAddsAreRead) {
  const std::string dir = ::testing::TempDir() + "agencies_alias";
  std::filesystem::create_directories(dir);
  std::string text = test::read_file(test::source_path("rules/agencies.toml"));
  text += "\n[[alias]]\nname = \"东湖县发展改革局\"\nsame_as = \"东湖县发展和改革局\"\n";
  std::ofstream(dir + "/agencies.toml") << text;
  const AgencyRules r = AgencyRules::load(dir + "/agencies.toml");
  EXPECT_EQ(agency_form("东湖县发展改革局", r), agency_form("东湖县发展和改革局", r));
  EXPECT_NE(agency_form("东湖县发展改革局", agencies()), agency_form("东湖县发展和改革局", agencies()));
  std::ofstream(dir + "/bad.toml") << text << "\n[[alias]]\nname = \"x\"\n";
  EXPECT_THROW(AgencyRules::load(dir + "/bad.toml"), RulesError);
}

// A name that is not credibly an agency's is grouped with none, not even another such name.
TEST(AgencyIdentity, NamesThatAreNoAgencyHaveNoIdentity) {
  auto g = grouped({"府", "共和国", "", "府", "东湖县教育局"});
  EXPECT_EQ(g[0], "");
  EXPECT_EQ(g[1], "");
  EXPECT_EQ(g[2], "");
  EXPECT_EQ(g[3], "");
  EXPECT_EQ(g[4], form("东湖县教育局"));
}

}  // namespace
}  // namespace nianbao::batch
