#include "scorers/lineage/text_features.hpp"

#include <algorithm>
#include <cstdint>
#include <cctype>
#include <cstring>
#include <stdexcept>

#include "core/text.hpp"
#include "core/hash.hpp"
#include "scorers/layer.hpp"

namespace ds::scorers::lineage {

namespace {

uint64_t fnv(std::string_view s, uint64_t h = kFnv1aOffset) { return fnv1a64(s, h); }

// One SplitMix64 step of x: the sketches' hash-combining function.
uint64_t mix(uint64_t x) { return mix64(x + kGoldenGamma); }

uint32_t fold(uint64_t h) { return static_cast<uint32_t>(mix(h) >> 32); }

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c == '\'' || c >= 0x80; }

// Token hashes of the text, lower-cased, without building strings.
std::vector<uint64_t> token_hashes(std::string_view text) {
  std::vector<uint64_t> out;
  out.reserve(text.size() / 4);
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = text[i];
    if (std::isspace(c)) {
      ++i;
    } else if (is_word_byte(c)) {
      uint64_t h = kFnv1aOffset;
      while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) {
        h = (h ^ static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(text[i])))) *
            kFnv1aPrime;
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

}  // namespace

std::vector<std::string> tokenize(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = text[i];
    if (std::isspace(c)) {
      ++i;
    } else if (is_word_byte(c)) {
      std::string w;
      while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i])))
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++])));
      out.push_back(std::move(w));
    } else {
      out.emplace_back(1, static_cast<char>(c));
      ++i;
    }
  }
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
      size_t end = low.find_first_of(".!?\n", pos);
      if (end == std::string::npos) end = low.size();
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
      claim.quote = trim(text.substr(pos, end - pos));
      if (claim.quote.size() > 200) claim.quote = claim.quote.substr(0, 200);
      return claim;
    }
  }
  return std::nullopt;
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
  // Character 5-grams over lower-cased text with whitespace runs collapsed.
  std::string norm;
  norm.reserve(text.size());
  for (unsigned char c : text) {
    if (std::isspace(c)) {
      if (!norm.empty() && norm.back() != ' ') norm += ' ';
    } else {
      norm += static_cast<char>(std::tolower(c));
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
  return f;
}

}  // namespace ds::scorers::lineage
