#include "ingest/order_index.h"

#include <new>

#include "model/prefetch.h"
#include "model/string_interner.h"

namespace huike {

uint64_t OrderIndex::key(std::string_view order_id, uint64_t customer_hash) {
  // The order id's hash made distinct per customer.
  const uint64_t key = hash_bytes(order_id) ^ (customer_hash * 0x9E3779B97F4A7C15ull);
  return key == 0 ? 1 : key;
}

std::pair<uint32_t, bool> OrderIndex::find_or_add(uint64_t key, uint32_t next) {
  if (key == last_key_) return {last_index_, false};
  if ((keys_.size() + 1) * 2 > slots_.size()) grow();
  const size_t mask = slots_.size() - 1;
  size_t slot = key & mask;
  for (; slots_[slot] != 0; slot = (slot + 1) & mask) {
    if (keys_[slots_[slot] - 1] == key) {
      last_key_ = key;
      last_index_ = slots_[slot] - 1;
      return {last_index_, false};
    }
  }
  keys_.push_back(key);
  slots_[slot] = next + 1;
  last_key_ = key;
  last_index_ = next;
  return {next, true};
}

uint32_t OrderIndex::find(uint64_t key) const {
  if (slots_.empty()) return UINT32_MAX;
  const size_t mask = slots_.size() - 1;
  for (size_t slot = key & mask; slots_[slot] != 0; slot = (slot + 1) & mask) {
    if (keys_[slots_[slot] - 1] == key) return slots_[slot] - 1;
  }
  return UINT32_MAX;
}

void OrderIndex::prefetch(uint64_t key) const {
  if (!slots_.empty()) huike::prefetch(&slots_[key & (slots_.size() - 1)]);
}

void OrderIndex::release() {
  std::vector<uint64_t>().swap(keys_);
  std::vector<uint32_t>().swap(slots_);
}

size_t OrderIndex::slots_for(size_t keys) {
  size_t slots = 1024;
  while (slots < keys * 2) slots *= 2;
  return slots;
}

void OrderIndex::reserve(size_t keys, size_t expected) {
  const size_t slot_count = std::max(slots_.size(), slots_for(expected));
  keys_.reserve(keys);
  if (slot_count == slots_.size()) return;
  try {
    rehash(slot_count);
  } catch (...) {  // bad_alloc, or length_error past a wasm32 size_t
    rehash(slots_for(keys_.size()));  // the old table was freed first: make one that fits, then report
    throw;
  }
}

void OrderIndex::rehash(size_t slot_count) {
  std::vector<uint32_t>().swap(slots_);  // freed before the new one is made: no two at once
  slots_.assign(slot_count, 0);
  const size_t mask = slots_.size() - 1;
  for (uint32_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == 0) continue;
    size_t slot = keys_[i] & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = i + 1;
  }
}

}  // namespace huike
