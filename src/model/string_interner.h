#pragma once
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/prefetch.h"

namespace huike {

// Maps strings to dense indexes 0..size()-1, storing each distinct string once.
class StringInterner {
 public:
  StringInterner() = default;
  StringInterner(const StringInterner& other);
  StringInterner& operator=(const StringInterner& other);
  StringInterner(StringInterner&&) noexcept = default;
  StringInterner& operator=(StringInterner&&) noexcept = default;
  uint32_t intern(std::string_view text);
  uint32_t intern(std::string_view text, uint64_t hash);  // hash = hash_bytes(text)
  // Starts loading the table slot where `hash` begins its search (a cache miss in a big table).
  void prefetch(uint64_t hash) const {
    if (!slots_.empty()) huike::prefetch(&slots_[hash & (slots_.size() - 1)]);
  }
  // Then, once that slot is loaded, the entry it points to (the second miss of a lookup).
  void prefetch_entry(uint64_t hash) const {
    if (slots_.empty()) return;
    const uint64_t entry = slots_[hash & (slots_.size() - 1)];
    if (entry != 0) huike::prefetch(entry_at(static_cast<uint32_t>(entry) - 1));
  }
  std::string_view at(uint32_t index) const {
    const char* entry = entry_at(offsets_[index]);
    uint32_t size;
    std::memcpy(&size, entry + 4, 4);
    return {entry + kHeader, size};
  }
  uint32_t size() const { return static_cast<uint32_t>(offsets_.size()); }
  size_t memory_bytes() const;
  void clear();
  // Frees the lookup table and the spare room, keeping every string and index: for a table
  // that is only read from now on (the customer ids after reading: 64 MB at 10M rows, issue
  // 14). A later intern builds the lookup table again.
  void compact();

 private:
  // Entries are [uint32 index][uint32 size][bytes]: a table slot points at one, so a lookup
  // touches the slot and the entry only (two cache misses in a big table). They live in
  // blocks of 1 MiB units, never moved: a doubling array left its old copies behind as holes
  // in a wasm heap, which never shrinks (some 60 MB at 10M rows, issue 14). An offset is
  // unit << 20 | position; a long entry gets a block of several units.
  static constexpr size_t kHeader = 8;
  static constexpr int kUnitShift = 20;
  static constexpr uint32_t kUnitMask = (1u << kUnitShift) - 1;
  const char* entry_at(uint32_t offset) const { return units_[offset >> kUnitShift] + (offset & kUnitMask); }
  uint32_t append_entry(std::string_view text, uint32_t index);  // returns its offset
  void grow();
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<char*> units_;       // per unit: where it starts (in its block)
  uint64_t used_ = 0;              // offsets below are taken; up to units_.size() << kUnitShift
  std::vector<uint32_t> offsets_;  // per index: its entry
  std::vector<uint64_t> slots_;    // open addressing: hash's high half | entry offset + 1; 0 = empty
};

uint64_t hash_bytes(std::string_view text);

}  // namespace huike
