#pragma once
#include <string>
#include <string_view>

namespace ds::core {

// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);

// Lower-case hex SHA-256 of a file's contents; InputError if it cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace ds::core
