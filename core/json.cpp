#include "core/json.hpp"

#include "core/json_bounded.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/errors.hpp"
#include "core/utf8.hpp"

namespace ds::core {

namespace {

// Where a parse failed: a line number within the text, the field path and why.
struct ParseFailure {
  size_t offset = 0;
  std::string path;
  std::string why;
};

// A SAX handler that builds the document like nlohmann's own DOM parser, but counts depth
// and values and remembers the field path for error messages. Iterative: nothing recurses.
class BoundedBuilder {
 public:
  explicit BoundedBuilder(const JsonLimits& limits) : limits_(limits) {}

  bool null() { return add(json(nullptr)); }
  bool boolean(bool v) { return add(json(v)); }
  bool number_integer(json::number_integer_t v) { return add(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return add(json(v)); }
  bool number_float(json::number_float_t v, const std::string&) { return add(json(v)); }
  bool string(std::string& v) { return add(json(std::move(v))); }
  bool binary(json::binary_t& v) { return add(json(std::move(v))); }
  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string& k) {
    frames_.back().key = std::move(k);
    return true;
  }
  bool parse_error(std::size_t position, const std::string& last_token, const json::exception& e) {
    failure_.offset = position > 0 ? position - 1 : 0;
    failure_.path = path();
    if (e.id == 406)  // out_of_range: number overflow
      failure_.why = fmt::format("number {} is out of range (too large for a double)",
                                 excerpt_for_message(last_token, 24));
    else
      failure_.why = short_message(e.what());
    return false;
  }

  json& result() { return root_; }
  bool aborted_by_limit() const { return !limit_why_.empty(); }
  const std::string& limit_why() const { return limit_why_; }
  std::string path() const {
    std::string out;
    for (const auto& f : frames_) {
      if (f.container->is_array()) out += fmt::format("[{}]", f.index);
      else out += (out.empty() ? "" : ".") + excerpt_for_message(f.key, 40);
    }
    return out;
  }
  const ParseFailure& failure() const { return failure_; }

 private:
  struct Frame {
    json* container;
    std::string key;
    size_t index = 0;
  };

  // nlohmann's messages start with "[json.exception.parse_error.101] "; keep what follows,
  // human-sized (a long invalid token is echoed in full otherwise).
  static std::string short_message(const std::string& what) {
    const auto close = what.find("] ");
    const std::string_view rest = close == std::string::npos ? std::string_view(what)
                                                             : std::string_view(what).substr(close + 2);
    return excerpt_for_message(rest, 160);
  }

  json* place(json&& value) {
    if (++values_ > limits_.max_values) {
      limit_why_ = fmt::format("more than {} values", limits_.max_values);
      return nullptr;
    }
    if (frames_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Frame& f = frames_.back();
    if (f.container->is_array()) {
      ++f.index;
      f.container->push_back(std::move(value));
      return &f.container->back();
    }
    json& slot = (*f.container)[f.key];
    slot = std::move(value);
    return &slot;
  }
  bool add(json&& value) { return place(std::move(value)) != nullptr; }
  bool open(json&& container) {
    if (frames_.size() >= limits_.max_depth) {
      limit_why_ = fmt::format("nested deeper than {} levels", limits_.max_depth);
      return false;
    }
    json* slot = place(std::move(container));
    if (!slot) return false;
    frames_.push_back({slot, {}, 0});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return true;
  }

  const JsonLimits& limits_;
  json root_;
  std::vector<Frame> frames_;
  size_t values_ = 0;
  std::string limit_why_;
  ParseFailure failure_;
};

// The byte offset where brackets first nest deeper than `max_depth` (strings skipped), or
// npos. Lets a depth error name its line although the SAX interface gives no position.
size_t depth_violation(std::string_view text, size_t max_depth) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

size_t line_of(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

// Parses or describes the failure as (relative line, message).
bool parse_bounded(std::string_view text, const JsonLimits& limits, json& out, size_t& line,
                   std::string& why) {
  if (text.size() > limits.max_bytes) {
    line = 1;
    why = fmt::format("the JSON text is {} bytes, more than the limit of {} bytes", text.size(),
                      limits.max_bytes);
    return false;
  }
  if (const size_t at = depth_violation(text, limits.max_depth); at != std::string_view::npos) {
    line = line_of(text, at);
    why = fmt::format("nested deeper than {} levels", limits.max_depth);
    return false;
  }
  BoundedBuilder builder(limits);
  const bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json,
                                  /*strict=*/true, /*ignore_comments=*/false);
  if (ok) {
    out = std::move(builder.result());
    return true;
  }
  if (builder.aborted_by_limit()) {
    line = 1;
    why = builder.limit_why();
    return false;
  }
  const ParseFailure& f = builder.failure();
  line = line_of(text, f.offset);
  why = f.path.empty() ? f.why : fmt::format("field '{}': {}", f.path, f.why);
  return false;
}

}  // namespace

json parse_json(std::string_view text, const std::string& source, const JsonLimits& limits,
                size_t first_line) {
  json out;
  size_t line = 1;
  std::string why;
  if (!parse_bounded(text, limits, out, line, why))
    throw InputError(fmt::format("{}:{}: not valid JSON: {}", source, first_line + line - 1, why));
  return out;
}

JsonParse try_parse_json(std::string_view text, const JsonLimits& limits) {
  JsonParse result;
  size_t line = 1;
  std::string why;
  if (!parse_bounded(text, limits, result.value, line, why)) {
    result.value = nullptr;
    result.error = fmt::format("line {}: {}", line, why);
  }
  return result;
}

json parse_json_line(const std::string& text, const std::string& file, size_t line_number,
                     const JsonLimits& limits) {
  return parse_json(text, file, limits, line_number);
}

json parse_json_line(const std::string& text, const std::string& file, size_t line_number) {
  return parse_json_line(text, file, line_number, json_limits::kSuiteLine);
}

json read_json_file(const std::string& path) { return read_json_file(path, JsonLimits{}); }

json read_json_file(const std::string& path, const JsonLimits& limits) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_bytes)
    throw InputError(fmt::format("{}: the file is {} bytes, more than the limit of {} bytes for "
                                 "this kind of file", path, size, limits.max_bytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot open file", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_json(buffer.str(), path, limits);
}

size_t json_top_level_key_line(std::string_view text, std::string_view key) {
  size_t depth = 0, line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
    } else if (c == '"') {
      const size_t start = i + 1;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
        else if (text[i] == '\n') ++line;
      }
      if (depth != 1 || text.substr(start, i - start) != key) continue;
      size_t after = i + 1;
      while (after < text.size() && (text[after] == ' ' || text[after] == '\t' || text[after] == '\r' || text[after] == '\n'))
        ++after;
      if (after < text.size() && text[after] == ':') return line;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth > 0) --depth;
    }
  }
  return 0;
}

std::string dump_json(const json& value, int indent) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string canonical_json(const json& value) {
  // nlohmann::json objects are std::map-backed, so dump() already sorts keys.
  return dump_json(value);
}

}  // namespace ds::core
