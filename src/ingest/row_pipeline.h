#pragma once
// The reader's batches of usable rows into the table builder: on the reader's thread, or
// on a second thread of their own while the reader reads on (`threads` = 2), in the same
// order either way, so the table is the same. wasm has no threads here: always inline.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "ingest/order_table_builder.h"
#include "ingest/row_batch.h"

namespace huike {

class RowPipeline {
 public:
  RowPipeline(OrderTableBuilder& builder, int threads);
  ~RowPipeline();
  RowPipeline(const RowPipeline&) = delete;
  RowPipeline& operator=(const RowPipeline&) = delete;

  // Hands the batch over (it comes back empty, for filling again). Rethrows what the
  // builder threw on an earlier batch.
  void push(RowBatch& batch);
  // Waits until the builder has taken every batch pushed: then the builder may be read.
  void drain();

 private:
  void run();  // the builder's thread
  OrderTableBuilder& builder_;
  bool threaded_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<RowBatch> waiting_;  // pushed, not yet taken
  std::vector<RowBatch> spare_;   // taken, their buffers kept for filling again
  bool busy_ = false;             // the builder is taking a batch
  bool stop_ = false;
  std::exception_ptr failure_;
  std::thread thread_;
};

}  // namespace huike
