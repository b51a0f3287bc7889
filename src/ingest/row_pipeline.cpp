#include "ingest/row_pipeline.h"

#include <utility>

#include "core/threads.h"

namespace huike {

namespace {
constexpr size_t kMaxWaiting = 4;  // batches pushed ahead of the builder: the reader waits beyond
}

RowPipeline::RowPipeline(OrderTableBuilder& builder, int threads)
    : builder_(builder), threaded_(second_thread(threads)) {}

RowPipeline::~RowPipeline() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void RowPipeline::push(RowBatch& batch) {
  if (!threaded_) {
    builder_.take(batch);
    batch.clear();
    return;
  }
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return waiting_.size() < kMaxWaiting || failure_; });
  if (failure_) std::rethrow_exception(failure_);
  waiting_.push_back(std::move(batch));
  if (spare_.empty()) {
    batch = RowBatch{};
  } else {
    batch = std::move(spare_.back());
    spare_.pop_back();
  }
  lock.unlock();
  changed_.notify_all();
}

void RowPipeline::drain() {
  if (!thread_.joinable()) return;
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return (waiting_.empty() && !busy_) || failure_; });
  if (failure_) std::rethrow_exception(failure_);
}

void RowPipeline::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    changed_.wait(lock, [this] { return stop_ || !waiting_.empty(); });
    if (stop_) return;
    RowBatch batch = std::move(waiting_.front());
    waiting_.pop_front();
    busy_ = true;
    lock.unlock();
    changed_.notify_all();
    std::exception_ptr failure;
    try {
      builder_.take(batch);
    } catch (...) {
      failure = std::current_exception();
    }
    batch.clear();
    lock.lock();
    busy_ = false;
    spare_.push_back(std::move(batch));
    if (failure) {
      failure_ = failure;
      waiting_.clear();
    }
    changed_.notify_all();
    if (failure_) return;
  }
}

}  // namespace huike
