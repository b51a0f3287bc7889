#pragma once

namespace huike {

// A hint to start loading `address` into the cache: for lookups at random places in big
// tables, issued a little before they are needed.
inline void prefetch(const void* address) {
#if defined(__wasm__)
  // wasm has no prefetch instruction. A load whose value is dropped does the same on an
  // out-of-order CPU: nothing waits for it, and the engine keeps it (a load may trap).
  (void)*static_cast<const volatile char*>(address);
#elif defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(address);
#else
  (void)address;
#endif
}

}  // namespace huike
