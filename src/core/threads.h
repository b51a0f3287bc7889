#pragma once
#include <thread>

namespace huike {

// Whether the engine uses a second thread: `threads` 2, or 0 (the default) on a machine with
// two cores or more. Never in wasm, which is built without threads.
inline bool second_thread(int threads) {
#if defined(__EMSCRIPTEN__)
  (void)threads;
  return false;
#else
  return threads >= 2 || (threads == 0 && std::thread::hardware_concurrency() >= 2);
#endif
}

}  // namespace huike
