// Compiled models (`.lsc` files): a compiled Program written as a versioned binary that score,
// explain and disasm run without the model's source files, and read back only after every part of
// it has been verified. docs/lsc.md describes the format and how the schema is found.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "leadscore/leadscore.hpp"
#include "leadscore/program.hpp"
#include "leadscore/source.hpp"

namespace leadscore {

// The version of the layout written; a file of another version is refused (recompile it).
inline constexpr std::uint32_t lsc_format_version = 1;
// The first 8 bytes of every .lsc file (a PNG-style signature: catches text-mode mangling).
inline constexpr std::string_view lsc_magic{"\x89LSC\r\n\x1a\n", 8};
inline constexpr std::size_t lsc_header_size = 48;

// 64-bit FNV-1a: the schema's hash and the payload checksum. Any one changed byte changes it.
std::uint64_t lsc_hash(std::string_view bytes);
// A fingerprint of the instruction set (opcodes.def: names, operand kinds, stack effects, in
// order): a file from a leadscore whose opcodes differ is refused instead of misread.
std::uint64_t lsc_instruction_set_hash();

// The bytes of a .lsc for `program`. `sources` holds the files its spans name (the model and its
// imports) and its schema's file; `schema_name` is the model's `schema "..."` text (relative to the
// model), used to find the schema beside the compiled file when it is loaded; `model_path` is the
// model's own file (its path in `sources`), kept as Program::source_path.
std::string write_lsc(const Program& program, const SourceManager& sources, std::string_view schema_name,
                      std::string_view model_path);

struct LscFile {
  Program program;
  std::string schema_name;        // as the model named it
  std::uint64_t schema_hash = 0;  // of the schema text the model was checked against
};

// Reads a .lsc from memory and verifies it (header, checksum, instruction set, every section, the
// embedded schema, then verify_program). The embedded source files are added to `sources` so that
// spans resolve. On failure returns nullopt and sets `error` to a sentence ("the file is truncated:
// ..."); problems of the schema text itself are also in `diags`.
std::optional<LscFile> read_lsc(std::string_view bytes, SourceManager& sources, Diagnostics& diags,
                                std::string& error);

// Checks that the VM can run `program` without reading outside anything: every operand in range and
// of the kind its opcode takes (opcodes.def), jumps forward and inside the code, the code ending in
// HALT, the stack depth and the value kinds on it consistent on every path (a verifier pass that
// simulates the stack, as a JVM or Lua verifier does), max_stack and scratch_strings exactly what the
// code needs, tables' indexes (groups, decay fields) valid. Returns an empty string or the problem.
std::string verify_program(const Program& program);

// Whether `path` names a compiled model: its extension is .lsc, or its first bytes are the magic.
bool is_lsc_file(const std::string& path);

// Loads a compiled model from a file for a command to run. A file that cannot be read, is not a
// .lsc, is damaged or of another version is an UnreadableFile error (exit 2); a schema file found
// beside it (under the name the model gave) whose hash differs from the one it was compiled
// against is an InvalidSchema error (exit 1: recompile). Without a schema beside it the embedded
// schema is used.
LoadedModel load_compiled_model(Session& session, const std::string& path);

}  // namespace leadscore
