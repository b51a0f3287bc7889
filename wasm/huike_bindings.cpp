// The only embind code: wraps huike::Session for JS. Calls cross per chunk or per
// report, never per row. Every call returns a JSON string, {"ok":true,...} or
// {"ok":false,"code":"E_...","message":...,"line":N}: a C++ exception that escaped into
// JS would arrive as a bare number.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "core/error.h"
#include "session.h"

namespace {

using nlohmann::json;

std::string dump(const json& value) {
  // Invalid UTF-8 in ids becomes U+FFFD rather than an exception while dumping.
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

using huike::ErrorCode;

std::string error_reply(ErrorCode code, const std::string& message, int64_t line) {
  return dump(json{{"ok", false}, {"code", huike::error_code_name(code)}, {"message", message}, {"line", line}});
}

// Runs `body` (returning a json object) and turns any exception into an error reply.
template <class Body>
std::string guarded(Body&& body) {
  try {
    json reply = body();
    reply["ok"] = true;
    return dump(reply);
  } catch (const huike::HuikeError& e) {
    return error_reply(e.code(), e.what(), e.line());
  } catch (const std::bad_alloc&) {
    return error_reply(ErrorCode::E_OUT_OF_MEMORY, "out of memory", 0);
  } catch (const std::exception& e) {
    return error_reply(ErrorCode::E_INTERNAL, e.what(), 0);
  } catch (...) {
    return error_reply(ErrorCode::E_INTERNAL, "unknown error", 0);
  }
}

json parse_options(const std::string& text) {
  if (text.empty()) return json::object();
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    throw huike::HuikeError(ErrorCode::E_BAD_OPTION, std::string("options are not valid JSON: ") + e.what());
  }
}

class Engine {
 public:
  // Starts a new analysis; any previous one is dropped.
  std::string begin(const std::string& ingest_options) {
    return guarded([&] {
      days_ = nullptr;
      session_.reset();
      session_ = std::make_unique<huike::Session>();
      if (!consumption_.empty()) session_->set_consumption_table(consumption_);
      session_->begin(parse_options(ingest_options));
      return json::object();
    });
  }

  // A reused heap buffer (a Uint8Array view) JS copies the next chunk into (one bulk copy), then calls feed(size).
  // The view is valid only until the next call into the module (memory may grow).
  emscripten::val chunk_buffer(size_t size) {
    if (buffer_.size() < size) {
      buffer_.clear();
      buffer_.shrink_to_fit();
      buffer_.resize(size);
    }
    return emscripten::val(emscripten::typed_memory_view(size, reinterpret_cast<uint8_t*>(buffer_.data())));
  }

  std::string feed(size_t size) {
    return guarded([&] {
      if (size > buffer_.size()) throw huike::HuikeError(ErrorCode::E_INTERNAL, "feed past the chunk buffer");
      session().feed(std::string_view(buffer_.data(), size));
      return progress_json();
    });
  }

  std::string finish() {
    return guarded([&] {
      session().finish();
      return progress_json();
    });
  }

  std::string report(const std::string& analysis_options) {
    return guarded([&] { return json{{"report", session().report(parse_options(analysis_options))}}; });
  }

  std::string customers_page(const std::string& analysis_options, const std::string& query) {
    return guarded([&] {
      return json{{"page", session().customers_page(parse_options(analysis_options), parse_options(query))}};
    });
  }

  // Builds the CSV and keeps it until csv_bytes() has been copied out and release_csv() called;
  // a million customers' CSV is too big to pass as a JS string.
  // predict_options: "" or "null" leaves the predictive columns out; an object adds them.
  std::string customers_csv(const std::string& analysis_options, const std::string& filter,
                            const std::string& predict_options) {
    return guarded([&] {
      const json predict = predict_options.empty() ? json(nullptr) : parse_options(predict_options);
      csv_ = session().customers_csv(parse_options(analysis_options), parse_options(filter), predict);
      return json{{"bytes", csv_.size()}};
    });
  }
  // The health view's exports into the same buffer: kind "cohorts" or "migration".
  std::string health_csv(const std::string& analysis_options, const std::string& kind) {
    return guarded([&] {
      const json options = parse_options(analysis_options);
      if (kind == "cohorts") csv_ = session().cohorts_csv(options);
      else if (kind == "migration") csv_ = session().migration_csv(options);
      else throw huike::HuikeError(ErrorCode::E_BAD_OPTION, "health export is cohorts or migration");
      return json{{"bytes", csv_.size()}};
    });
  }
  emscripten::val csv_bytes() const {
    return emscripten::val(emscripten::typed_memory_view(csv_.size(), reinterpret_cast<const uint8_t*>(csv_.data())));
  }
  void release_csv() { std::string().swap(csv_); }

  // Replenishment and product roles (issue 9). The consumption table: `size` bytes copied
  // into the chunk buffer (any encoding; 0 removes it), kept for the next files too.
  std::string set_consumption(size_t size) {
    return guarded([&] {
      if (size > buffer_.size()) throw huike::HuikeError(ErrorCode::E_INTERNAL, "past the chunk buffer");
      const std::string csv(buffer_.data(), size);
      json info = nullptr;
      if (session_) info = session_->set_consumption_table(csv);
      else info = huike::Session().set_consumption_table(csv);  // checked now, applied at begin
      consumption_ = csv;
      return json{{"consumption", info}};
    });
  }
  std::string reminders_page(const std::string& analysis_options, const std::string& query) {
    return guarded([&] {
      return json{{"page", session().reminders_page(parse_options(analysis_options), parse_options(query))}};
    });
  }
  std::string products_page(const std::string& analysis_options, const std::string& query) {
    return guarded([&] {
      return json{{"page", session().products_page(parse_options(analysis_options), parse_options(query))}};
    });
  }
  // kind "reminders" | "products" | "audience": kept like customers_csv for csv_bytes().
  std::string export_csv(const std::string& kind, const std::string& analysis_options) {
    return guarded([&] {
      const json options = parse_options(analysis_options);
      if (kind == "reminders") csv_ = session().reminders_csv(options);
      else if (kind == "products") csv_ = session().products_csv(options);
      else if (kind == "audience") csv_ = session().promotion_audience_csv(options);
      else throw huike::HuikeError(ErrorCode::E_BAD_OPTION, "unknown export '" + kind + "'");
      return json{{"bytes", csv_.size()}};
    });
  }

  // Split mode (Session::product_sections): this engine's two product sections, and each
  // customer's reminder day as an Int32Array view (valid until the next call), which the
  // other engine takes with use_reminder_days after a copy into its chunk buffer.
  std::string product_sections(const std::string& analysis_options) {
    return guarded([&] { return json{{"sections", session().product_sections(parse_options(analysis_options))}}; });
  }
  std::string reminder_days(const std::string& analysis_options) {
    return guarded([&] {
      days_ = &session().reminder_days(parse_options(analysis_options));
      return json{{"customers", days_->size()}};
    });
  }
  emscripten::val reminder_days_view() const {
    const size_t size = days_ ? days_->size() : 0;
    return emscripten::val(emscripten::typed_memory_view(size, days_ ? days_->data() : nullptr));
  }
  // `customers` int32 days copied into the chunk buffer (0: this engine's own again).
  std::string use_reminder_days(size_t customers) {
    return guarded([&] {
      if (customers * sizeof(int32_t) > buffer_.size()) throw huike::HuikeError(ErrorCode::E_INTERNAL, "past the chunk buffer");
      std::vector<int32_t> days(customers);
      std::memcpy(days.data(), buffer_.data(), customers * sizeof(int32_t));
      session().use_reminder_days(std::move(days));
      return json::object();
    });
  }
  // The report of `huike predict` (BG/NBD + Gamma-Gamma, CLV).
  std::string predict(const std::string& predict_options) {
    return guarded([&] { return json{{"predict", session().predict(parse_options(predict_options))}}; });
  }

  // The member list of the win-back plan, copied whole into the chunk buffer first (a
  // second file, small next to the orders).
  std::string load_member_list(size_t size, const std::string& ingest_options) {
    return guarded([&] {
      if (size > buffer_.size()) throw huike::HuikeError(ErrorCode::E_INTERNAL, "member list past the chunk buffer");
      return json{{"member_list", session().load_member_list(std::string_view(buffer_.data(), size),
                                                             parse_options(ingest_options))}};
    });
  }
  std::string clear_member_list() {
    return guarded([&] {
      session().clear_member_list();
      return json::object();
    });
  }

  // The contact plan CSV, kept like customers_csv until copied out (csv_bytes, release_csv).
  std::string winback_csv(const std::string& analysis_options, const std::string& filter, const std::string& lang) {
    return guarded([&] {
      csv_ = session().winback_csv(parse_options(analysis_options), parse_options(filter), lang);
      return json{{"bytes", csv_.size()}};
    });
  }

  std::string input_summary() {
    return guarded([&] { return json{{"input", session().input_summary()}}; });
  }

  // Frees the session and the chunk buffer; the heap stays at its peak size (wasm cannot shrink).
  void reset() {
    days_ = nullptr;
    session_.reset();
    std::vector<char>().swap(buffer_);
    release_csv();
  }

 private:
  huike::Session& session() {
    if (!session_) throw huike::HuikeError(ErrorCode::E_NO_SESSION, "begin() was not called");
    return *session_;
  }
  json progress_json() const {
    return json{{"bytes", session_->bytes_fed()}, {"rows", session_->rows_read()}, {"reserved_bytes", session_->reserved_bytes()},
                {"wanted_bytes", session_->wanted_bytes()}};
  }

  std::unique_ptr<huike::Session> session_;
  const std::vector<int32_t>* days_ = nullptr;  // the session's, from reminder_days()
  std::vector<char> buffer_;
  std::string csv_;
  std::string consumption_;
};

// The module's memory, for sizing (a portal running several shops in one tab) and the
// benchmarks: the heap's size, its high-water mark (what the allocator ever took: the pages
// the tab holds, as a wasm heap never shrinks) and the bytes in use now.
std::string memory_stats() {
  return guarded([] {
    const struct mallinfo info = mallinfo();
    return json{{"heap_bytes", static_cast<double>(__builtin_wasm_memory_size(0)) * 65536},
                {"high_water_bytes", static_cast<double>(reinterpret_cast<uintptr_t>(sbrk(0)))},
                {"in_use_bytes", static_cast<double>(static_cast<uint32_t>(info.uordblks))}};  // an int: past 2 GB it wraps
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(huike) {
  emscripten::function("memoryStats", &memory_stats);
  emscripten::class_<Engine>("Engine")
      .constructor<>()
      .function("begin", &Engine::begin)
      .function("chunkBuffer", &Engine::chunk_buffer)
      .function("feed", &Engine::feed)
      .function("finish", &Engine::finish)
      .function("report", &Engine::report)
      .function("customersPage", &Engine::customers_page)
      .function("customersCsv", &Engine::customers_csv)
      .function("healthCsv", &Engine::health_csv)
      .function("predict", &Engine::predict)
      .function("loadMemberList", &Engine::load_member_list)
      .function("clearMemberList", &Engine::clear_member_list)
      .function("winbackCsv", &Engine::winback_csv)
      .function("csvBytes", &Engine::csv_bytes)
      .function("releaseCsv", &Engine::release_csv)
      .function("inputSummary", &Engine::input_summary)
      .function("setConsumption", &Engine::set_consumption)
      .function("remindersPage", &Engine::reminders_page)
      .function("productsPage", &Engine::products_page)
      .function("exportCsv", &Engine::export_csv)
      .function("productSections", &Engine::product_sections)
      .function("reminderDays", &Engine::reminder_days)
      .function("reminderDaysView", &Engine::reminder_days_view)
      .function("useReminderDays", &Engine::use_reminder_days)
      .function("reset", &Engine::reset);
}
