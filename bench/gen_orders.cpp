// gen_orders --rows N --out FILE [--products N]: a realistic order export for benchmarks and
// browser tests; --products adds N products bought again and a quantity column.
#include <cstdio>
#include <cstring>
#include <string>

#include "order_generator.h"

int main(int argc, char** argv) {
  unsigned long long rows = 1000000;
  unsigned products = 0;
  std::string out;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--rows")) rows = std::stoull(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--out")) out = argv[i + 1];
    else if (!std::strcmp(argv[i], "--products")) products = static_cast<unsigned>(std::stoul(argv[i + 1]));
  }
  if (out.empty()) {
    std::fprintf(stderr, "usage: gen_orders --rows N --out FILE [--products N]\n");
    return 64;
  }
  FILE* file = std::fopen(out.c_str(), "wb");
  if (!file) return 1;
  huike::bench::generate_orders(file, rows, 1, products);
  return std::fclose(file) == 0 ? 0 : 1;
}
