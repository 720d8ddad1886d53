// The limits on what a model or schema file may contain (docs/limits.md says why each value).
// Past a limit is a located error (E018 limit-exceeded), never a crash: the values are chosen so
// that every stage runs on a thread with a 256 KB stack for any input.
#pragma once

#include <cstddef>
#include <cstdint>

namespace leadscore::limits {

// Bytes in one model or schema file. Spans are 32-bit offsets; this keeps them far from overflow
// and the parse tree of a file within a few hundred MB.
inline constexpr std::size_t max_file_bytes = 16u << 20;

// Operands in one chain of `+`/`-`, `*`/`/`, `and` or `or`. Chains are flat in the syntax tree,
// so this bounds time and memory, not stack depth.
inline constexpr std::size_t max_chain_operands = 1000;

// Levels of parentheses, `not`, unary `-` and calls inside one another, counted by the parser
// (whose rules recurse about a dozen deep per level).
inline constexpr std::size_t max_parse_nesting = 32;

// Levels of nesting of one expression, after lets are put in place: every parenthesis, `not`,
// unary `-`, call, comparison and chain is a level. Every pass over the tree recurses once per
// level, so this bounds their stack use.
inline constexpr std::size_t max_expression_depth = 128;

// Nodes of one expression after lets are put in place (a let used twice counts twice). The
// compiler inlines lets, so without this `let b = a + a`, `let c = b + b`, ... doubles the code
// with every line.
inline constexpr std::size_t max_expression_nodes = 100000;

// RE2's memory budget for one regular expression's compiled program.
inline constexpr std::int64_t max_regex_memory = 8 << 20;

}  // namespace leadscore::limits
