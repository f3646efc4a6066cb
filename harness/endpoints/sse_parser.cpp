#include "harness/endpoints/sse_parser.hpp"
#include "harness/layer.hpp"

namespace ds::harness {

std::vector<SseEvent> SseParser::feed(std::string_view bytes) {
  std::vector<SseEvent> out;
  // The unfinished line held no newline: only the new bytes are searched, so an event fed in
  // small pieces costs linear time, not quadratic.
  const size_t unsearched = partial_.size();
  partial_.append(bytes);
  size_t start = 0;
  for (size_t nl = partial_.find('\n', unsearched); nl != std::string::npos; nl = partial_.find('\n', start)) {
    std::string_view text(partial_.data() + start, nl - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    line(text, out);
    start = nl + 1;
  }
  partial_.erase(0, start);
  return out;
}

void SseParser::line(std::string_view text, std::vector<SseEvent>& out) {
  if (text.empty()) {
    if (has_data_) out.push_back(std::move(current_));
    current_ = SseEvent{};
    has_data_ = false;
    return;
  }
  if (text.front() == ':') return;  // a comment (keep-alive)
  const auto colon = text.find(':');
  const std::string_view field = text.substr(0, colon);
  std::string_view value = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (field == "event") {
    current_.event = std::string(value);
  } else if (field == "data") {
    if (has_data_) current_.data += '\n';
    current_.data.append(value);
    has_data_ = true;
  }
}

}  // namespace ds::harness
