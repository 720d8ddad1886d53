#include "io/output_file.hpp"

#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace leadscore::io {

namespace {

// The temporary files a signal handler must remove. The handler may only call async-signal-safe
// functions, so the paths live in fixed buffers and a lock-free flag says which slots hold one. A
// slot is filled before its flag is set and the flag cleared before the slot is reused.
struct TempSlot {
  std::atomic<bool> used{false};
  char path[PATH_MAX];
};
static_assert(std::atomic<bool>::is_always_lock_free);
constexpr int slot_count = 32;
TempSlot temp_slots[slot_count];

constexpr int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

void remove_temps_and_die(int sig) {
  for (TempSlot& slot : temp_slots) {
    if (slot.used.load(std::memory_order_acquire)) unlink(slot.path);
  }
  // Exit with status 128 + sig (130 for SIGINT, 143 for SIGTERM) as issue 9 asks, so that every
  // caller, not only a shell, reads the same number; docs/records.md says so.
  _exit(128 + sig);
}

// Holds the cleanup signals back while a temporary file is created or renamed and its slot filled
// or freed, so that a signal never sees a file without its slot or a slot without its file.
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t block;
    sigemptyset(&block);
    for (int sig : cleanup_signals) sigaddset(&block, sig);
    sigprocmask(SIG_BLOCK, &block, &old_);
  }
  ~SignalsHeld() { sigprocmask(SIG_SETMASK, &old_, nullptr); }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t old_;
};

// Returns the slot now holding `path`, or -1 when all are taken or the path does not fit (the file
// is then still removed on every other way out, only not on a signal).
int take_slot(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < slot_count; ++i) {
    TempSlot& slot = temp_slots[i];
    if (slot.used.load(std::memory_order_relaxed)) continue;
    std::memcpy(slot.path, path.c_str(), path.size() + 1);
    slot.used.store(true, std::memory_order_release);
    return i;
  }
  return -1;
}

void free_slot(int& slot) {
  if (slot >= 0) temp_slots[slot].used.store(false, std::memory_order_release);
  slot = -1;
}

mode_t current_umask() {
  const mode_t mask = umask(0);
  umask(mask);
  return mask;
}

// After the rename, the folder's entry is made durable too; a failure here loses nothing that the
// rename did not already make visible, so it is not reported.
void sync_folder(const std::filesystem::path& file) {
  std::filesystem::path folder = file.parent_path();
  if (folder.empty()) folder = ".";
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  fsync(fd);
  close(fd);
}

}  // namespace

void clean_up_output_files_on_signals() {
  for (int sig : cleanup_signals) {
    struct sigaction old {};
    if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    struct sigaction act {};
    act.sa_handler = remove_temps_and_die;
    sigemptyset(&act.sa_mask);
    for (int other : cleanup_signals) sigaddset(&act.sa_mask, other);
    sigaction(sig, &act, nullptr);
  }
  std::signal(SIGXFSZ, SIG_IGN);
}

std::unique_ptr<OutputFile> OutputFile::open(const std::string& path, std::string& error) {
  std::unique_ptr<OutputFile> out(new OutputFile());
  out->path_ = path;
  if (path == "-") {
    out->stream_ = stdout;
    return out;
  }

  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;  // through links
  struct stat lst {};
  const bool is_link = ::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode);
  out->target_ = path;
  if (exists && is_link) {
    char resolved[PATH_MAX];
    if (::realpath(path.c_str(), resolved) != nullptr) out->target_ = resolved;
  }
  const std::filesystem::path target(out->target_);
  // Only a regular file, or a new name, can be replaced by a rename. A device or fifo is written in
  // place; so is a dangling link, whose target the write creates.
  const bool direct = (exists && !S_ISREG(st.st_mode)) || (!exists && is_link) || !target.has_filename();
  if (direct) {
    out->stream_ = std::fopen(path.c_str(), "wb");
    if (out->stream_ == nullptr) {
      error = out->write_error(errno);
      return nullptr;
    }
    return out;
  }
  // Replacing a file needs only the folder's write permission; a read-only file stays protected as
  // it was when it was opened for writing.
  if (exists && ::access(path.c_str(), W_OK) != 0) {
    error = out->write_error(errno);
    return nullptr;
  }

  std::string temp = (target.parent_path() / ("." + target.filename().string() + ".leadscore-XXXXXX")).string();
  int fd = -1;
  {
    SignalsHeld held;
    fd = mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0) {
      error = out->write_error(errno);
      return nullptr;
    }
    out->temp_ = temp;
    out->slot_ = take_slot(temp);
  }
  if (exists) {
    // Keep who may read the file: its owner and group where we may set them (root), and its
    // permission bits.
    if ((st.st_uid != geteuid() || st.st_gid != getegid()) && fchown(fd, st.st_uid, st.st_gid) != 0) {
      // Not allowed: the new file belongs to whoever ran the command, as a new file would.
    }
    fchmod(fd, st.st_mode & 0777);
  } else {
    fchmod(fd, 0666 & ~current_umask());
  }
  out->stream_ = fdopen(fd, "wb");
  if (out->stream_ == nullptr) {
    const int err = errno;
    close(fd);
    out->discard();
    error = out->write_error(err);
    return nullptr;
  }
  return out;
}

OutputFile::~OutputFile() { discard(); }

std::string OutputFile::write_error(int err) const {
  if (err == 0) err = EIO;
  if (path_ == "-") return fmt::format("cannot write to standard output: {}", std::strerror(err));
  return fmt::format("cannot write '{}': {}", path_, std::strerror(err));
}

bool OutputFile::commit(std::string& error) {
  if (done_) return true;
  int err = 0;
  if (std::fflush(stream_) != 0 || std::ferror(stream_)) err = errno != 0 ? errno : EIO;
  if (stream_ == stdout) {
    done_ = true;
    if (err != 0) error = write_error(err);
    return err == 0;
  }
  // The data must be on disk before the rename makes it the file: otherwise a crash soon after can
  // leave an empty file under the old name. (EINVAL: a file system that cannot sync.)
  if (err == 0 && !temp_.empty() && fsync(fileno(stream_)) != 0 && errno != EINVAL) err = errno;
  if (std::fclose(stream_) != 0 && err == 0) err = errno;
  stream_ = nullptr;
  if (err == 0 && !temp_.empty()) {
    SignalsHeld held;
    if (std::rename(temp_.c_str(), target_.c_str()) == 0) {
      free_slot(slot_);
      temp_.clear();
    } else {
      err = errno;
    }
  }
  if (err != 0) {
    discard();
    error = write_error(err);
    return false;
  }
  done_ = true;
  sync_folder(target_);
  return true;
}

void OutputFile::discard() {
  if (done_) return;
  done_ = true;
  if (stream_ != nullptr && stream_ != stdout) std::fclose(stream_);
  stream_ = nullptr;
  if (!temp_.empty()) {
    SignalsHeld held;
    unlink(temp_.c_str());
    free_slot(slot_);
    temp_.clear();
  }
}

}  // namespace leadscore::io
