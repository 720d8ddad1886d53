// io::OutputFile: an -o file is replaced whole or not at all (docs/records.md, "Safe output").
#include <doctest/doctest.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include "io/output_file.hpp"

using leadscore::io::OutputFile;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system's temporary folder, removed with everything in it.
struct TempFolder {
  fs::path path;
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "leadscore-output-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string file(const char* name) const { return (path / name).string(); }
  // Everything in the folder but `keep`, hidden files included.
  int others(const char* keep) const {
    int n = 0;
    for (const auto& entry : fs::directory_iterator(path)) n += entry.path().filename() != keep;
    return n;
  }
};

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

void put(OutputFile& out, const std::string& text) {
  REQUIRE(std::fwrite(text.data(), 1, text.size(), out.stream()) == text.size());
}

}  // namespace

TEST_CASE("the old file stays until commit, then the new one replaces it whole") {
  TempFolder dir;
  const std::string path = dir.file("out.csv");
  write(path, "old\n");
  std::string error;
  auto out = OutputFile::open(path, error);
  REQUIRE(out);
  put(*out, "new\n");
  std::fflush(out->stream());
  CHECK(read(path) == "old\n");
  CHECK(dir.others("out.csv") == 1);  // the temporary file, beside it
  CHECK(out->commit(error));
  CHECK(error.empty());
  CHECK(read(path) == "new\n");
  CHECK(dir.others("out.csv") == 0);
}

TEST_CASE("a run that does not commit leaves the old file and no temporary file") {
  TempFolder dir;
  const std::string path = dir.file("out.csv");
  write(path, "old\n");
  std::string error;
  {
    auto out = OutputFile::open(path, error);
    REQUIRE(out);
    put(*out, "half a fi");
  }
  CHECK(read(path) == "old\n");
  CHECK(dir.others("out.csv") == 0);

  auto out = OutputFile::open(path, error);
  REQUIRE(out);
  put(*out, "x");
  out->discard();
  CHECK(read(path) == "old\n");
  CHECK(dir.others("out.csv") == 0);
}

TEST_CASE("a new file gets 0666 less the umask; a replaced one keeps its permission bits") {
  TempFolder dir;
  const std::string path = dir.file("out.csv");
  std::string error;
  const mode_t old_mask = umask(027);
  auto out = OutputFile::open(path, error);
  umask(old_mask);
  REQUIRE(out);
  CHECK(out->commit(error));
  struct stat st {};
  REQUIRE(stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);

  REQUIRE(chmod(path.c_str(), 0604) == 0);
  out = OutputFile::open(path, error);
  REQUIRE(out);
  put(*out, "again\n");
  CHECK(out->commit(error));
  REQUIRE(stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0604);
  CHECK(read(path) == "again\n");
}

TEST_CASE("a symbolic link stays a link and its target is replaced") {
  TempFolder dir;
  write(dir.file("target.csv"), "old\n");
  fs::create_symlink("target.csv", dir.path / "link.csv");
  std::string error;
  auto out = OutputFile::open(dir.file("link.csv"), error);
  REQUIRE(out);
  put(*out, "new\n");
  CHECK(out->commit(error));
  CHECK(fs::is_symlink(dir.path / "link.csv"));
  CHECK(read(dir.file("target.csv")) == "new\n");
}

TEST_CASE("a device is written directly, and a failed write names the reason") {
  std::string error;
  auto out = OutputFile::open("/dev/null", error);
  REQUIRE(out);
  put(*out, "gone\n");
  CHECK(out->commit(error));
  CHECK(fs::is_character_file("/dev/null"));

  if (fs::exists("/dev/full")) {
    out = OutputFile::open("/dev/full", error);
    REQUIRE(out);
    put(*out, "no room\n");
    CHECK_FALSE(out->commit(error));
    CHECK(error == "cannot write '/dev/full': No space left on device");
  }
  CHECK(out->write_error(EFBIG).find("File too large") != std::string::npos);
}

TEST_CASE("a folder that does not exist is an error naming the output") {
  TempFolder dir;
  std::string error;
  const std::string path = dir.file("missing/out.csv");
  CHECK_FALSE(OutputFile::open(path, error));
  CHECK(error == "cannot write '" + path + "': No such file or directory");
}

TEST_CASE("a read-only file is not replaced") {
  if (geteuid() == 0) return;  // root may write anything: nothing to refuse
  TempFolder dir;
  const std::string path = dir.file("out.csv");
  write(path, "old\n");
  REQUIRE(chmod(path.c_str(), 0444) == 0);
  std::string error;
  CHECK_FALSE(OutputFile::open(path, error));
  CHECK(error == "cannot write '" + path + "': Permission denied");
  CHECK(read(path) == "old\n");
}
