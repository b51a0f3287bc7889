#pragma once

namespace huike {

// A hint to start loading `address` into the cache: for lookups at random places in big
// tables, issued a little before they are needed. Does nothing where unsupported (wasm).
inline void prefetch(const void* address) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(address);
#else
  (void)address;
#endif
}

}  // namespace huike
