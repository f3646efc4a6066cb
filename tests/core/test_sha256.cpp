#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "core/errors.hpp"
#include "core/sha256.hpp"
#include "tests/support/process.hpp"

using namespace ds::core;

TEST_CASE("sha256 of known strings") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("a file hashed in chunks has the hash of its whole contents") {
  ds::test::TempDir dir;
  std::string contents;
  for (int i = 0; contents.size() < 200'000; ++i) contents += "line " + std::to_string(i) + "\n";  // several chunks
  const std::string path = dir.file("f.txt");
  std::ofstream(path, std::ios::binary) << contents;
  CHECK(sha256_file(path) == sha256_hex(contents));
  std::ofstream(dir.file("empty.txt"));
  CHECK(sha256_file(dir.file("empty.txt")) == sha256_hex(""));
  CHECK_THROWS_AS(sha256_file(dir.file("missing.txt")), InputError);
}
