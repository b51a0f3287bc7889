#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace huike {

// Maps strings to dense indexes 0..size()-1, storing each distinct string once.
class StringInterner {
 public:
  uint32_t intern(std::string_view text);
  std::string_view at(uint32_t index) const {
    return {arena_.data() + offsets_[index], offsets_[index + 1] - offsets_[index]};
  }
  uint32_t size() const { return static_cast<uint32_t>(offsets_.size() - 1); }
  size_t memory_bytes() const;
  void clear();

 private:
  void grow();
  std::vector<char> arena_;
  std::vector<uint32_t> offsets_{0};
  std::vector<uint64_t> hashes_;   // per index
  std::vector<uint32_t> slots_;    // open addressing: index + 1, 0 = empty
};

uint64_t hash_bytes(std::string_view text);

}  // namespace huike
