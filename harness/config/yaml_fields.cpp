#include "harness/layer.hpp"
#include "harness/config/yaml_fields.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/errors.hpp"
#include "core/utf8.hpp"

namespace ds::harness {

namespace {

// A plain scalar as YAML types it: booleans, null, integers, finite numbers, else text.
// `fail` reports a number too large for a double.
template <typename Fail>
json typed_scalar(const std::string& s, const std::string& tag, Fail fail) {
  if (tag == "!" || (tag.size() >= 4 && tag.compare(tag.size() - 4, 4, ":str") == 0)) return s;  // quoted
  if (s == "true" || s == "True" || s == "yes") return true;
  if (s == "false" || s == "False" || s == "no") return false;
  if (s.empty() || s == "null" || s == "~") return nullptr;
  if (s.find_first_not_of("0123456789+-.eE") != std::string::npos) return s;
  const char* begin = s.c_str() + (s[0] == '+' ? 1 : 0);
  const char* end = s.c_str() + s.size();
  int64_t i = 0;
  if (auto [p, ec] = std::from_chars(begin, end, i); ec == std::errc() && p == end) return i;
  char* stop = nullptr;
  errno = 0;
  const double d = std::strtod(s.c_str(), &stop);
  if (stop != end) return s;  // "1.2.3", "-", "e": text
  if (!std::isfinite(d)) fail(fmt::format("the number {} is out of range (too large for a double)",
                                          excerpt_for_message(s, 24)));
  return d;  // an integer too large for 64 bits stays a (large) number; range checks say so
}

class FieldCollector : public YAML::EventHandler {
 public:
  FieldCollector(std::string path, const YamlLimits& limits) : path_(std::move(path)), limits_(limits) {}

  std::vector<YamlField> take() { return std::move(fields_); }
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    if (expecting_key()) fail(mark, "a key is empty; write 'field: value'");
    add(nullptr, mark);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    fail(mark, "YAML aliases (*name) are not allowed in config files; write the value out");
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    if (expecting_key()) {
      Frame& f = stack_.back();
      f.key = value;
      f.key_line = mark.line + 1;
      f.expecting_key = false;
      return;
    }
    add(typed_scalar(value, tag, [&](const std::string& why) { fail(mark, why); }), mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    open(mark, json::array());
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    open(mark, json::object());
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    json value;
    size_t line = 0;
    bool expecting_key = true;  // mappings alternate key, value
    std::string key;
    size_t key_line = 0;
  };

  bool expecting_key() const { return !stack_.empty() && stack_.back().value.is_object() && stack_.back().expecting_key; }

  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& why) const {
    const std::string field = stack_.size() >= 1 && !stack_.front().key.empty() && !stack_.front().expecting_key
                                  ? fmt::format(" field '{}':", excerpt_for_message(stack_.front().key, 40))
                                  : "";
    throw InputError(fmt::format("{}:{}:{} {}", path_, mark.line + 1, field, why));
  }

  void open(const YAML::Mark& mark, json container) {
    if (expecting_key()) fail(mark, "a key must be a plain value, not a list or mapping");
    if (stack_.size() >= limits_.max_depth)
      fail(mark, fmt::format("nested deeper than {} levels", limits_.max_depth));
    stack_.push_back({std::move(container), static_cast<size_t>(mark.line + 1)});
  }

  void close() {
    Frame done = std::move(stack_.back());
    stack_.pop_back();
    YAML::Mark mark;
    mark.line = static_cast<int>(done.line) - 1;
    add(std::move(done.value), mark);
  }

  void add(json value, const YAML::Mark& mark) {
    if (stack_.empty()) {
      if (!value.is_object() && !value.is_null())
        fail(mark, "the config must be a mapping of fields (field: value)");
      return;
    }
    Frame& f = stack_.back();
    if (f.value.is_array()) {
      f.value.push_back(std::move(value));
      return;
    }
    if (stack_.size() == 1) {
      if (!seen_.insert(f.key).second)
        throw InputError(fmt::format("{}:{}: field '{}' is given twice", path_, f.key_line,
                                     excerpt_for_message(f.key, 40)));
      fields_.push_back({f.key, f.key_line, std::move(value)});  // the root keeps no copy
    } else {
      f.value[f.key] = std::move(value);
    }
    f.expecting_key = true;
  }

  std::string path_;
  const YamlLimits& limits_;
  std::vector<Frame> stack_;
  std::vector<YamlField> fields_;
  std::set<std::string> seen_;
};

}  // namespace

std::vector<YamlField> read_yaml_fields(const std::string& path, const YamlLimits& limits) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw InputError(fmt::format("{}: cannot read the file", path));
  if (size > limits.max_bytes)
    throw InputError(fmt::format("{}: the file is {} bytes; config files are limited to {} bytes", path, size,
                                 limits.max_bytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot open file", path));
  FieldCollector collector(path, limits);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(collector);
  } catch (const YAML::Exception& e) {
    throw InputError(fmt::format("{}:{}: not valid YAML ({})", path, e.mark.line + 1, excerpt_for_message(e.msg, 160)));
  }
  return collector.take();
}

}  // namespace ds::harness
