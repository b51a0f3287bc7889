#pragma once
// What the benchmark programs share: a generated order file, read into a session.
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "order_generator.h"
#include "session.h"

namespace huike::bench {

// Writes `path` (generate_orders) unless it is there already.
inline void ensure_orders_file(const std::string& path, uint64_t rows, uint32_t product_count = 0) {
  if (std::filesystem::exists(path)) return;
  FILE* out = std::fopen(path.c_str(), "wb");
  generate_orders(out, rows, 1, product_count);
  std::fclose(out);
}

// begin → feed in 4 MiB chunks → finish.
inline void read_orders_file(Session& session, const std::string& path) {
  session.begin(nlohmann::json::object());
  FILE* in = std::fopen(path.c_str(), "rb");
  std::vector<char> chunk(4 << 20);
  size_t got;
  while ((got = std::fread(chunk.data(), 1, chunk.size(), in)) > 0) session.feed({chunk.data(), got});
  std::fclose(in);
  session.finish();
}

}  // namespace huike::bench
