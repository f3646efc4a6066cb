#pragma once
// Server-sent events (the text/event-stream format both providers stream in), read
// incrementally: bytes arrive in arbitrary pieces, events come out whole.
#include <string>
#include <string_view>
#include <vector>
#include "harness/layer.hpp"

namespace ds::harness {

struct SseEvent {
  std::string event;  // the "event:" field; "" when the server sent none (OpenAI)
  std::string data;   // "data:" lines joined with '\n'
};

class SseParser {
 public:
  // Appends bytes; returns the events completed by them (a blank line ends an event).
  std::vector<SseEvent> feed(std::string_view bytes);

 private:
  void line(std::string_view text, std::vector<SseEvent>& out);
  std::string partial_;  // an unfinished line
  SseEvent current_;
  bool has_data_ = false;
};

}  // namespace ds::harness
