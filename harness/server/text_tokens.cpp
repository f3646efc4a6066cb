#include "harness/server/text_tokens.hpp"

#include <cctype>
#include "harness/layer.hpp"

namespace ds::harness::server {

namespace {

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

}  // namespace

std::vector<std::string> split_tokens(const std::string& text) {
  std::vector<std::string> tokens;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    if (text[j] == ' ' && j + 1 < text.size() && is_word_byte(text[j + 1])) ++j;
    if (is_word_byte(text[j])) {
      while (j < text.size() && is_word_byte(text[j])) ++j;
    } else {
      ++j;
    }
    tokens.push_back(text.substr(i, j - i));
    i = j;
  }
  return tokens;
}

int64_t count_tokens(const std::string& text) {
  return static_cast<int64_t>(split_tokens(text).size());
}

}  // namespace ds::harness::server
