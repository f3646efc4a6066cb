#include "core/secrets.hpp"

#include <sys/prctl.h>
#include <sys/resource.h>

#include <cstdint>
#include <cstring>
#include <unordered_set>
#include <vector>

namespace ds::core {

namespace {

constexpr size_t kPiece = 8;
constexpr std::string_view kRedacted = "[redacted]";

uint64_t piece_at(std::string_view text, size_t i) {
  uint64_t v = 0;
  std::memcpy(&v, text.data() + i, kPiece);
  return v;
}

// Replaces the marked byte ranges, merging ranges that touch, in one pass.
void replace_marked(std::string& text, const std::vector<int>& depth_change) {
  std::string out;
  out.reserve(text.size());
  int depth = 0;
  bool in_run = false;
  for (size_t i = 0; i < text.size(); ++i) {
    depth += depth_change[i];
    if (depth > 0) {
      if (!in_run) out += kRedacted;
      in_run = true;
    } else {
      in_run = false;
      out += text[i];
    }
  }
  text = std::move(out);
}

}  // namespace

void redact_secret(std::string& text, std::string_view secret) {
  if (secret.size() < kPiece) {
    if (secret.size() < 4) return;
    for (size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + kRedacted.size()))
      text.replace(at, secret.size(), kRedacted);
    return;
  }
  if (text.size() < kPiece) return;
  // Every substring of the secret of 8 or more characters is covered by its 8-character
  // pieces: mark each window of the text that equals one of them.
  std::unordered_set<uint64_t> pieces;
  for (size_t i = 0; i + kPiece <= secret.size(); ++i) pieces.insert(piece_at(secret, i));
  std::vector<int> depth_change;
  for (size_t i = 0; i + kPiece <= text.size(); ++i) {
    if (!pieces.count(piece_at(text, i))) continue;
    if (depth_change.empty()) depth_change.assign(text.size() + 1, 0);
    ++depth_change[i];
    --depth_change[i + kPiece];
  }
  if (!depth_change.empty()) replace_marked(text, depth_change);
}

void keep_secrets_out_of_core_dumps() {
  const rlimit none{0, 0};
  setrlimit(RLIMIT_CORE, &none);
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

}  // namespace ds::core
