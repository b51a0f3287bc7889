// The registry in core/error_codes.h against the sources: every code is thrown where its
// origin says, and no code is spelt as a string literal outside the registry.
#include "core/error.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace huike {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = HUIKE_SOURCE_DIR;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The texts of the source files under `dir` with one of `extensions`.
std::vector<std::pair<fs::path, std::string>> sources(const fs::path& dir, std::set<std::string> extensions) {
  std::vector<std::pair<fs::path, std::string>> out;
  for (const auto& entry : fs::recursive_directory_iterator(kRoot / dir)) {
    if (entry.is_regular_file() && extensions.count(entry.path().extension().string())) {
      out.emplace_back(entry.path(), read_text(entry.path()));
    }
  }
  return out;
}

TEST(ErrorCodes, RegistryIsInEnumOrderWithUniqueNames) {
  std::set<std::string_view> names;
  for (size_t i = 0; i < std::size(kErrorCodes); ++i) {
    const ErrorCodeInfo& info = kErrorCodes[i];
    EXPECT_EQ(static_cast<size_t>(info.code), i) << info.name;
    EXPECT_EQ(info.name.substr(0, 2), "E_") << info.name;
    EXPECT_TRUE(names.insert(info.name).second) << "twice: " << info.name;
    EXPECT_FALSE(info.description.empty()) << info.name;
    EXPECT_FALSE(info.origin.empty()) << info.name;
  }
  EXPECT_EQ(error_code_name(ErrorCode::E_NO_CUSTOMER_COLUMN), "E_NO_CUSTOMER_COLUMN");
  EXPECT_EQ(HuikeError(ErrorCode::E_UTF16_FILE, "x").code_name(), "E_UTF16_FILE");
}

TEST(ErrorCodes, NoCodeIsSpeltAsAStringInCpp) {
  const std::regex literal("\"E_[A-Z0-9_]+\"");
  size_t files = 0;
  for (const char* dir : {"src", "wasm"}) {
    for (const auto& [path, text] : sources(dir, {".cpp", ".h"})) {
      ++files;
      if (path.filename() == "error_codes.h") continue;
      std::smatch match;
      EXPECT_FALSE(std::regex_search(text, match, literal)) << path << ": " << match.str() << " (use ErrorCode::)";
    }
  }
  EXPECT_GT(files, 20u);
}

// Each code is raised where its origin says: a code nothing raises is not in the list.
TEST(ErrorCodes, EveryCodeIsRaisedWhereItsOriginSays) {
  const auto joined = [](const fs::path& dir, std::set<std::string> extensions, const std::string& skip) {
    std::string all;
    for (const auto& [path, text] : sources(dir, extensions)) {
      if (path.filename() != skip) all += text;
    }
    return all;
  };
  std::string engine;
  for (const auto& [path, text] : sources("src", {".cpp", ".h"})) {
    if (path.filename() != "error_codes.h" && path.parent_path().filename() != "cli") engine += text;
  }
  const std::string cli = joined("src/cli", {".cpp"}, "");
  const std::string wasm = joined("wasm", {".cpp"}, "");
  const std::string web = joined("web", {".js", ".mjs"}, "error_codes.js");
  for (const ErrorCodeInfo& info : kErrorCodes) {
    const std::string cpp_use = "ErrorCode::" + std::string(info.name);
    std::istringstream origins{std::string(info.origin)};
    for (std::string origin; origins >> origin;) {
      if (origin == "engine") EXPECT_NE(engine.find(cpp_use), std::string::npos) << info.name << " in src/";
      else if (origin == "cli") EXPECT_NE(cli.find(cpp_use), std::string::npos) << info.name << " in src/cli";
      else if (origin == "wasm") EXPECT_NE(wasm.find(cpp_use), std::string::npos) << info.name << " in wasm/";
      else if (origin == "web") EXPECT_NE(web.find(info.name), std::string::npos) << info.name << " in web/";
      else ADD_FAILURE() << info.name << ": unknown origin " << origin;
    }
  }
}

}  // namespace
}  // namespace huike
