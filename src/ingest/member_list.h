#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/order_reader.h"

namespace huike {

// One row of the optional member list (issue 8): a member id and what the shop knows of them.
struct Member {
  std::string id, phone, email;
  int32_t signup_day = INT32_MIN;  // INT32_MIN: none or unreadable
};

struct MemberList {
  std::vector<Member> members;  // distinct ids, in file order
  Encoding encoding = Encoding::undecided;
  char delimiter = ',';
  std::vector<std::string> header;
  int id_column = -1, phone_column = -1, email_column = -1, signup_column = -1;
  uint64_t rows = 0;  // data rows read
  // Rows not used, by reason (blank_member_id, duplicate_member_id), and signup cells
  // that are no date (the member is kept without one).
  std::vector<std::pair<std::string, ExclusionCount>> excluded;
  ExclusionCount bad_signup_date;
};

// Reads a whole member list (any supported encoding and delimiter; a header is required):
// the member id column by the customer-id header names, phone and e-mail like the order
// file's, a sign-up date by 注册时间 / signup / registered … `options`: encoding, delimiter,
// and columns {"member_id","phone","email","signup"} by name or index. Throws
// E_EMPTY_FILE, E_NO_ROWS, E_NO_MEMBER_ID_COLUMN, E_UNKNOWN_COLUMN.
MemberList read_member_list(std::string_view bytes, const IngestOptions& options = {});

// The member list matched to the order table's customers by id (trimmed, exact).
struct MemberDirectory {
  MemberList list;
  std::vector<int32_t> customer_of_member;  // per member: customer index, -1 = no order
  std::vector<int32_t> member_of_customer;  // per customer: member index, -1 = not in the list
  uint32_t matched = 0, unmatched = 0, customers_not_in_list = 0;
  uint32_t without_purchases = 0;  // unmatched, or matched to a customer with only returns
};
MemberDirectory match_members(MemberList list, const OrderTable& table);

}  // namespace huike
