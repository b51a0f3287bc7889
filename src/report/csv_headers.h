#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace huike {

// The header names of every CSV export, one table (csv_headers.cpp): each column has a
// stable English key (what the CLI writes by default, what scripts read) and a zh-CN name
// (what a shop owner reading the page in Chinese gets). Analysis option "csv_lang":
// "en" (default) or "zh" ("zh-CN"); CLI --csv-lang zh|en.
enum class CsvLang : uint8_t { en, zh };

// options["csv_lang"]; E_BAD_OPTION naming the option for another value.
CsvLang csv_lang_option(const nlohmann::json& analysis_options);

// The header of `key` in `lang`; the key itself in English or when the table has no name
// for it (a test holds every export's keys in the table).
std::string csv_header_name(std::string_view key, CsvLang lang);

// Rewrites the header line of a finished CSV (after its BOM) into `lang`.
void localise_csv_header(std::string& csv, CsvLang lang);

}  // namespace huike
