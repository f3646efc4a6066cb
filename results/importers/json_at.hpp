#pragma once
// A JSON value together with where it was read ("file", "file:line") and its path inside
// the document ("results.results[3].response.output"), so that an importer's error names the
// exact field: "out.json:results.results[3].response.output: expected a string, found a number".
#include <optional>
#include <string>

#include "core/json.hpp"
#include "results/layer.hpp"

namespace ds::results {

class JsonAt {
 public:
  JsonAt(const json& value, std::string origin, std::string path = "");

  const json& value() const { return *value_; }
  // "origin:path" (or "origin" at the document's root).
  std::string where() const;
  // Throws InputError "where: message".
  [[noreturn]] void fail(const std::string& message) const;

  // A field that must be present (null counts as absent).
  JsonAt at(const std::string& field) const;
  // A field that may be absent or null.
  std::optional<JsonAt> find(const std::string& field) const;
  // An element of an array.
  JsonAt operator[](size_t index) const;
  size_t size() const;  // of an array; fails for anything else

  // Typed reads that fail naming the field and the type found.
  std::string string() const;
  double number() const;  // also accepts a numeric string (lm-eval writes numbers as strings)
  const json& object() const;
  const json& array() const;

 private:
  JsonAt child(const json& value, const std::string& path) const;
  const json* value_;
  std::string origin_;
  std::string path_;
};

// A string field, or `fallback` when absent or null; fails when present with another type.
std::string string_or(const JsonAt& parent, const std::string& field, const std::string& fallback = "");

}  // namespace ds::results
