#include <doctest/doctest.h>

#include <cstring>
#include <fstream>

#include "core/errors.hpp"
#include "results/importers/zip_archive.hpp"
#include "tests/support/process.hpp"
#include "tests/support/zip_writer.hpp"

using namespace ds::results;
namespace test = ds::test;

namespace {

// Rewrites every uncompressed size the archive states (local headers and central directory)
// to `claimed`: a bomb that lies about its size, so only the checks made while inflating
// can stop it.
void claim_sizes(const std::string& path, uint32_t claimed) {
  std::string bytes = test::read_text(path);
  const auto patch = [&](const char* signature, size_t offset) {
    for (size_t at = bytes.find(signature, 0, 4); at != std::string::npos;
         at = bytes.find(signature, at + 4, 4))
      std::memcpy(&bytes[at + offset], &claimed, 4);  // zip is little-endian, like x86
  };
  patch("PK\x03\x04", 22);
  patch("PK\x01\x02", 24);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

constexpr size_t kBuffer = 65536;  // one zip_fread: how far past a limit reading may go

}  // namespace

TEST_CASE("zip: a bomb whose directory tells its size is refused before inflating") {
  test::TempDir dir;
  const std::string path = dir.file("bomb.eval");
  test::write_zip(path, {{"samples/1_epoch_1.json", std::string(64u << 20, '\0')}});
  const ZipArchive zip(path);
  CHECK_THROWS_WITH_AS(zip.read("samples/1_epoch_1.json"),
                       doctest::Contains((path + ":samples/1_epoch_1.json: the member inflates more than 200:1").c_str()),
                       InputError);
  CHECK(zip.inflated_bytes() == 0);
}

TEST_CASE("zip: a bomb that lies about its size stops at the ratio check while inflating") {
  test::TempDir dir;
  const std::string path = dir.file("bomb.eval");
  test::write_zip(path, {{"samples/1_epoch_1.json", std::string(64u << 20, '\0')}});
  claim_sizes(path, 1000);
  const ZipArchive zip(path);
  CHECK_THROWS_WITH_AS(zip.read("samples/1_epoch_1.json"),
                       doctest::Contains("samples/1_epoch_1.json: the member inflates more than 200:1"),
                       InputError);
  const ZipLimits limits;
  CHECK(zip.inflated_bytes() > limits.ratio_after);
  CHECK(zip.inflated_bytes() <= limits.ratio_after + kBuffer);  // 16 MiB of the 64 MiB
}

TEST_CASE("zip: caps per member and per archive hold on the inflated bytes, naming the member") {
  test::TempDir dir;
  const std::string path = dir.file("big.eval");
  std::string text;  // JSON-like text that deflates about 5:1, under any ratio limit
  for (int i = 0; text.size() < (1u << 20); ++i) text += "{\"id\": " + std::to_string(i * 7919 % 100003) + "},\n";
  test::write_zip(path, {{"a.json", text}, {"b.json", text}, {"c.json", text}, {"d.json", text + text}});
  const ZipLimits limits{.max_member_bytes = (3u << 20) / 2, .max_archive_bytes = 3u << 20};
  for (const bool lying : {false, true}) {
    CAPTURE(lying);
    if (lying) claim_sizes(path, 100);
    const ZipArchive zip(path, limits);
    CHECK_THROWS_WITH_AS(zip.read("d.json"),
                         doctest::Contains(":d.json: the member inflates to more than 1572864 bytes, the limit for one member"),
                         InputError);
    CHECK(zip.inflated_bytes() <= limits.max_member_bytes + kBuffer);
    const ZipArchive whole(path, limits);
    CHECK(whole.read("a.json")->size() == text.size());
    CHECK(whole.read("b.json")->size() == text.size());
    CHECK_THROWS_WITH_AS(whole.read("c.json"),
                         doctest::Contains(":c.json: the archive inflates to more than 3145728 bytes"),
                         InputError);
    CHECK(whole.inflated_bytes() <= limits.max_archive_bytes + kBuffer);
  }
}
