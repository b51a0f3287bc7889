#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

namespace huike {

struct ExclusionCount {
  uint64_t rows = 0;
  std::vector<int64_t> example_lines;  // first few 1-based line numbers

  void add(int64_t line, size_t examples) {
    ++rows;
    if (example_lines.size() < examples) example_lines.push_back(line);
  }
  // Another count of the same reason over other rows of the file: the first few lines of both.
  void merge(const ExclusionCount& other, size_t examples) {
    rows += other.rows;
    std::vector<int64_t> lines;
    std::merge(example_lines.begin(), example_lines.end(), other.example_lines.begin(), other.example_lines.end(),
               std::back_inserter(lines));
    if (lines.size() > examples) lines.resize(examples);
    example_lines.swap(lines);
  }
};

}  // namespace huike
