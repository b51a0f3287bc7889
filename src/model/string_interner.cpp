#include "model/string_interner.h"

#include <cstring>

namespace huike {

namespace {
inline uint64_t mix(uint64_t a, uint64_t b) {
  __uint128_t product = static_cast<__uint128_t>(a) * b;
  return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
}
constexpr uint64_t kSeed0 = 0xa0761d6478bd642full, kSeed1 = 0xe7037ed1a0b428dbull;
}  // namespace

// A small wyhash-style hash: 8 bytes per step; ids are short, so this is most of the cost.
uint64_t hash_bytes(std::string_view text) {
  const char* p = text.data();
  size_t n = text.size();
  uint64_t h = kSeed0 ^ n;
  while (n >= 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    h = mix(h ^ word, kSeed1);
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  return mix(h ^ tail, kSeed1 ^ n);
}

uint32_t StringInterner::intern(std::string_view text) {
  if ((size() + 1) * 4 > slots_.size() * 3) grow();
  const uint64_t hash = hash_bytes(text);
  const size_t mask = slots_.size() - 1;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const uint32_t entry = slots_[slot];
    if (entry == 0) {
      const uint32_t index = size();
      arena_.insert(arena_.end(), text.begin(), text.end());
      offsets_.push_back(static_cast<uint32_t>(arena_.size()));
      hashes_.push_back(hash);
      slots_[slot] = index + 1;
      return index;
    }
    if (hashes_[entry - 1] == hash && at(entry - 1) == text) return entry - 1;
  }
}

void StringInterner::grow() {
  const size_t capacity = slots_.empty() ? 1024 : slots_.size() * 2;
  slots_.assign(capacity, 0);
  const size_t mask = capacity - 1;
  for (uint32_t index = 0; index < size(); ++index) {
    size_t slot = hashes_[index] & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = index + 1;
  }
}

size_t StringInterner::memory_bytes() const {
  return arena_.capacity() + offsets_.capacity() * sizeof(uint32_t) +
         hashes_.capacity() * sizeof(uint64_t) + slots_.capacity() * sizeof(uint32_t);
}

void StringInterner::clear() {
  arena_.clear();
  offsets_.assign(1, 0);
  hashes_.clear();
  slots_.clear();
}

}  // namespace huike
