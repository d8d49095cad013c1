// Scenario: a module loader keeps its modules in a member std::vector and
// resolves imports by walking it with a range-for; the loop body calls a
// member function that appends a newly discovered module (directly, or two
// calls down through a helper that interns the name first). The first
// push_back that outgrows the capacity moves every module to new storage:
// the loop's hidden iterators (and the `Module &` it hands out) still point
// into the freed block, so the next step of the loop, or the write after
// the call, touches freed memory. It is the classic work-list expansion bug,
// and it bites only when the vector happens to be full, so tests rarely see
// it. pincheck follows the member functions' summaries (which member they
// grow, through several calls) and reports the call in the loop, with one
// note per level down to the push_back. The fixed forms loop by index (the
// size is read again on every step and the element is looked up again after
// the call), or collect the new names first and append them after the loop.
//
// RUN: %pincc_real -fsyntax-only -std=c++20 -Xclang -verify %s

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

struct Module {
  std::string name;
  std::vector<std::string> imports;
  bool resolved = false;
};

class ModuleLoader {
public:
  // -------------------------------------------------------------------------
  // Buggy forms.

  // The body appends to the vector the loop walks.
  void resolve_all() {
    for (Module &m : modules_) { // expected-note {{the range-for loop over 'modules_' starts here}}
      for (const std::string &imp : m.imports)
        if (!known(imp))
          add_module(imp); // expected-warning {{'add_module' may relocate the elements of 'modules_' while a range-for loop iterates over it; the loop's iterator dangles [pin-container-relocation]}}
      // expected-note@#add_push 1+ {{it calls 'push_back' on the container here}}
      m.resolved = true; // written through a dangling reference after growth
    }
  }

  // Two member functions down: discover() -> add_module() -> push_back.
  void resolve_transitive() {
    for (const Module &m : modules_) // expected-note {{the range-for loop over 'modules_' starts here}}
      discover(m); // expected-warning {{'discover' may relocate the elements of 'modules_' while a range-for loop iterates over it; the loop's iterator dangles [pin-container-relocation]}}
    // expected-note@#discover_call {{it calls 'add_module' on the container here}}
  }

  // -------------------------------------------------------------------------
  // Fixed forms: no diagnostics.

  // Index loop: size() is read on every step (the new modules are resolved
  // too) and the element is looked up again after the call.
  void resolve_all_by_index() {
    for (std::size_t i = 0; i < modules_.size(); ++i) {
      for (std::size_t j = 0; j < modules_[i].imports.size(); ++j) {
        std::string imp = modules_[i].imports[j]; // a copy, not a reference
        if (!known(imp))
          add_module(imp);
      }
      modules_[i].resolved = true;
    }
  }

  // Collect the new names, append them after the loop.
  void resolve_all_collect() {
    std::vector<std::string> missing;
    for (Module &m : modules_) {
      for (const std::string &imp : m.imports)
        if (!known(imp))
          missing.push_back(imp);
      m.resolved = true;
    }
    for (std::string &name : missing)
      add_module(std::move(name));
  }

private:
  bool known(const std::string &name) const {
    for (const Module &m : modules_)
      if (m.name == name)
        return true;
    return false;
  }

  void add_module(std::string name) {
    Module m;
    m.name = std::move(name);
    modules_.push_back(std::move(m)); // #add_push
  }

  void discover(const Module &m) {
    for (const std::string &imp : m.imports)
      if (!known(imp))
        add_module(imp); // #discover_call
  }

  std::vector<Module> modules_;
};
