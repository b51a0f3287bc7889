#pragma once
// Generated order files for the benchmarks (bench/out/orders_N.csv, made once) and reading
// one into a session in 4 MiB chunks, as the CLI does.
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "order_generator.h"
#include "session.h"

namespace huike::bench {

// product_count > 0: that many products bought again, and a quantity column (order_generator.h).
inline std::string orders_file(uint64_t rows, const std::string& dir = "bench/out", uint32_t product_count = 0) {
  std::filesystem::create_directories(dir);
  const std::string path = dir + (product_count ? "/orders_products_" : "/orders_") + std::to_string(rows) + ".csv";
  if (!std::filesystem::exists(path)) {
    FILE* out = std::fopen(path.c_str(), "wb");
    generate_orders(out, rows, 1, product_count);
    std::fclose(out);
  }
  return path;
}

inline void feed_file(Session& session, const std::string& path) {
  FILE* in = std::fopen(path.c_str(), "rb");
  std::vector<char> chunk(4 << 20);
  size_t got;
  while ((got = std::fread(chunk.data(), 1, chunk.size(), in)) > 0) session.feed({chunk.data(), got});
  std::fclose(in);
}

}  // namespace huike::bench
