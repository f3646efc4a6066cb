#include "core/json.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "core/errors.hpp"

namespace ds::core {

json parse_json_line(const std::string& text, const std::string& file, size_t line_number) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    throw InputError(fmt::format("{}:{}: not valid JSON ({}); each line must be one JSON object",
                                 file, line_number, e.what()));
  }
}

json read_json_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(fmt::format("{}: cannot open file", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  try {
    return json::parse(buffer.str());
  } catch (const json::parse_error& e) {
    throw InputError(fmt::format("{}: not valid JSON at byte {} ({})", path, e.byte, e.what()));
  }
}

std::string canonical_json(const json& value) {
  // nlohmann::json objects are std::map-backed, so dump() already sorts keys.
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace ds::core
