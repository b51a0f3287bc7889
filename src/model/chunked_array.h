#pragma once
#include <cstddef>
#include <iterator>
#include <memory>
#include <vector>

namespace huike {

// An array of n values in blocks of 2^15 that never move: a wasm heap never shrinks, and one
// block of 74 MB (32-byte metrics of 2.3M customers, issue 14) found no hole the reading had
// left, so it raised the heap's high-water mark; blocks of 1 MiB fit the holes. Indexing
// costs a shift and a mask more than a vector's.
template <class T>
class ChunkedArray {
 public:
  static constexpr size_t kShift = 15, kChunk = size_t{1} << kShift;

  ChunkedArray() = default;
  ChunkedArray(ChunkedArray&&) noexcept = default;
  ChunkedArray& operator=(ChunkedArray&&) noexcept = default;
  ChunkedArray(const ChunkedArray& other) { *this = other; }
  ChunkedArray& operator=(const ChunkedArray& other) {
    if (this == &other) return *this;
    resize_chunks(other.size_);
    size_ = other.size_;
    for (size_t i = 0; i < size_; ++i) (*this)[i] = other[i];
    return *this;
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](size_t i) { return chunks_[i >> kShift][i & (kChunk - 1)]; }
  const T& operator[](size_t i) const { return chunks_[i >> kShift][i & (kChunk - 1)]; }

  // n copies of `value`; the blocks already held are kept (their memory, not their values).
  void assign(size_t n, const T& value) {
    resize_chunks(n);
    size_ = n;
    for (size_t c = 0; c < chunks_.size(); ++c) {
      T* chunk = chunks_[c].get();
      for (size_t k = 0; k < kChunk; ++k) chunk[k] = value;
    }
  }
  void resize(size_t n) {
    const size_t old = size_;
    resize_chunks(n);
    size_ = n;
    for (size_t i = old; i < n; ++i) (*this)[i] = T{};
  }
  void clear() {
    chunks_.clear();
    size_ = 0;
  }

  template <bool kConst>
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = std::conditional_t<kConst, const T*, T*>;
    using reference = std::conditional_t<kConst, const T&, T&>;
    using Owner = std::conditional_t<kConst, const ChunkedArray, ChunkedArray>;

    Iterator() = default;
    Iterator(Owner* owner, size_t i) : owner_(owner), i_(i), at_(owner->block_at(i)) {}
    reference operator*() const { return *at_; }
    pointer operator->() const { return at_; }
    Iterator& operator++() {  // a pointer step, a block's pointer at each 2^15th
      ++i_;
      ++at_;
      if ((i_ & (kChunk - 1)) == 0) at_ = owner_->block_at(i_);
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const Iterator& other) const { return i_ == other.i_; }
    bool operator!=(const Iterator& other) const { return i_ != other.i_; }

   private:
    Owner* owner_ = nullptr;
    size_t i_ = 0;
    pointer at_ = nullptr;
  };
  using iterator = Iterator<false>;
  using const_iterator = Iterator<true>;
  iterator begin() { return {this, 0}; }
  iterator end() { return {this, size_}; }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }

 private:
  // Element i's address when i is in a block (null at the end).
  T* block_at(size_t i) const {
    const size_t c = i >> kShift;
    return c < chunks_.size() ? chunks_[c].get() + (i & (kChunk - 1)) : nullptr;
  }
  void resize_chunks(size_t n) {
    const size_t wanted = (n + kChunk - 1) >> kShift;
    while (chunks_.size() > wanted) chunks_.pop_back();
    while (chunks_.size() < wanted) chunks_.push_back(std::make_unique<T[]>(kChunk));
  }

  std::vector<std::unique_ptr<T[]>> chunks_;
  size_t size_ = 0;
};

}  // namespace huike
