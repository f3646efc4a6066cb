#include "tests/support/zip_writer.hpp"

#include <zip.h>

#include <stdexcept>

namespace ds::test {

void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& members) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("cannot create zip " + path);
  for (const auto& [name, bytes] : members) {
    // libzip reads the buffer when the archive is closed: it must outlive zip_close.
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    if (!source || zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
      if (source) zip_source_free(source);
      zip_discard(archive);
      throw std::runtime_error("cannot add " + name + " to " + path);
    }
  }
  if (zip_close(archive) != 0) throw std::runtime_error("cannot write zip " + path);
}

}  // namespace ds::test
