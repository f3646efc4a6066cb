#pragma once
// Reads the members of a zip archive (Inspect AI's .eval logs) with libzip, bounded: an
// archive is outside input, and a few megabytes of deflate can claim gigabytes.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>
#include "results/layer.hpp"

struct zip;  // libzip's archive handle

namespace ds::results {

// How much one archive may inflate to (documented in docs/engine.md, "Limits"). The sizes in
// the archive's directory are the archive's claims: the caps are checked on the bytes as they
// come out of the inflater, and a member is refused as soon as it passes one.
struct ZipLimits {
  size_t max_member_bytes = 256u << 20;  // one member, inflated (the import JSON limit)
  size_t max_archive_bytes = 1u << 30;   // all members read from one archive, inflated
  // Inflated : compressed. Past `ratio_after` inflated bytes a member may not exceed this ratio
  // (JSON logs deflate 5-20:1; a zip bomb of zeros about 1000:1).
  size_t max_ratio = 200;
  size_t ratio_after = 16u << 20;
};

class ZipArchive {
 public:
  // Throws InputError naming the file when it is not a readable zip archive.
  explicit ZipArchive(const std::string& path, const ZipLimits& limits = {});
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  std::vector<std::string> names() const;
  // The member's bytes, or nullopt when the archive has no such member. A member that passes
  // a limit is an InputError "FILE:MEMBER: ..." (exit 2), thrown before the limit is exceeded
  // by more than one read buffer.
  std::optional<std::string> read(const std::string& name) const;
  // The bytes inflated so far by read(), over all members (what the limits bound).
  size_t inflated_bytes() const { return inflated_; }

 private:
  std::string path_;
  ZipLimits limits_;
  ::zip* archive_ = nullptr;
  mutable size_t inflated_ = 0;
};

}  // namespace ds::results
