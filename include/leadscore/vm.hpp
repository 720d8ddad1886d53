// The VM: runs a compiled model over one record at a time. One VM per thread; it owns all its
// working memory, so scoring a record allocates nothing once the VM is warm. It depends on the
// program and the record only: rows and writers are the API's and io's (make_row, leadscore.hpp).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "leadscore/program.hpp"
#include "leadscore/record.hpp"

namespace leadscore {

namespace vm {
class RegexMatcher;
}

// How a group's points decayed for one record (GroupInfo::decays): `factor` = base^steps, steps =
// floor(days / every), days from the decay date to the as-of day, never below 0. A group that does
// not decay, or whose date is missing, has factor 1 and no days.
struct GroupDecay {
  double days = 0;
  double steps = 0;
  double factor = 1;
};

// What one record came to. Views and spans stay valid until the VM's next run.
struct Outcome {
  RowStatus status = RowStatus::Ok;
  double score = 0;
  bool qualified = false;
  int tier = -1;                     // index in Program::tiers, -1 for none
  int reject = -1;                   // the first reject clause that held (it gives the reason)
  std::span<const std::uint32_t> rejects_held;  // every reject clause that held, in source order
  std::span<const double> groups;           // final totals, one per Program::groups
  std::span<const double> groups_raw;       // sums of fired rules, before decay
  std::span<const double> groups_decayed;   // after decay, before the caps
  std::span<const GroupDecay> group_decay;  // the decay each group's raw total was multiplied by
  std::span<const std::uint32_t> fired;     // indices of fired rules, in source order
  std::span<const double> points;           // points each fired rule added, parallel to `fired`
};

// Whether a VM compiles its own copy of each regex. RE2 locks its cache on every match, so VMs
// running at once on several threads each take their own copies (a parallel run's workers); one
// VM alone shares the program's.
enum class RegexCopies { Shared, Own };

class Vm {
 public:
  explicit Vm(const Program& program, RegexCopies regexes = RegexCopies::Shared);
  ~Vm();
  // `as_of` is the run's day for `within`, `older than`, `days_since` and decay.
  const Outcome& run(const Record& record, Day as_of);

 private:
  struct Value;
  void execute(const Record& record, Day as_of);
  void finish(const Record& record, Day as_of);

  // The program's code with the commonest test-and-branch sequences fused into one instruction
  // each (vm.cpp, fuse()); the sequences' own instructions stay in place behind the fused one.
  struct Fused {
    std::uint32_t field;    // the field's index
    std::uint32_t operand;  // the test's constant: a numbers, masks, strings, string_lists or regexes index
    std::uint8_t flag;      // the test's flag (comparison, `not in`)
    Op test;                // the test, where the kind leaves it open
    std::uint32_t target;   // BRANCH_FALSE's target
    std::uint32_t next;     // the instruction after the sequence
  };
  void fuse();

  const Program& program_;
  std::vector<Instr> code_;
  std::vector<Fused> fused_;
  std::vector<vm::RegexMatcher> regexes_;  // one per Program::regexes
  std::vector<unsigned char> stack_storage_;
  std::vector<std::string> scratch_;
  std::vector<double> raw_, decayed_, final_;
  std::vector<GroupDecay> decay_;  // written only for groups that decay; the others keep factor 1
  std::vector<std::uint32_t> fired_;
  std::vector<double> points_;
  std::vector<std::uint32_t> rejects_held_;
  int reject_ = -1;
  Outcome outcome_;
};

}  // namespace leadscore
