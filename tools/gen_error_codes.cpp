// Writes web/protocol/error_codes.js from the C++ registry (src/core/error_codes.h), so
// the page, the worker and the embed module know exactly the codes the engine has.
//   gen_error_codes OUT.js          write the file
//   gen_error_codes --check FILE.js exit 1 when FILE.js differs from what would be written
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/error_codes.h"

namespace {

std::string quoted(std::string_view name) { return "'" + std::string(name) + "'"; }

std::string error_codes_js() {
  std::ostringstream js;
  js << "// GENERATED from src/core/error_codes.h by tools/gen_error_codes.cpp: do not edit.\n"
        "// Regenerate with `build/gen_error_codes web/protocol/error_codes.js`; a ctest fails when stale.\n"
        "// The error codes of the engine and of the worker, one list for the page, the worker and\n"
        "// the embed module.\n\n";
  // The typedef, wrapped before 100 columns.
  std::string line = "/**\n * @typedef {", typedef_text;
  for (size_t i = 0; i < std::size(huike::kErrorCodes); ++i) {
    const std::string item = (i ? "|" : "") + quoted(huike::kErrorCodes[i].name);
    if (line.size() + item.size() > 100) {
      typedef_text += line + "\n";
      line = " *   ";
    }
    line += item;
  }
  js << typedef_text << line << "} ErrorCodeName\n */\n\n";
  js << "/** @type {Readonly<{[K in ErrorCodeName]: K}>} */\nexport const ErrorCode = Object.freeze({\n";
  for (const huike::ErrorCodeInfo& info : huike::kErrorCodes) {
    js << "  /** " << info.description << " (" << info.origin << ") */\n";
    js << "  " << info.name << ": " << quoted(info.name) << ",\n";
  }
  js << "});\n\n"
        "/** Every code, in registry order. @type {readonly ErrorCodeName[]} */\n"
        "export const ERROR_CODES = Object.freeze(/** @type {ErrorCodeName[]} */ (Object.keys(ErrorCode)));\n";
  return js.str();
}

}  // namespace

int main(int argc, char** argv) {
  const std::string wanted = error_codes_js();
  if (argc == 3 && std::string(argv[1]) == "--check") {
    std::ifstream in(argv[2], std::ios::binary);
    const std::string actual((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (actual == wanted) return 0;
    std::cerr << argv[2] << (in ? " is stale" : " is missing")
              << ": the error codes changed in src/core/error_codes.h; run build/gen_error_codes " << argv[2] << '\n';
    return 1;
  }
  if (argc != 2) {
    std::cerr << "usage: gen_error_codes OUT.js | --check FILE.js\n";
    return 64;
  }
  std::ofstream out(argv[1], std::ios::binary);
  if (!(out << wanted) || !out.flush()) {
    std::cerr << "cannot write " << argv[1] << '\n';
    return 1;
  }
  return 0;
}
