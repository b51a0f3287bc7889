#include "model/string_interner.h"

#include <cstring>
#include <new>

namespace huike {

namespace {
inline uint64_t mix(uint64_t a, uint64_t b) {
#if defined(__wasm__)
  // wasm has no 64x64->128 multiply: a __uint128_t product is a __multi3 library call (a full
  // 128x128 multiply). The high half from four 32x32->64 products is the same value, inline.
  const uint64_t a_lo = static_cast<uint32_t>(a), a_hi = a >> 32;
  const uint64_t b_lo = static_cast<uint32_t>(b), b_hi = b >> 32;
  const uint64_t lo_lo = a_lo * b_lo, hi_lo = a_hi * b_lo, lo_hi = a_lo * b_hi, hi_hi = a_hi * b_hi;
  const uint64_t cross = (lo_lo >> 32) + static_cast<uint32_t>(hi_lo) + lo_hi;
  const uint64_t high = hi_hi + (hi_lo >> 32) + (cross >> 32);
  return (a * b) ^ high;
#else
  __uint128_t product = static_cast<__uint128_t>(a) * b;
  return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
#endif
}
constexpr uint64_t kSeed0 = 0xa0761d6478bd642full, kSeed1 = 0xe7037ed1a0b428dbull;

inline uint64_t load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline uint64_t load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
// a[0, n) == b[0, n) in fixed-size loads, inline: memcmp is an out-of-line call (in wasm,
// a byte loop in libc), and most ids are one or two words.
inline bool same_bytes(const char* a, const char* b, size_t n) {
  if (n >= 8) {  // 8-byte words, the last one overlapping the one before
    for (size_t i = 0; i + 8 < n; i += 8) {
      if (load64(a + i) != load64(b + i)) return false;
    }
    return load64(a + n - 8) == load64(b + n - 8);
  }
  if (n >= 4) return ((load32(a) ^ load32(b)) | (load32(a + n - 4) ^ load32(b + n - 4))) == 0;
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}
}  // namespace

// A small wyhash-style hash. Ids are short: up to 16 bytes are read as two (overlapping)
// fixed-size loads, which with the length determine the text, instead of a byte-count memcpy.
uint64_t hash_bytes(std::string_view text) {
  const char* p = text.data();
  size_t n = text.size();
  uint64_t h = kSeed0 ^ n;
  for (; n > 16; p += 8, n -= 8) h = mix(h ^ load64(p), kSeed1);
  uint64_t a = 0, b = 0;
  if (n >= 8) {
    a = load64(p), b = load64(p + n - 8);
  } else if (n >= 4) {
    a = load32(p), b = load32(p + n - 4);
  } else if (n > 0) {
    a = static_cast<uint64_t>(static_cast<unsigned char>(p[0])) << 16 |
        static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 | static_cast<unsigned char>(p[n - 1]);
  }
  return mix(mix(h ^ a, kSeed1) ^ b, kSeed1 ^ n);
}

namespace {
constexpr uint64_t kHighHalf = 0xFFFFFFFF00000000ull;
}

// The same appends in the same order give the same offsets, so the slots copy as they are.
StringInterner::StringInterner(const StringInterner& other) : offsets_(other.offsets_), slots_(other.slots_) {
  for (uint32_t index = 0; index < other.size(); ++index) append_entry(other.at(index), index);
}

StringInterner& StringInterner::operator=(const StringInterner& other) {
  if (this != &other) *this = StringInterner(other);
  return *this;
}

uint32_t StringInterner::intern(std::string_view text) { return intern(text, hash_bytes(text)); }

uint32_t StringInterner::intern(std::string_view text, uint64_t hash) {
  if ((size() + 1) * 4 > slots_.size() * 3) grow();
  const size_t mask = slots_.size() - 1;
  size_t slot = hash & mask;
  for (;; slot = (slot + 1) & mask) {
    const uint64_t entry = slots_[slot];
    if (entry == 0) break;
    if ((entry & kHighHalf) != (hash & kHighHalf)) continue;
    const char* found = entry_at(static_cast<uint32_t>(entry) - 1);
    uint32_t size, index;
    std::memcpy(&size, found + 4, 4);
    if (size == text.size() && same_bytes(found + kHeader, text.data(), size)) {
      std::memcpy(&index, found, 4);
      return index;
    }
  }
  const uint32_t index = size();
  const uint32_t offset = append_entry(text, index);
  offsets_.push_back(offset);
  slots_[slot] = (hash & kHighHalf) | (offset + 1ull);
  return index;
}

uint32_t StringInterner::append_entry(std::string_view text, uint32_t index) {
  const uint64_t bytes = kHeader + text.size();
  const uint64_t end = static_cast<uint64_t>(units_.size()) << kUnitShift;
  if (used_ + bytes > end) {  // a new block; the rest of the last one stays unused
    const uint64_t units = (bytes + kUnitMask) >> kUnitShift;
    // Offsets are 32 bits, and offset + 1 must fit a slot's low half.
    if (((units_.size() + units) << kUnitShift) - 1 > UINT32_MAX) throw std::bad_alloc();
    char* block = new char[units << kUnitShift];  // not zeroed: its pages are touched as used
    blocks_.emplace_back(block);
    for (uint64_t u = 0; u < units; ++u) units_.push_back(block + (u << kUnitShift));
    used_ = end;
  }
  const uint32_t offset = static_cast<uint32_t>(used_);
  used_ += bytes;
  char* entry = units_[offset >> kUnitShift] + (offset & kUnitMask);
  const uint32_t text_size = static_cast<uint32_t>(text.size());
  std::memcpy(entry, &index, 4);
  std::memcpy(entry + 4, &text_size, 4);
  if (!text.empty()) std::memcpy(entry + kHeader, text.data(), text.size());
  return offset;
}

void StringInterner::grow() {
  size_t capacity = slots_.empty() ? 1024 : slots_.size() * 2;
  while ((size() + 1) * 4 > capacity * 3) capacity *= 2;  // after compact, for every string
  slots_.assign(capacity, 0);
  const size_t mask = capacity - 1;
  for (uint32_t index = 0; index < size(); ++index) {  // in arena order: a sequential read
    const uint64_t hash = hash_bytes(at(index));
    size_t slot = hash & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = (hash & kHighHalf) | (offsets_[index] + 1ull);
  }
}

size_t StringInterner::memory_bytes() const {
  return (units_.size() << kUnitShift) + units_.capacity() * sizeof(char*) + offsets_.capacity() * sizeof(uint32_t) +
         slots_.capacity() * sizeof(uint64_t);
}

void StringInterner::compact() {
  std::vector<uint64_t>().swap(slots_);
  offsets_.shrink_to_fit();
}

void StringInterner::clear() {
  blocks_.clear();
  units_.clear();
  used_ = 0;
  offsets_.clear();
  slots_.clear();
}

}  // namespace huike
