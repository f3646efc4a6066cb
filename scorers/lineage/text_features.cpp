#include "scorers/lineage/text_features.hpp"

#include <algorithm>
#include <cstdint>
#include <cctype>
#include <cstring>
#include <stdexcept>

#include "core/ascii.hpp"
#include "core/text.hpp"
#include "core/hash.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

namespace {

uint64_t fnv(std::string_view s, uint64_t h = kFnv1aOffset) { return fnv1a64(s, h); }

// One SplitMix64 step of x: the sketches' hash-combining function.
uint64_t mix(uint64_t x) { return mix64(x + kGoldenGamma); }

uint32_t fold(uint64_t h) { return static_cast<uint32_t>(mix(h) >> 32); }

bool is_word_byte(unsigned char c) { return ascii_alnum(c) || c == '\'' || c >= 0x80; }

// Token hashes of the text, lower-cased, without building strings.
std::vector<uint64_t> token_hashes(std::string_view text) {
  std::vector<uint64_t> out;
  out.reserve(text.size() / 4);
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = text[i];
    if (ascii_space(c)) {
      ++i;
    } else if (is_word_byte(c)) {
      uint64_t h = kFnv1aOffset;
      while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) {
        h = (h ^ ascii_lower(static_cast<unsigned char>(text[i]))) * kFnv1aPrime;
        ++i;
      }
      out.push_back(h);
    } else {
      out.push_back((kFnv1aOffset ^ c) * kFnv1aPrime);
      ++i;
    }
  }
  return out;
}

uint64_t gram(const std::vector<uint64_t>& t, size_t i, size_t n) {
  uint64_t h = n;
  for (size_t k = 0; k < n; ++k) h = mix(h ^ t[i + k]) + k;
  return h;
}

// One-permutation hashing with rotation densification (Shrivastava & Li, 2014).
std::vector<uint16_t> oph_sketch(const std::vector<uint32_t>& hashes) {
  if (hashes.empty()) return {};
  constexpr uint32_t kEmpty = UINT32_MAX;
  std::vector<uint32_t> low(kSketchSize, kEmpty);
  // The high bits choose the bin; the rest orders elements within it.
  for (uint32_t h : hashes) {
    const size_t bin = static_cast<size_t>((static_cast<uint64_t>(h) * kSketchSize) >> 32);
    const uint32_t rank = h & 0x00ffffffu;
    low[bin] = std::min(low[bin], rank);
  }
  std::vector<uint16_t> out(kSketchSize);
  for (size_t i = 0; i < kSketchSize; ++i) {
    size_t j = i, hops = 0;
    while (low[j] == kEmpty) {
      j = (j + 1) % kSketchSize;
      ++hops;
    }
    // A borrowed value is tagged with its distance so it only matches the same borrowing.
    out[i] = static_cast<uint16_t>(mix(low[j] + (hops << 24)) & 0xffffu);
  }
  return out;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (std::isspace(static_cast<unsigned char>(s[b])) || s[b] == ',' || s[b] == '"'))
    ++b;
  while (e > b && (std::isspace(static_cast<unsigned char>(s[e - 1])) || s[e - 1] == ',' ||
                   s[e - 1] == '"' || s[e - 1] == '.'))
    --e;
  return std::string(s.substr(b, e - b));
}

// Up to `max_words` words starting at `pos` in the original text, stopping at punctuation
// other than '-' and '.' inside a word: a maker or model name ("OpenAI", "Large Model Systems").
std::string name_at(std::string_view text, size_t pos, size_t max_words) {
  size_t i = pos, words = 0, end = pos;
  while (i < text.size() && words < max_words) {
    while (i < text.size() && text[i] == ' ') ++i;
    const size_t start = i;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) ||
                               text[i] == '-' || static_cast<unsigned char>(text[i]) >= 0x80 ||
                               (text[i] == '.' && i + 1 < text.size() &&
                                std::isalnum(static_cast<unsigned char>(text[i + 1])))))
      ++i;
    if (i == start) break;
    // Names continue only while capitalised (or digits): "OpenAI", "Anthropic PBC", "LMSYS".
    if (words > 0 && !std::isupper(static_cast<unsigned char>(text[start])) &&
        !std::isdigit(static_cast<unsigned char>(text[start])))
      break;
    ++words;
    end = i;
  }
  return lower(trim(text.substr(pos, end - pos)));
}

// Where the sentence starting at `pos` ends: a '.', '!' or '?' followed by white space or the
// end of the text (so "GPT-3.5" and "e.g." inside a name do not end it), or a line break.
size_t sentence_end(std::string_view text, size_t pos) {
  for (size_t i = pos; i < text.size(); ++i) {
    if (text[i] == '\n') return i;
    if (text[i] == '.' || text[i] == '!' || text[i] == '?') {
      if (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1]))) return i;
    }
  }
  return text.size();
}

// Where the sentence containing `pos` starts: after the previous sentence end or line break.
size_t sentence_start(std::string_view text, size_t pos) {
  size_t i = pos;
  while (i > 0) {
    const char prev = text[i - 1];
    if (prev == '\n') break;
    if (std::isspace(static_cast<unsigned char>(prev)) && i >= 2 &&
        (text[i - 2] == '.' || text[i - 2] == '!' || text[i - 2] == '?'))
      break;
    --i;
  }
  while (i < pos && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

// Sorted distinct 16-bit folds of 32-bit hashes.
std::vector<uint16_t> hash_set16(std::vector<uint32_t> hashes) {
  std::vector<uint16_t> out;
  out.reserve(hashes.size());
  for (uint32_t h : hashes) out.push_back(static_cast<uint16_t>(h ^ (h >> 16)));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Word 1-3-grams of tokens [from, to).
std::vector<uint32_t> ngrams_within(const std::vector<uint64_t>& tokens, size_t from, size_t to) {
  std::vector<uint32_t> out;
  for (size_t n = 1; n <= 3; ++n)
    for (size_t i = from; i + n <= to; ++i) out.push_back(fold(gram(tokens, i, n)));
  return out;
}

}  // namespace

std::vector<TokenSpan> tokenize_spans(std::string_view text) {
  std::vector<TokenSpan> out;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = text[i];
    if (ascii_space(c)) {
      ++i;
    } else if (is_word_byte(c)) {
      TokenSpan t;
      t.begin = i;
      while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i])))
        t.token += static_cast<char>(ascii_lower(static_cast<unsigned char>(text[i++])));
      t.end = i;
      out.push_back(std::move(t));
    } else {
      out.push_back({std::string(1, static_cast<char>(c)), i, i + 1});
      ++i;
    }
  }
  return out;
}

std::vector<std::string> tokenize(std::string_view text) {
  std::vector<std::string> out;
  for (auto& t : tokenize_spans(text)) out.push_back(std::move(t.token));
  return out;
}

uint32_t habit_hash(std::string_view marker) { return fold(fnv(marker, 0x51ed270b27c1a5ddull)); }

uint32_t phrase_hash(const std::vector<std::string>& words) {
  std::vector<uint64_t> t;
  for (const auto& w : words) t.push_back(fnv(w));
  return fold(gram(t, 0, t.size()));
}

std::optional<IdentityClaim> find_identity_claim(std::string_view text) {
  const std::string low = lower(text);
  static const char* const kSelf[] = {"i am ", "i'm ", "my name is ", "this is "};
  static const char* const kKind[] = {"language model", "ai assistant", "ai model", "assistant",
                                      "chatbot", "ai ", "model"};
  static const char* const kMaker[] = {"created by ", "developed by ", "trained by ",
                                       "made by ",    "built by ",     "designed by ",
                                       "provided by ", "powered by ",  "from "};
  for (const char* self : kSelf) {
    for (size_t pos = low.find(self); pos != std::string::npos; pos = low.find(self, pos + 1)) {
      if (pos > 0 && std::isalnum(static_cast<unsigned char>(low[pos - 1]))) continue;
      const size_t end = sentence_end(low, pos);
      const std::string_view sentence(low.data() + pos, end - pos);
      bool kind = false;
      for (const char* k : kKind) kind = kind || sentence.find(k) != std::string_view::npos;
      if (!kind) continue;
      IdentityClaim claim;
      for (const char* m : kMaker) {
        const size_t at = sentence.find(m);
        if (at == std::string_view::npos) continue;
        claim.maker = name_at(text, pos + at + std::strlen(m), 3);
        if (!claim.maker.empty()) break;
      }
      // "I am X, a ..." / "my name is X": the self-given name, when it is a name and not
      // "an AI language model" or "sorry".
      const size_t name_pos = pos + std::strlen(self);
      if (name_pos < text.size() && std::isupper(static_cast<unsigned char>(text[name_pos])))
        claim.name = name_at(text, name_pos, 2);
      if (claim.maker.empty() && claim.name.empty()) continue;
      // The whole sentence as written (with its final mark), so evidence quotes it verbatim.
      const size_t begin = sentence_start(text, pos);
      claim.quote = std::string(text.substr(begin, std::min(end + 1, text.size()) - begin));
      while (!claim.quote.empty() && std::isspace(static_cast<unsigned char>(claim.quote.back())))
        claim.quote.pop_back();
      return claim;
    }
  }
  return std::nullopt;
}

namespace {

size_t count_words(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (unsigned char c : s) {
    const bool w = !ascii_space(c);
    n += w && !in;
    in = w;
  }
  return n;
}

// "+bold" when the item starts with bold text, "+colon" when a colon closes its lead (within
// its first 60 characters): "- **Term**: explanation" is "ul-+bold+colon".
std::string item_flags(std::string_view item) {
  std::string flags;
  if (item.rfind("**", 0) == 0 || item.rfind("__", 0) == 0) flags += "+bold";
  if (item.substr(0, 60).find(':') != std::string_view::npos) flags += "+colon";
  return flags;
}

std::string paragraph_symbol(std::string_view line) {
  const size_t words = count_words(line);
  std::string sym = words < 8 ? "p:short" : words < 25 ? "p:medium" : words < 60 ? "p:long" : "p:very-long";
  if (line.rfind("**", 0) == 0) sym += "+bold";
  return sym;
}

std::string line_symbol(std::string_view raw) {
  const size_t indent = raw.find_first_not_of(" \t");
  if (indent == std::string_view::npos) return "blank";
  std::string_view line = raw.substr(indent);
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
  const std::string nest = indent >= 2 ? "+nest" : "";
  if (line[0] == '#') {
    const size_t level = std::min<size_t>(6, line.find_first_not_of('#'));
    return "h" + std::to_string(level == std::string_view::npos ? 6 : level);
  }
  if (line[0] == '>') return "quote";
  if (line[0] == '|') return "table";
  if (line.size() >= 3 && line.find_first_not_of("-*_ ") == std::string_view::npos) return "rule";
  if (line.size() > 1 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ')
    return std::string("ul") + line[0] + nest + item_flags(line.substr(2));
  if (std::isdigit(static_cast<unsigned char>(line[0]))) {
    const size_t d = line.find_first_not_of("0123456789");
    if (d != std::string_view::npos && (line[d] == '.' || line[d] == ')') && d + 1 < line.size() &&
        line[d + 1] == ' ')
      return std::string("ol") + line[d] + nest + item_flags(line.substr(d + 2));
  }
  if (line.back() == ':') return std::string("colon-line") + (line.rfind("**", 0) == 0 ? "+bold" : "");
  return paragraph_symbol(line);
}

}  // namespace

std::vector<std::string> skeleton_symbols(std::string_view text) {
  std::vector<std::string> out;
  bool in_code = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    const size_t b = line.find_first_not_of(" \t");
    const bool fence = b != std::string_view::npos && line.substr(b).rfind("```", 0) == 0;
    if (fence) {
      out.push_back("fence");
      in_code = !in_code;
    } else if (!in_code && !(end == text.size() && b == std::string_view::npos)) {
      // Code is the task's content, not the model's layout: its lines are skipped.
      out.push_back(line_symbol(line));
    }
    start = end + 1;
  }
  return out;
}

TextFeatures compute_features(std::string_view text) {
  TextFeatures f;
  const auto tokens = token_hashes(text);
  f.chars = static_cast<uint32_t>(text.size());
  f.words = static_cast<uint32_t>(tokens.size());
  std::vector<uint32_t> grams;  // word 1-3-gram hashes
  grams.reserve(tokens.size() * 3);
  for (size_t n = 1; n <= 3; ++n) {
    for (size_t i = 0; i + n <= tokens.size(); ++i) {
      const uint32_t h = fold(gram(tokens, i, n));
      grams.push_back(h);
      if (h % kHabitSampling == 0) f.habits.push_back(h);
    }
  }
  // Openers and closers: how a model habitually starts and ends an answer.
  for (size_t n = 1; n <= 3 && n <= tokens.size(); ++n) {
    f.habits.push_back(fold(gram(tokens, 0, n) ^ 0x0be7ull));
    f.habits.push_back(fold(gram(tokens, tokens.size() - n, n) ^ 0xc105ull));
  }
  // Markdown skeleton, one marker per kind present.
  size_t line_start = 0;
  while (line_start <= text.size()) {
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_start, line_end - line_start);
    const size_t b = line.find_first_not_of(" \t");
    if (b != std::string_view::npos) {
      line = line.substr(b);
      if (line[0] == '#') f.habits.push_back(habit_hash("md:header"));
      if (line.size() > 1 && (line[0] == '-' || line[0] == '*' || line[0] == '+') &&
          line[1] == ' ')
        f.habits.push_back(habit_hash(b > 0 ? "md:nested-bullet" : "md:bullet"));
      if (std::isdigit(static_cast<unsigned char>(line[0]))) {
        const size_t d = line.find_first_not_of("0123456789");
        if (d != std::string_view::npos && (line[d] == '.' || line[d] == ')'))
          f.habits.push_back(habit_hash("md:numbered"));
      }
      if (line.rfind("```", 0) == 0) f.habits.push_back(habit_hash("md:code"));
      if (line.back() == ':') f.habits.push_back(habit_hash("md:colon-line"));
      if (line[0] == '|') f.habits.push_back(habit_hash("md:table"));
    } else if (line_end < text.size()) {
      f.habits.push_back(habit_hash("md:blank-line"));
    }
    line_start = line_end + 1;
  }
  if (text.find("**") != std::string_view::npos) f.habits.push_back(habit_hash("md:bold"));
  f.habits.push_back(habit_hash(tokens.size() < 50    ? "len:short"
                                : tokens.size() < 200 ? "len:medium"
                                : tokens.size() < 500 ? "len:long"
                                                      : "len:very-long"));
  std::sort(f.habits.begin(), f.habits.end());
  f.habits.erase(std::unique(f.habits.begin(), f.habits.end()), f.habits.end());
  f.word_sketch = oph_sketch(grams);
  f.opener = hash_set16(ngrams_within(tokens, 0, std::min(tokens.size(), kEdgeTokens)));
  f.closer = hash_set16(ngrams_within(tokens, tokens.size() - std::min(tokens.size(), kEdgeTokens), tokens.size()));
  {
    std::vector<uint64_t> symbols;
    for (const auto& sym : skeleton_symbols(text)) symbols.push_back(fnv(sym));
    f.skeleton = hash_set16(ngrams_within(symbols, 0, symbols.size()));
  }
  // Character 5-grams over lower-cased text with whitespace runs collapsed.
  std::string norm;
  norm.reserve(text.size());
  for (unsigned char c : text) {
    if (ascii_space(c)) {
      if (!norm.empty() && norm.back() != ' ') norm += ' ';
    } else {
      norm += static_cast<char>(ascii_lower(c));
    }
  }
  std::vector<uint32_t> chars;
  chars.reserve(norm.size());
  for (size_t i = 0; i + 5 <= norm.size(); ++i)
    chars.push_back(fold(fnv(std::string_view(norm).substr(i, 5))));
  f.char_sketch = oph_sketch(chars);
  f.claim = find_identity_claim(text);
  return f;
}

double sketch_jaccard(const std::vector<uint16_t>& a, const std::vector<uint16_t>& b) {
  if (a.size() != kSketchSize || b.size() != kSketchSize) return 0.0;
  return sketch_jaccard_raw(a.data(), b.data());
}

double sketch_jaccard_raw(const uint16_t* a, const uint16_t* b) {
  // Four 16-bit bins per 64-bit word: count the lanes where a ^ b is zero (exact "has zero
  // lane" bit trick), the hot loop of all-pairs similarity.
  constexpr uint64_t kLow15 = 0x7fff7fff7fff7fffull;
  unsigned equal = 0;
  for (size_t i = 0; i < kSketchSize; i += 4) {
    uint64_t x, y;
    std::memcpy(&x, a + i, 8);
    std::memcpy(&y, b + i, 8);
    const uint64_t d = x ^ y;
    const uint64_t zero_lanes = ~(((d & kLow15) + kLow15) | d | kLow15);
    // The zero-lane flags sit at bits 15, 31, 47, 63: add them with one multiply.
    equal += static_cast<unsigned>((((zero_lanes >> 15) & 0x0001000100010001ull) * 0x0001000100010001ull) >> 48);
  }
  return static_cast<double>(equal) / static_cast<double>(kSketchSize);
}

namespace {
void put_u32(std::string& out, uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); }
uint32_t get_u32(std::string_view in, size_t& pos) {
  if (pos + 4 > in.size()) throw std::runtime_error("lineage feature blob is truncated");
  uint32_t v;
  std::memcpy(&v, in.data() + pos, 4);
  pos += 4;
  return v;
}
void put_vec(std::string& out, const std::vector<uint32_t>& v) {
  put_u32(out, static_cast<uint32_t>(v.size()));
  out.append(reinterpret_cast<const char*>(v.data()), v.size() * 4);
}
void put_vec16(std::string& out, const std::vector<uint16_t>& v) {
  put_u32(out, static_cast<uint32_t>(v.size()));
  out.append(reinterpret_cast<const char*>(v.data()), v.size() * 2);
}
template <class T>
std::vector<T> get_array(std::string_view in, size_t& pos) {
  const uint32_t n = get_u32(in, pos);
  if (pos + size_t{n} * sizeof(T) > in.size()) throw std::runtime_error("lineage feature blob is truncated");
  std::vector<T> v(n);
  std::memcpy(v.data(), in.data() + pos, size_t{n} * sizeof(T));
  pos += size_t{n} * sizeof(T);
  return v;
}
std::vector<uint16_t> get_vec16(std::string_view in, size_t& pos) { return get_array<uint16_t>(in, pos); }
std::vector<uint32_t> get_vec(std::string_view in, size_t& pos) { return get_array<uint32_t>(in, pos); }
}  // namespace

std::string encode_features(const TextFeatures& f) {
  std::string out;
  out.reserve(16 + 4 * (f.word_sketch.size() + f.char_sketch.size() + f.habits.size()));
  put_u32(out, f.words);
  put_u32(out, f.chars);
  put_vec16(out, f.word_sketch);
  put_vec16(out, f.char_sketch);
  put_vec(out, f.habits);
  put_vec16(out, f.opener);
  put_vec16(out, f.closer);
  put_vec16(out, f.skeleton);
  return out;
}

TextFeatures decode_features(std::string_view blob) {
  TextFeatures f;
  size_t pos = 0;
  f.words = get_u32(blob, pos);
  f.chars = get_u32(blob, pos);
  f.word_sketch = get_vec16(blob, pos);
  f.char_sketch = get_vec16(blob, pos);
  f.habits = get_vec(blob, pos);
  f.opener = get_vec16(blob, pos);
  f.closer = get_vec16(blob, pos);
  f.skeleton = get_vec16(blob, pos);
  return f;
}

}  // namespace ds::scorers::lineage
