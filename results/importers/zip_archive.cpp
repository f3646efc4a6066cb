#include "results/importers/zip_archive.hpp"

#include <fmt/format.h>
#include <zip.h>

#include "core/errors.hpp"
#include "results/layer.hpp"

namespace ds::results {

ZipArchive::ZipArchive(const std::string& path) : path_(path) {
  int error = 0;
  archive_ = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (!archive_) {
    zip_error_t e;
    zip_error_init_with_code(&e, error);
    const std::string why = zip_error_strerror(&e);
    zip_error_fini(&e);
    throw InputError(fmt::format("{}: not a readable zip archive ({})", path, why));
  }
}

ZipArchive::~ZipArchive() {
  if (archive_) zip_discard(archive_);
}

std::vector<std::string> ZipArchive::names() const {
  std::vector<std::string> out;
  const zip_int64_t n = zip_get_num_entries(archive_, 0);
  for (zip_int64_t i = 0; i < n; ++i)
    if (const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), 0)) out.push_back(name);
  return out;
}

std::optional<std::string> ZipArchive::read(const std::string& name) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(archive_, name.c_str(), 0, &st) != 0) return std::nullopt;
  zip_file_t* file = zip_fopen(archive_, name.c_str(), 0);
  if (!file)
    throw InputError(fmt::format("{}:{}: cannot read this member ({})", path_, name,
                                 zip_strerror(archive_)));
  std::string bytes;
  char buffer[65536];
  zip_int64_t got = 0;
  while ((got = zip_fread(file, buffer, sizeof buffer)) > 0) bytes.append(buffer, static_cast<size_t>(got));
  const bool failed = got < 0;
  zip_fclose(file);
  if (failed) throw InputError(fmt::format("{}:{}: the member is damaged", path_, name));
  return bytes;
}

}  // namespace ds::results
