#include "harness/endpoints/reply_error.hpp"

#include <fmt/format.h>
#include "harness/layer.hpp"

namespace ds::harness {

const json& require_member(const json& object, const char* key, const char* where) {
  if (!object.is_object()) throw ReplyError(fmt::format("'{}' is not a JSON object", where));
  const auto it = object.find(key);
  if (it == object.end()) throw ReplyError(fmt::format("'{}.{}' is missing", where, key));
  return *it;
}

const std::string& require_string(const json& object, const char* key, const char* where) {
  const json& value = require_member(object, key, where);
  if (!value.is_string()) {
    throw ReplyError(fmt::format("'{}.{}' is {}, expected a string", where, key, value.type_name()));
  }
  return value.get_ref<const std::string&>();
}

int64_t optional_count(const json& object, const char* key, const char* where) {
  if (!object.is_object()) throw ReplyError(fmt::format("'{}' is not a JSON object", where));
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return 0;
  if (!it->is_number_integer() || it->get<int64_t>() < 0) {
    throw ReplyError(fmt::format("'{}.{}' is {}, expected a non-negative integer", where, key,
                                 it->type_name()));
  }
  return it->get<int64_t>();
}

}  // namespace ds::harness
