#include "results/importers/json_at.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "core/errors.hpp"
#include "results/layer.hpp"

namespace ds::results {

JsonAt::JsonAt(const json& value, std::string origin, std::string path)
    : value_(&value), origin_(std::move(origin)), path_(std::move(path)) {}

std::string JsonAt::where() const { return path_.empty() ? origin_ : origin_ + ":" + path_; }

void JsonAt::fail(const std::string& message) const {
  throw InputError(fmt::format("{}: {}", where(), message));
}

JsonAt JsonAt::child(const json& value, const std::string& path) const {
  return JsonAt(value, origin_, path);
}

JsonAt JsonAt::at(const std::string& field) const {
  auto found = find(field);
  if (!found) child(*value_, path_.empty() ? field : path_ + "." + field).fail("missing field");
  return *found;
}

std::optional<JsonAt> JsonAt::find(const std::string& field) const {
  if (!value_->is_object()) fail(fmt::format("expected an object, found {}", value_->type_name()));
  const auto it = value_->find(field);
  if (it == value_->end() || it->is_null()) return std::nullopt;
  return child(*it, path_.empty() ? field : path_ + "." + field);
}

JsonAt JsonAt::operator[](size_t index) const {
  const json& a = array();
  if (index >= a.size()) fail(fmt::format("has no element {}", index));
  return child(a[index], fmt::format("{}[{}]", path_, index));
}

size_t JsonAt::size() const { return array().size(); }

std::string JsonAt::string() const {
  if (!value_->is_string()) fail(fmt::format("expected a string, found {}", value_->type_name()));
  return value_->get<std::string>();
}

double JsonAt::number() const {
  if (value_->is_number()) return value_->get<double>();
  if (value_->is_boolean()) return value_->get<bool>() ? 1.0 : 0.0;
  if (value_->is_string()) {
    const std::string& s = value_->get_ref<const std::string&>();
    char* end = nullptr;
    const double x = std::strtod(s.c_str(), &end);
    if (!s.empty() && end == s.c_str() + s.size()) return x;
  }
  fail(fmt::format("expected a number, found {} {}", value_->type_name(), value_->dump()));
}

const json& JsonAt::object() const {
  if (!value_->is_object()) fail(fmt::format("expected an object, found {}", value_->type_name()));
  return *value_;
}

const json& JsonAt::array() const {
  if (!value_->is_array()) fail(fmt::format("expected an array, found {}", value_->type_name()));
  return *value_;
}

std::string string_or(const JsonAt& parent, const std::string& field, const std::string& fallback) {
  const auto found = parent.find(field);
  return found ? found->string() : fallback;
}

}  // namespace ds::results
