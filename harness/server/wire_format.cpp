#include "harness/server/wire_format.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <cmath>

#include "core/hash.hpp"
#include "core/json_bounded.hpp"
#include "harness/server/wire_anthropic.hpp"
#include "harness/server/wire_azure.hpp"
#include "harness/server/wire_bedrock.hpp"
#include "harness/server/wire_gemini.hpp"
#include "harness/server/wire_openai.hpp"
#include "harness/layer.hpp"

namespace ds::harness::server {

void WireFormat::send_error(httplib::Response& res, const WireError& error) const {
  res.status = error.status;
  res.set_content(dump_json(error_body(error)), "application/json");
}

const std::vector<std::unique_ptr<WireFormat>>& wire_formats() {
  static const std::vector<std::unique_ptr<WireFormat>> formats = [] {
    std::vector<std::unique_ptr<WireFormat>> all;
    all.push_back(std::make_unique<openai::OpenAiFormat>());
    all.push_back(std::make_unique<anthropic::AnthropicFormat>());
    all.push_back(make_azure_format());
    all.push_back(make_gemini_format());
    all.push_back(make_bedrock_format());
    return all;
  }();
  return formats;
}

const WireFormat& openai_format() { return *wire_formats()[0]; }
const WireFormat& anthropic_format() { return *wire_formats()[1]; }

json parse_wire_body(const std::string& text) {
  JsonParse parsed = try_parse_json(text, json_limits::kServeRequest);
  if (!parsed.ok())
    throw WireError(400, "invalid_request", "The request body is not valid JSON (" + parsed.error + ").");
  if (!parsed.value.is_object()) throw WireError(400, "invalid_request", "The request body must be a JSON object.");
  return std::move(parsed.value);
}

std::string text_of_blocks(const json& blocks, const std::string& where) {
  if (!blocks.is_array() || blocks.empty())
    throw WireError(400, "invalid_request", where + ": expected a non-empty list of {\"text\": ...} blocks");
  std::string text;
  for (const auto& block : blocks) {
    const auto it = block.is_object() ? block.find("text") : block.end();
    if (it == block.end() || !it->is_string())
      throw WireError(400, "invalid_request", where + ": only text blocks {\"text\": ...} are supported");
    text += it->get<std::string>();
  }
  return text;
}

std::optional<double> optional_number(const json& object, const char* key, const std::string& where, double lo,
                                      double hi) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_number() || it->get<double>() < lo || it->get<double>() > hi)
    throw WireError(400, "invalid_request", fmt::format("{}.{}: expected a number from {:g} to {:g}", where, key, lo, hi));
  return it->get<double>();
}

std::vector<std::string> optional_strings(const json& object, const char* key, const std::string& where) {
  std::vector<std::string> out;
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return out;
  if (!it->is_array()) throw WireError(400, "invalid_request", fmt::format("{}.{}: expected a list of strings", where, key));
  for (const auto& s : *it) {
    if (!s.is_string()) throw WireError(400, "invalid_request", fmt::format("{}.{}: expected a list of strings", where, key));
    out.push_back(s.get<std::string>());
  }
  return out;
}

std::string make_id(const char* prefix, const std::string& body_key, size_t length) {
  static std::atomic<uint64_t> counter{0};
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  uint64_t h = stable_hash(body_key + "#" + std::to_string(counter++));
  std::string id = prefix;
  for (size_t i = 0; i < length; ++i) {
    if (i % 10 == 9) h = stable_hash(id);
    id += kAlphabet[h % 62];
    h /= 62;
  }
  return id;
}

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string duration_text(double seconds) {
  if (seconds < 1.0) return fmt::format("{}ms", std::max<int64_t>(1, std::llround(seconds * 1000)));
  const auto whole = static_cast<int64_t>(std::ceil(seconds));
  if (whole < 60) return fmt::format("{}s", whole);
  return fmt::format("{}m{}s", whole / 60, whole % 60);
}

}  // namespace ds::harness::server
