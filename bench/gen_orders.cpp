// gen_orders --rows N --out FILE [--lang en|zh] [--encoding utf8|gbk] [--seed S]: the benchmark
// file of issue 14 (btyd_export.h), the same bytes for the same arguments.
// gen_orders --rows N --out FILE --products N: the older export with N products bought again
// and a quantity column (order_generator.h, as bench_products reads it).
#include <cstdio>
#include <cstring>
#include <string>

#include "btyd_export.h"
#include "order_generator.h"

int main(int argc, char** argv) {
  huike::bench::ExportSpec spec;
  unsigned products = 0;
  std::string out, lang = "en", encoding = "utf8";
  bool ok = true;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--rows") spec.rows = std::stoull(value);
    else if (flag == "--out") out = value;
    else if (flag == "--products") products = static_cast<unsigned>(std::stoul(value));
    else if (flag == "--lang") lang = value;
    else if (flag == "--encoding") encoding = value;
    else if (flag == "--seed") spec.seed = std::stoull(value);
    else ok = false;
  }
  spec.chinese = lang == "zh";
  spec.gbk = encoding == "gbk";
  ok = ok && (argc % 2 == 1) && !out.empty() && (lang == "en" || lang == "zh") && (encoding == "utf8" || encoding == "gbk") &&
       !(spec.gbk && !spec.chinese);
  if (!ok) {
    std::fprintf(stderr,
                 "usage: gen_orders --rows N --out FILE [--lang en|zh] [--encoding utf8|gbk (zh only)] [--seed S]\n"
                 "       gen_orders --rows N --out FILE --products N\n");
    return 64;
  }
  FILE* file = std::fopen(out.c_str(), "wb");
  if (!file) return 1;
  if (products) huike::bench::generate_orders(file, spec.rows, 1, products);
  else huike::bench::write_btyd_export(file, spec);
  return std::fclose(file) == 0 ? 0 : 1;
}
