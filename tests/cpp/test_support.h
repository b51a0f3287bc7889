#pragma once
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.h"
#include "session.h"

namespace huike::test {

inline std::string fixture_path(const std::string& name) { return std::string(HUIKE_FIXTURES) + "/" + name; }

// ../shared/data relative to the project root; HUIKE_SHARED_DATA overrides.
inline std::string shared_data_path(const std::string& name) {
  const char* env = std::getenv("HUIKE_SHARED_DATA");
  return std::string(env ? env : HUIKE_SHARED_DATA) + "/" + name;
}

// RFC 4180 split of one line (the UCI file has no quoted newlines).
inline std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') fields.back() += '"', ++i;
      else if (c == '"') quoted = false;
      else fields.back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) ADD_FAILURE() << "cannot open " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Feeds `bytes` in the given chunk sizes (the last chunk takes the rest).
inline void feed_in_chunks(Session& session, const std::string& bytes, const std::vector<size_t>& sizes) {
  size_t at = 0;
  for (size_t size : sizes) {
    if (at >= bytes.size()) break;
    session.feed(std::string_view(bytes).substr(at, size));
    at += size;
  }
  if (at < bytes.size()) session.feed(std::string_view(bytes).substr(at));
}

// A session that has read `bytes` whole, for tests that query it several times.
inline std::unique_ptr<Session> finished_session(const std::string& bytes) {
  auto session = std::make_unique<Session>();
  session->begin(nlohmann::json::object());
  session->feed(bytes);
  session->finish();
  return session;
}

inline nlohmann::json report_of(const std::string& bytes, const nlohmann::json& ingest = nlohmann::json::object(),
                                const nlohmann::json& analysis = nlohmann::json::object(),
                                const std::vector<size_t>& sizes = {}) {
  Session session;
  session.begin(ingest);
  feed_in_chunks(session, bytes, sizes);
  session.finish();
  return session.report(analysis);
}

inline std::vector<size_t> random_sizes(std::mt19937& rng, size_t total, size_t max_size) {
  std::uniform_int_distribution<size_t> pick(1, max_size);
  std::vector<size_t> sizes;
  for (size_t sum = 0; sum < total;) {
    sizes.push_back(pick(rng));
    sum += sizes.back();
  }
  return sizes;
}

// The HuikeError code thrown by reading `bytes`, or "" when it reads fine.
inline std::string error_code_of(const std::string& bytes, const nlohmann::json& ingest = nlohmann::json::object()) {
  try {
    report_of(bytes, ingest);
  } catch (const HuikeError& e) {
    return std::string(e.code_name());
  }
  return "";
}

}  // namespace huike::test
