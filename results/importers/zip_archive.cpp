#include "results/importers/zip_archive.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <filesystem>

#include "core/errors.hpp"
#include "results/layer.hpp"

namespace ds::results {

ZipArchive::ZipArchive(const std::string& path, const ZipLimits& limits)
    : path_(path), limits_(limits) {
  std::error_code ec;
  if (const auto size = std::filesystem::file_size(path, ec); !ec && size > limits_.max_archive_bytes)
    throw InputError(fmt::format("{}: the archive is {} bytes, more than the limit of {} bytes",
                                 path, size, limits_.max_archive_bytes));
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

namespace {

// Why `inflated` bytes of a member with `compressed` bytes in the archive pass a limit, or "".
std::string over_limit(const ZipLimits& limits, size_t member, size_t archive, size_t compressed) {
  if (member > limits.max_member_bytes)
    return fmt::format("the member inflates to more than {} bytes, the limit for one member",
                       limits.max_member_bytes);
  if (archive > limits.max_archive_bytes)
    return fmt::format("the archive inflates to more than {} bytes, the limit for one archive",
                       limits.max_archive_bytes);
  if (member > limits.ratio_after && member / std::max<size_t>(compressed, 1) > limits.max_ratio)
    return fmt::format("the member inflates more than {}:1 ({} compressed bytes gave {} so far); "
                       "is this a zip bomb?", limits.max_ratio, compressed, member);
  return "";
}

}  // namespace

std::optional<std::string> ZipArchive::read(const std::string& name) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(archive_, name.c_str(), 0, &st) != 0) return std::nullopt;
  const size_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? static_cast<size_t>(st.comp_size) : 0;
  auto refuse = [&](const std::string& why) {
    return InputError(fmt::format("{}:{}: {}; nothing was imported from this archive", path_, name, why));
  };
  // The directory's claim is checked first (cheap), the real bytes as they inflate.
  if (st.valid & ZIP_STAT_SIZE)
    if (const auto why = over_limit(limits_, static_cast<size_t>(st.size), inflated_ + static_cast<size_t>(st.size), compressed);
        !why.empty())
      throw refuse(why);
  zip_file_t* file = zip_fopen(archive_, name.c_str(), 0);
  if (!file)
    throw InputError(fmt::format("{}:{}: cannot read this member ({})", path_, name,
                                 zip_strerror(archive_)));
  std::string bytes;
  char buffer[65536];
  zip_int64_t got = 0;
  while ((got = zip_fread(file, buffer, sizeof buffer)) > 0) {
    bytes.append(buffer, static_cast<size_t>(got));
    inflated_ += static_cast<size_t>(got);
    if (const auto why = over_limit(limits_, bytes.size(), inflated_, compressed); !why.empty()) {
      zip_fclose(file);
      throw refuse(why);
    }
  }
  const bool failed = got < 0;
  zip_fclose(file);
  if (failed) throw InputError(fmt::format("{}:{}: the member is damaged", path_, name));
  return bytes;
}

}  // namespace ds::results
