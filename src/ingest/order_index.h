#pragma once
// Order id → order index while reading, for merging the line items of one order: open
// addressing over order indexes. Keys are 64-bit hashes of (order id, customer); 12–20
// bytes an order, freed when reading ends.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace huike {

class OrderIndex {
 public:
  // The key of an order id of a customer (never 0: 0 means "no order id").
  static uint64_t key(std::string_view order_id, uint64_t customer_hash);

  // The index of the order with `key`, and false; or `next` (the index the new order gets,
  // which the caller appends) and true.
  std::pair<uint32_t, bool> find_or_add(uint64_t key, uint32_t next);
  void add_keyless() { keys_.push_back(0); }  // an order without an order id
  uint32_t find(uint64_t key) const;          // UINT32_MAX when absent
  void prefetch(uint64_t key) const;
  void release();
  size_t memory_bytes() const { return keys_.capacity() * sizeof(uint64_t) + slots_.capacity() * sizeof(uint32_t); }
  // Room for `keys` orders' keys, and slots for `expected` orders, without growing: doubling
  // a big table leaves freed blocks behind in a wasm heap (issue 14). May throw bad_alloc.
  void reserve(size_t keys, size_t expected);

 private:
  // At least twice the slots, and room for every key: after a failed reserve the table may
  // be empty while the keys are not (filling a table past full never ends).
  void grow() { rehash(std::max(slots_.size() * 2, slots_for(keys_.size() + 1))); }
  static size_t slots_for(size_t keys);  // a power of two, at most half full, at least 1024
  void rehash(size_t slot_count);
  std::vector<uint64_t> keys_;   // per order; 0 = no order id
  std::vector<uint32_t> slots_;  // index + 1; 0 = empty
  uint64_t last_key_ = 0;        // line items of one order usually follow each other
  uint32_t last_index_ = 0;
};

}  // namespace huike
