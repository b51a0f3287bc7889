#pragma once
// Which encoding a window of a file's first non-ASCII bytes is in (see TextDecoder).
#include <cstdint>
#include <string_view>

#include "ingest/text_decode.h"

namespace huike {

// UTF-8, else GB18030 (mostly Chinese text), else windows-1252. Throws E_MIXED_ENCODING
// when the window holds both UTF-8 lines and GB18030 lines; `first_line` is the window's.
Encoding guess_encoding(std::string_view window, bool at_eof, int64_t first_line);

}  // namespace huike
