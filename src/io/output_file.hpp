// An output file that is either complete or not there: what a command writes with `-o FILE` goes to a
// temporary file beside FILE and is renamed over it only when the whole run succeeded. An interrupted
// or failed run leaves an existing FILE exactly as it was and no temporary file behind
// (docs/records.md, "Safe output").
#pragma once

#include <cstdio>
#include <memory>
#include <string>

namespace leadscore::io {

// Call once at program start, before any OutputFile is opened. On SIGINT, SIGTERM or SIGHUP the
// temporary files of the open OutputFiles are removed and the process exits with status 128 + N
// (130, 143, 129). A signal ignored when the program started stays
// ignored (nohup, background jobs of a script). SIGXFSZ is ignored, so a write past `ulimit -f`
// fails with EFBIG ("File too large") and is reported like any write error instead of killing the
// process mid-file.
void clean_up_output_files_on_signals();

class OutputFile {
 public:
  // Opens the output for `path`:
  //  - "-": standard output, written directly;
  //  - a regular file or a name that does not exist yet: a new temporary file in the same folder,
  //    named `.NAME.leadscore-XXXXXX`; a symbolic link is followed and its target replaced;
  //  - anything else (a device such as /dev/null or /dev/full, a fifo): opened and written directly,
  //    since it cannot be replaced by renaming.
  // Returns null and sets `error` ("cannot write 'out.csv': Permission denied") when it cannot.
  static std::unique_ptr<OutputFile> open(const std::string& path, std::string& error);

  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  // Removes the temporary file unless commit() succeeded.
  ~OutputFile();

  std::FILE* stream() const { return stream_; }
  // The message for a write that failed with `err` (an errno value): "cannot write 'PATH': REASON".
  std::string write_error(int err) const;
  // Flushes the stream, syncs the data to disk, closes it and renames the temporary file over the
  // path, with the permission bits of the file it replaces (new files: 0666 less the umask).
  // Returns false and sets `error` on failure; the temporary file is removed then.
  bool commit(std::string& error);
  // Drops what was written: removes the temporary file (a direct output keeps what reached it).
  void discard();

 private:
  OutputFile() = default;

  std::string path_;       // as given, for messages
  std::string target_;     // what the temporary file is renamed to (a link's target)
  std::string temp_;       // empty when writing directly
  std::FILE* stream_ = nullptr;
  int slot_ = -1;          // the signal handler's slot for temp_, or -1
  bool done_ = false;      // committed or discarded
};

}  // namespace leadscore::io
