#include "ingest/member_list.h"

#include <algorithm>
#include <unordered_map>

#include "core/error.h"
#include "ingest/column_roles.h"
#include "ingest/csv_tokenizer.h"
#include "ingest/customer_identity.h"
#include "ingest/date_parse.h"
#include "ingest/text_decode.h"

namespace huike {

namespace {

constexpr size_t kExampleLines = 5;
constexpr std::string_view kSignupHeaders[] = {
    "signupdate", "signup", "signedup", "registered", "registrationdate", "registeredat", "joined", "joindate",
    "memberssince", "membersince", "createdat", "注册时间", "注册日期", "入会时间", "入会日期", "开卡时间",
    "註冊時間", "註冊日期", "入會時間"};

struct Rows : RecordSink {
  std::vector<std::vector<std::string>> rows;
  std::vector<int64_t> lines;
  void record(const std::string_view* fields, size_t count, int64_t line) override {
    rows.emplace_back(fields, fields + count);
    lines.push_back(line);
  }
};

// A member list always has a header: its most frequent separator outside quotes decides.
char header_delimiter(std::string_view text) {
  const std::string_view first = text.substr(0, text.find_first_of("\r\n"));
  char best = ',';
  size_t best_count = 0;
  for (char candidate : {',', '\t', ';', '|'}) {
    size_t count = 0;
    bool quoted = false;
    for (char c : first) {
      if (c == '"') quoted = !quoted;
      else if (c == candidate && !quoted) ++count;
    }
    if (count > best_count) {
      best = candidate;
      best_count = count;
    }
  }
  return best;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

int signup_column(const std::vector<std::string>& header) {
  for (std::string_view name : kSignupHeaders) {
    for (size_t col = 0; col < header.size(); ++col) {
      if (normalise_header(header[col], true) == name) return static_cast<int>(col);
    }
  }
  return -1;
}

int id_column(const std::vector<std::string>& header) {
  int best = -1, best_score = 0;
  for (size_t col = 0; col < header.size(); ++col) {
    const int score = header_match(ColumnRole::customer, header[col]);
    if (score > best_score) {
      best = static_cast<int>(col);
      best_score = score;
    }
  }
  return best;
}

int32_t signup_day(std::string_view text) {
  ParsedDate date;
  if (!parse_date(text, date)) return INT32_MIN;
  if (!date.pair_form) return days_from_civil(date.year, date.month, date.day);
  // A pair form (3/4/2024) has no column of orders to decide by: month first when it fits.
  return date.month_first_valid ? days_from_civil(date.year, date.month, date.day)
                                : days_from_civil(date.year, date.day, date.month);
}

}  // namespace

MemberList read_member_list(std::string_view bytes, const IngestOptions& options) {
  if (bytes.empty()) throw HuikeError(ErrorCode::E_EMPTY_FILE, "the member list is empty");
  TextDecoder decoder(options.encoding);
  std::string text(decoder.decode(bytes));
  text += decoder.finish();
  MemberList list;
  list.encoding = decoder.encoding();
  list.delimiter = options.delimiter ? options.delimiter : header_delimiter(text);
  CsvTokenizer tokenizer(list.delimiter);
  Rows sink;
  tokenizer.feed(text, sink);
  tokenizer.finish(sink);
  if (sink.rows.empty()) throw HuikeError(ErrorCode::E_NO_ROWS, "the member list has no rows");
  for (const std::string& name : sink.rows.front()) list.header.emplace_back(trimmed(name));

  list.id_column = id_column(list.header);
  CustomerIdentity contacts;
  find_contact_columns(list.header, list.id_column, contacts);
  const ContactColumns columns = contact_columns(list.header, list.id_column, -1, contacts);  // an id may be a phone
  list.phone_column = columns.phone;
  list.email_column = columns.email;
  list.signup_column = signup_column(list.header);
  for (const auto& [role, name] : options.columns) {
    int* slot = role == "member_id" ? &list.id_column : role == "phone" ? &list.phone_column
              : role == "email" ? &list.email_column : role == "signup" ? &list.signup_column : nullptr;
    if (!slot) throw HuikeError(ErrorCode::E_BAD_OPTION, "member list columns are member_id, phone, email, signup");
    const auto at = std::find(list.header.begin(), list.header.end(), name);
    const bool index = !name.empty() && name.size() < 7 &&
                       std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (at != list.header.end()) *slot = static_cast<int>(at - list.header.begin());
    else if (index && std::stoul(name) < list.header.size()) *slot = static_cast<int>(std::stoul(name));
    else if (name.empty()) *slot = -1;
    else throw HuikeError(ErrorCode::E_UNKNOWN_COLUMN, "column '" + name + "' is not in the member list");
  }
  if (list.id_column < 0) {
    throw HuikeError(ErrorCode::E_NO_MEMBER_ID_COLUMN,
                     "no member id column in the member list; looked for headers like member_id, customer_id, "
                     "会员ID, 会员卡号, 买家会员名; map one with the member_id column option");
  }

  ExclusionCount blank, duplicate;
  std::unordered_map<std::string, size_t> seen;
  for (size_t r = 1; r < sink.rows.size(); ++r) {
    const std::vector<std::string>& row = sink.rows[r];
    const int64_t line = sink.lines[r];
    ++list.rows;
    const auto cell = [&](int col) {
      return col >= 0 && static_cast<size_t>(col) < row.size() ? trimmed(row[col]) : std::string_view();
    };
    const std::string_view id = cell(list.id_column);
    if (is_placeholder_customer(id)) {
      blank.add(line, kExampleLines);
      continue;
    }
    if (!seen.emplace(std::string(id), list.members.size()).second) {
      duplicate.add(line, kExampleLines);
      continue;
    }
    Member member{std::string(id), std::string(cell(list.phone_column)), std::string(cell(list.email_column))};
    const std::string_view signup = cell(list.signup_column);
    if (!signup.empty()) {
      member.signup_day = signup_day(signup);
      if (member.signup_day == INT32_MIN) list.bad_signup_date.add(line, kExampleLines);
    }
    list.members.push_back(std::move(member));
  }
  if (blank.rows) list.excluded.emplace_back("blank_member_id", blank);
  if (duplicate.rows) list.excluded.emplace_back("duplicate_member_id", duplicate);
  return list;
}

MemberDirectory match_members(MemberList list, const OrderTable& table) {
  MemberDirectory out;
  out.list = std::move(list);
  std::unordered_map<std::string_view, int32_t> by_id;
  by_id.reserve(out.list.members.size() * 2);
  for (size_t m = 0; m < out.list.members.size(); ++m) by_id.emplace(out.list.members[m].id, static_cast<int32_t>(m));
  out.customer_of_member.assign(out.list.members.size(), -1);
  out.member_of_customer.assign(table.customer_count(), -1);
  for (uint32_t c = 0; c < table.customer_count(); ++c) {
    const auto it = by_id.find(trimmed(table.customer_id(c)));
    if (it == by_id.end()) {
      ++out.customers_not_in_list;
      continue;
    }
    out.member_of_customer[c] = it->second;
    out.customer_of_member[it->second] = static_cast<int32_t>(c);
    ++out.matched;
  }
  out.unmatched = static_cast<uint32_t>(out.list.members.size()) - out.matched;
  std::vector<bool> bought(table.customer_count(), false);
  for (const Order& order : table.orders) {
    if (order.amount >= 0) bought[order.customer] = true;
  }
  for (const int32_t c : out.customer_of_member) out.without_purchases += c < 0 || !bought[c];
  return out;
}

}  // namespace huike
