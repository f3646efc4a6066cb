#pragma once
// Reads the members of a zip archive (Inspect AI's .eval logs) with libzip.
#include <optional>
#include <string>
#include <vector>
#include "results/layer.hpp"

struct zip;  // libzip's archive handle

namespace ds::results {

class ZipArchive {
 public:
  // Throws InputError naming the file when it is not a readable zip archive.
  explicit ZipArchive(const std::string& path);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  std::vector<std::string> names() const;
  // The member's bytes, or nullopt when the archive has no such member.
  std::optional<std::string> read(const std::string& name) const;

 private:
  std::string path_;
  ::zip* archive_ = nullptr;
};

}  // namespace ds::results
