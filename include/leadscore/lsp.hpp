// The language server behind `leadscore lsp` (LSP 3.17), as a pure function of the messages it is
// given: one JSON-RPC message in, the messages to send back out (responses and notifications such
// as textDocument/publishDiagnostics). The caller owns the transport (stdio and Content-Length
// framing in the CLI); nothing here reads, writes or prints, except reading files that editors
// reference but have not opened (schemas, imported modules).
//
// Diagnostics are those of `leadscore check --strict` for the editor's unsaved text: the same
// parse, check and lint, with open documents standing in for the files on disk.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace leadscore::lsp {

class Server {
 public:
  Server();
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Handles one message (the JSON body, without its header). Never throws: malformed JSON, an
  // unknown method or bad parameters get a JSON-RPC error response (requests) or are ignored
  // (notifications).
  std::vector<std::string> handle(std::string_view message);

  // True once `exit` has arrived; the process should end with exit_code() (0 after `shutdown`,
  // else 1, as the protocol says).
  bool exited() const;
  int exit_code() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace leadscore::lsp
