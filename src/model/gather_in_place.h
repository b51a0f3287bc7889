#pragma once
#include <algorithm>
#include <vector>

namespace huike {

// column[k] = column[from[k]] for every k: read at random places (independent reads, so
// they overlap) into a copy, which is copied back. The column keeps its block and the
// copy's is freed whole: a wasm heap never shrinks, and the smaller holes a swap would
// leave behind do not fit the later big arrays (issue 14).
template <class T, class Index>
void gather_in_place(std::vector<T>& column, const std::vector<Index>& from) {
  std::vector<T> moved(from.size());
  for (size_t k = 0; k < from.size(); ++k) moved[k] = column[from[k]];
  std::copy(moved.begin(), moved.end(), column.begin());
}

}  // namespace huike
