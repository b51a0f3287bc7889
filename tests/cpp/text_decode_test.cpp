#include "ingest/text_decode.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace huike {
namespace {

// Byte strings below were produced with Python's codecs, e.g. '买家会员名'.encode('gb18030').
// Adjacent literals ("\xA3" "5") keep a hex escape from swallowing the next character.
const std::string kGbBuyer = "\xC2\xF2\xBC\xD2\xBB\xE1\xD4\xB1\xC3\xFB";   // 买家会员名
const std::string kGbOrderNo = "\xB6\xA9\xB5\xA5\xB1\xE0\xBA\xC5";         // 订单编号
const std::string kGbPaid = "\xCA\xB5\xB8\xB6\xBD\xF0\xB6\xEE";            // 实付金额
const std::string kGbSuccess = "\xBD\xBB\xD2\xD7\xB3\xC9\xB9\xA6";         // 交易成功
const std::string kGbZhangSan = "\xD5\xC5\xC8\xFD";                        // 张三
const std::string kGbEmoji = "\x94\x39\xFC\x36";                           // 😀 U+1F600

struct Decoded {
  std::string text;
  Encoding encoding;
  uint64_t invalid;
  bool bom;
};

// Feeds `in` split at the given positions (ascending), then finishes.
Decoded decode_split(std::string_view in, const std::vector<size_t>& cuts, Encoding forced = Encoding::undecided) {
  TextDecoder d(forced);
  Decoded r;
  size_t from = 0;
  for (size_t cut : cuts) {
    r.text += d.decode(in.substr(from, cut - from));
    from = cut;
  }
  r.text += d.decode(in.substr(from));
  r.text += d.finish();
  r.encoding = d.encoding();
  r.invalid = d.invalid_sequences();
  r.bom = d.had_bom();
  return r;
}

Decoded decode_all(std::string_view in, Encoding forced = Encoding::undecided) { return decode_split(in, {}, forced); }

std::string repeat(const std::string& s, size_t min_bytes) {
  std::string r;
  while (r.size() < min_bytes) r += s;
  return r;
}

TEST(TextDecode, EncodingNames) {
  EXPECT_STREQ(encoding_name(Encoding::utf8), "utf-8");
  EXPECT_STREQ(encoding_name(Encoding::gb18030), "gb18030");
  EXPECT_STREQ(encoding_name(Encoding::cp1252), "windows-1252");
  EXPECT_STREQ(encoding_name(Encoding::undecided), "undecided");
}

TEST(TextDecode, GbkExcelExportIsDetected) {
  std::string in = kGbOrderNo + "," + kGbBuyer + "," + kGbPaid + "\r\n1," + kGbZhangSan + ",12.50\r\n";
  Decoded r = decode_all(in);
  EXPECT_EQ(r.encoding, Encoding::gb18030);
  EXPECT_EQ(r.text, "订单编号,买家会员名,实付金额\r\n1,张三,12.50\r\n");
  EXPECT_EQ(r.invalid, 0u);
  EXPECT_FALSE(r.bom);
}

TEST(TextDecode, Gb18030Sequences) {
  struct Case {
    std::string bytes, utf8;
  } cases[] = {
      {kGbSuccess, "交易成功"},
      {"\xFD\x93", "龘"},                                      // GBK/4 area
      {"\xA2\xE3", "€"},                                       // GB18030 two-byte euro
      {"\x80", "€"},                                           // CP936 single-byte euro
      {"\x81\x30\x81\x30", "\u0080"},                          // first four-byte code
      {"\x81\x30\x84\x36", "¥"},                               // four-byte, BMP
      {"\x81\x36\xA6\x31", "•"},                               // four-byte, BMP
      {"\x84\x31\xA4\x39", "\uFFFF"},                          // last BMP four-byte code
      {"\x90\x30\x81\x30", "\U00010000"},                      // first supplementary
      {kGbEmoji, "😀"},                                        // supplementary, linear
      {"\x95\x32\x82\x36", "𠀀"},                              // CJK extension B
      {"\xE3\x32\x9A\x35", "\U0010FFFF"},                      // last code
      {"a\xC2\xF2" "b", "a买b"},
  };
  for (const Case& c : cases) {
    Decoded r = decode_all(c.bytes, Encoding::gb18030);
    EXPECT_EQ(r.text, c.utf8) << c.utf8;
    EXPECT_EQ(r.invalid, 0u) << c.utf8;
  }
}

TEST(TextDecode, Gb18030InvalidSequences) {
  const std::string R = "\uFFFD";
  struct Case {
    std::string bytes, utf8;
    uint64_t invalid;
  } cases[] = {
      {"\xFF", R, 1},
      {"\x81", R, 1},                        // cut at the end of input
      {"\x81\x30", R, 1},                    // cut four-byte sequence: one U+FFFD
      {"\x81\x30\x81", R, 1},
      {"\x81 x", R + " x", 1},               // a bad trail byte is kept (ASCII survives)
      {"\x81\x7F", R + "\x7F", 1},
      {"\x81\x30 ", R + "0 ", 1},            // bad third byte: lead consumed alone
      {"\x81\x30\x81 ", R + "0" + R + " ", 2},
      {"\x81\x30\x81\x7F", R + "0" + R + "\x7F", 2},
      {"\x84\x31\xA5\x30", R, 1},            // four-byte index between BMP and supplementary
      {"\xE3\x32\x9A\x36", R, 1},            // beyond U+10FFFF
      {"\xFE\x39\xFE\x39", R, 1},
  };
  for (const Case& c : cases) {
    Decoded r = decode_all(c.bytes, Encoding::gb18030);
    EXPECT_EQ(r.text, c.utf8);
    EXPECT_EQ(r.invalid, c.invalid);
  }
}

TEST(TextDecode, Cp1252) {
  // '£5 €3 “café”'.encode('cp1252'): a UCI Online Retail copy saved by Excel.
  std::string in = "Price\n\xA3" "5 \x80" "3 \x93" "caf\xE9\x94\n";
  Decoded r = decode_all(in);
  EXPECT_EQ(r.encoding, Encoding::cp1252);
  EXPECT_EQ(r.text, "Price\n£5 €3 “café”\n");
  EXPECT_EQ(r.invalid, 0u);

  struct Case {
    std::string bytes, utf8;
  } cases[] = {
      {"\x80", "€"}, {"\x81", "\u0081"}, {"\x8A", "Š"}, {"\x8D", "\u008D"}, {"\x99", "™"},
      {"\x9F", "Ÿ"}, {"\xA0", "\u00A0"}, {"\xA3", "£"}, {"\xD7", "×"}, {"\xFF", "ÿ"},
  };
  for (const Case& c : cases) EXPECT_EQ(decode_all(c.bytes, Encoding::cp1252).text, c.utf8) << c.utf8;
}

TEST(TextDecode, LoneSterlingSignIsCp1252) {
  std::string in = "Invoice,Price\n536365,\xA3" "2.55\n" + repeat("536366,1.00\n", 6000);
  Decoded r = decode_all(in);
  EXPECT_EQ(r.encoding, Encoding::cp1252);
  EXPECT_TRUE(r.text.starts_with("Invoice,Price\n536365,£2.55\n536366,1.00\n"));
}

TEST(TextDecode, LatinTextIsNotTakenForGbk) {
  // Many Latin letters followed by an ASCII letter form valid GBK pairs; still cp1252.
  std::string in =
      "Gr\xF6\xDF" "e: 38, Stra\xDF" "e 12, M\xFCller & S\xF6hne. Caf\xE9 cr\xE8me br\xFBl\xE9" "e, d\xE9j\xE0 vu, na\xEFve fa\xE7" "ade.\n"
      "A\xF1o nuevo, se\xF1or, ni\xF1o, S\xE3o Paulo, a\xE7\xE3o, \xC6r\xF8sk\xF8" "bing, Bj\xF8rn \xC5ngstr\xF6m.\n";
  Decoded r = decode_all(in);
  EXPECT_EQ(r.encoding, Encoding::cp1252);
  EXPECT_TRUE(r.text.starts_with("Größe: 38, Straße")) << r.text;
}

TEST(TextDecode, Utf8IsPassedThroughWithoutCopy) {
  std::string head = "客户,金额\n";
  std::string body = repeat("张三,¥12.50\n", 10000);
  TextDecoder d;
  std::string out(d.decode(head));  // held: fewer than 4096 bytes since the first non-ASCII one
  EXPECT_EQ(out, "");
  EXPECT_EQ(d.encoding(), Encoding::undecided);
  std::string_view v = d.decode(body);  // decides; this once the output is a copy
  EXPECT_EQ(d.encoding(), Encoding::utf8);
  out += v;
  std::string more = "李四,¥3\n";
  std::string_view w = d.decode(more);
  EXPECT_EQ(w.data(), more.data());  // same bytes, no copy
  EXPECT_EQ(w.size(), more.size());
  out += w;
  out += d.finish();
  EXPECT_EQ(out, head + body + more);
  EXPECT_FALSE(d.had_bom());
}

TEST(TextDecode, Utf8Bom) {
  std::string in = "\xEF\xBB\xBF" "customer_id,金额\nA1,5\n";
  for (size_t cut = 0; cut <= in.size(); ++cut) {
    Decoded r = decode_split(in, {cut});
    EXPECT_EQ(r.text, "customer_id,金额\nA1,5\n") << cut;
    EXPECT_EQ(r.encoding, Encoding::utf8);
    EXPECT_TRUE(r.bom);
  }
  // Decided at once, without waiting for a window.
  TextDecoder d;
  EXPECT_EQ(d.decode("\xEF\xBB\xBF" "a"), "a");
  EXPECT_EQ(d.encoding(), Encoding::utf8);

  // Only a BOM at the very start counts.
  Decoded late = decode_all("a\xEF\xBB\xBF" "b");
  EXPECT_FALSE(late.bom);
  EXPECT_EQ(late.text, "a\xEF\xBB\xBF" "b");

  // A forced utf-8 strips it too, and never holds text back for detection.
  Decoded forced = decode_all("\xEF\xBB\xBF" "x", Encoding::utf8);
  EXPECT_TRUE(forced.bom);
  EXPECT_EQ(forced.text, "x");
  TextDecoder f(Encoding::utf8);
  EXPECT_EQ(f.decode("\xEF\xBB"), "");  // could still be a BOM
  EXPECT_EQ(f.decode("\xBF" "张"), "张");
  TextDecoder g(Encoding::utf8);
  EXPECT_EQ(g.decode("张三"), "张三");
}

TEST(TextDecode, AsciiOnly) {
  TextDecoder d;
  std::string in = "customer_id,amount\nA1,5\n";
  std::string_view v = d.decode(in);
  EXPECT_EQ(v.data(), in.data());  // passed straight through while undecided
  EXPECT_EQ(v.size(), in.size());
  EXPECT_EQ(d.encoding(), Encoding::undecided);
  EXPECT_EQ(d.finish(), "");
  EXPECT_EQ(d.encoding(), Encoding::utf8);  // ASCII is valid UTF-8
}

TEST(TextDecode, DetectionWindow) {
  const size_t W = TextDecoder::kDetectWindow;
  std::string ascii = "order_id,buyer\n";
  std::string gb = repeat(kGbBuyer + "," + kGbZhangSan + "\n", W + 100);

  // ASCII goes out at once; from the first non-ASCII byte on, nothing until W bytes.
  TextDecoder d;
  EXPECT_EQ(d.decode(ascii + gb.substr(0, 10)), ascii);
  EXPECT_EQ(d.decode(gb.substr(10, W - 11)), "");
  EXPECT_EQ(d.encoding(), Encoding::undecided);
  std::string out(d.decode(gb.substr(W - 1, 1)));  // the W-th byte decides
  EXPECT_EQ(d.encoding(), Encoding::gb18030);
  EXPECT_FALSE(out.empty());
  out += d.decode(gb.substr(W));
  out += d.finish();
  EXPECT_EQ(out, decode_all(gb, Encoding::gb18030).text);

  // Only the window decides: UTF-8 after a GBK window is read as GB18030 ...
  std::string utf8_tail = repeat("买家会员名,张三\n", 2000);
  Decoded r = decode_all(gb.substr(0, W) + utf8_tail);
  EXPECT_EQ(r.encoding, Encoding::gb18030);
  EXPECT_GT(r.invalid, 0u);
  // ... and GBK after a window holding just one '£' is windows-1252.
  Decoded s = decode_all("\xA3" + repeat("1.00\n", W) + gb);
  EXPECT_EQ(s.encoding, Encoding::cp1252);

  // A short file decides at its end.
  Decoded t = decode_all(ascii + kGbZhangSan);
  EXPECT_EQ(t.encoding, Encoding::gb18030);
  EXPECT_EQ(t.text, ascii + "张三");
}

TEST(TextDecode, Utf8DetectionToleratesRareBadBytes) {
  // A UTF-8 export with a truncated character (byte-limited database column) is still
  // UTF-8, though its Chinese would also pass as GBK; the cut character becomes one U+FFFD.
  std::string in = "地址\n上海\xE5\xB8\n" + repeat("上海市浦东新区\n", 600);
  Decoded r = decode_all(in);
  EXPECT_EQ(r.encoding, Encoding::utf8);
  EXPECT_EQ(r.text, "地址\n上海\uFFFD\n" + repeat("上海市浦东新区\n", 600));
  EXPECT_EQ(r.invalid, 1u);
}

TEST(TextDecode, ShortUtf8FileWithAStrayByteIsUtf8NotGarbled) {
  // Two good UTF-8 characters (张, 三) and one bad byte: too few for the 1-in-16 rule, but a
  // clean UTF-8 line and no GBK line, so UTF-8 with one U+FFFD; cp1252 would turn 张三 into "å¼ ä¸‰".
  std::string in = "customer,amount\n张三,10\nB\xFF,20\n";
  Decoded r = decode_all(in);
  EXPECT_EQ(r.encoding, Encoding::utf8);
  EXPECT_EQ(r.text, "customer,amount\n张三,10\nB\uFFFD,20\n");
  EXPECT_EQ(r.invalid, 1u);
  // Latin text in cp1252 with one accidental UTF-8 pair ("\xC3\xA9") among many bad bytes stays cp1252.
  Decoded latin = decode_all(
      "Caf\xC3\xA9\n"
      "Gr\xF6\xDF" "e: 38, Stra\xDF" "e 12, M\xFCller & S\xF6hne. Caf\xE9 cr\xE8me br\xFBl\xE9" "e, d\xE9j\xE0 vu, na\xEFve fa\xE7" "ade.\n");
  EXPECT_EQ(latin.encoding, Encoding::cp1252);
  EXPECT_TRUE(latin.text.starts_with("CafÃ©\nGröße: 38, Straße")) << latin.text;
}

TEST(TextDecode, SameOutputForEverySplit) {
  const size_t W = TextDecoder::kDetectWindow;
  std::string gb_line = "1," + kGbZhangSan + kGbEmoji + ",\x81\x30\x84\x36" "5,\x80\n";  // ¥5, €
  struct Sample {
    const char* name;
    std::string bytes;
    Encoding expected;
  } samples[] = {
      {"gb18030", kGbOrderNo + "," + kGbBuyer + "\n\xFF" + repeat(gb_line, W + 64) + "\x81\x30", Encoding::gb18030},
      {"utf-8", "\xEF\xBB\xBF" "客户,金额\n" + repeat("张三😀,¥5\n", 300), Encoding::utf8},
      {"cp1252", "Invoice,Price\n" + repeat("C536379,\xA3" "1,\x93Manual\x94\n", 300), Encoding::cp1252},
      {"short gb18030", "id,name\n" + kGbZhangSan + kGbEmoji + "\n" + kGbBuyer, Encoding::gb18030},
  };
  for (const Sample& s : samples) {
    Decoded whole = decode_all(s.bytes);
    EXPECT_EQ(whole.encoding, s.expected) << s.name;
    for (size_t cut = 0; cut <= s.bytes.size(); ++cut) {
      Decoded r = decode_split(s.bytes, {cut});
      ASSERT_EQ(r.text, whole.text) << s.name << " cut at " << cut;
      ASSERT_EQ(r.encoding, whole.encoding);
      ASSERT_EQ(r.invalid, whole.invalid);
      ASSERT_EQ(r.bom, whole.bom);
    }
    std::vector<size_t> every_byte;
    for (size_t i = 1; i < s.bytes.size(); ++i) every_byte.push_back(i);
    EXPECT_EQ(decode_split(s.bytes, every_byte).text, whole.text) << s.name;
  }
  Decoded gb = decode_all(samples[0].bytes);
  EXPECT_TRUE(gb.text.starts_with("订单编号,买家会员名\n\uFFFD1,张三😀,¥5,€\n1,张三"));
  EXPECT_TRUE(gb.text.ends_with("€\n\uFFFD"));
  EXPECT_EQ(gb.invalid, 2u);  // the 0xFF and the cut tail
}

}  // namespace
}  // namespace huike
