// Scenario: a symbol table stores every symbol in one member std::vector
// and hands its contents out through a lookup member function that returns
// a std::span (cheap, no copy). A caller that walks the span with a
// range-for and interns a new symbol for some of them (a mangled alias), or
// that keeps the span and interns before reading it again, holds a view
// into the vector's storage across a call that may grow the vector. When
// the push_back inside intern() reallocates, the span's pointer points into
// the freed block: the loop reads freed symbols. The span is a borrow like
// a reference or iterator, only returned by a member function: pincheck
// follows the lookup's summary (its return value borrows `symbols_`) and
// the grower's (it grows `symbols_`), and reports the call that may grow
// with the span as the borrow. The fixed forms copy the names out of the
// span first, or look the span up again after the growth. Two shapes of
// the same bug are not reported yet (known misses, at the end of the file):
// a lookup that returns a sub-range (`.subspan(...)`), and a range-for over
// a span kept in a local variable.
//
// RUN: %pincc_real -fsyntax-only -std=c++20 -Xclang -verify %s

#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <vector>

struct Symbol {
  std::string name;
  int scope = 0;
  bool exported = false;
};

class SymbolTable {
public:
  // Every symbol, in interning order.
  std::span<const Symbol> symbols() const { return symbols_; }

  // The symbols of scope `id`: a sub-range of symbols_.
  std::span<const Symbol> scope(int id) const {
    std::size_t first = 0;
    while (first < symbols_.size() && symbols_[first].scope != id)
      ++first;
    std::size_t last = first;
    while (last < symbols_.size() && symbols_[last].scope == id)
      ++last;
    return std::span<const Symbol>(symbols_).subspan(first, last - first);
  }

  // Adds a symbol: may grow symbols_.
  void intern(std::string name, int scope) {
    Symbol s;
    s.name = std::move(name);
    s.scope = scope;
    symbols_.push_back(std::move(s)); // #intern_push
  }

  // Inside the class: the member's own lookup, walked while growing.
  void export_aliases() {
    for (const Symbol &s : symbols()) // expected-note {{the range-for loop over 'symbols_' starts here}}
      if (s.exported)
        intern("_" + s.name, s.scope); // expected-warning {{'intern' may relocate the elements of 'symbols_' while a range-for loop iterates over it; the loop's iterator dangles [pin-container-relocation]}}
  }

private:
  std::vector<Symbol> symbols_;
};
// expected-note@#intern_push 1+ {{it calls 'push_back' on the container here}}

void emit(const std::string &);

// ---------------------------------------------------------------------------
// Buggy forms.

// The span is kept and read after the growth.
void mangle_first(SymbolTable &table, int id) {
  std::span<const Symbol> syms = table.symbols(); // expected-note {{'syms' refers to an element of 'table.symbols_' here}}
  table.intern("__init", id); // expected-warning {{'intern' may relocate the elements of 'table.symbols_' while 'syms' still refers to one of them; the element moves to a new address and 'syms' dangles [pin-container-relocation]}}
  emit(syms.front().name); // expected-note {{'syms' is used here, after the call}}
}

// A range-for over the returned span, growing the table in the body.
void add_aliases(SymbolTable &table, int id) {
  for (const Symbol &s : table.symbols()) // expected-note {{the range-for loop over 'table.symbols_' starts here}}
    if (s.exported && s.scope == id)
      table.intern(s.name + "$alias", id); // expected-warning {{'intern' may relocate the elements of 'table.symbols_' while a range-for loop iterates over it; the loop's iterator dangles [pin-container-relocation]}}
}

// ---------------------------------------------------------------------------
// Fixed forms: no diagnostics.

// Copy what is needed out of the span, then grow.
void add_aliases_copied(SymbolTable &table, int id) {
  std::vector<std::string> names;
  for (const Symbol &s : table.symbols())
    if (s.exported && s.scope == id)
      names.push_back(s.name);
  for (const std::string &n : names)
    table.intern(n + "$alias", id);
}

// Look the span up again after the growth.
void mangle_first_again(SymbolTable &table, int id) {
  table.intern("__init", id);
  std::span<const Symbol> syms = table.symbols();
  emit(syms.front().name);
}

// A span into another table is not disturbed by growing this one.
void copy_scope(SymbolTable &to, const SymbolTable &from, int id) {
  for (const Symbol &s : from.symbols())
    to.intern(s.name, id);
}

// ---------------------------------------------------------------------------
// The same bug through a sub-range and through a span kept in a local.

// A lookup that returns a sub-range (`std::span(...).subspan(...)`).
void add_scope_aliases(SymbolTable &table, int id) {
  for (const Symbol &s : table.scope(id)) // expected-note {{the range-for loop over 'table.symbols_' starts here}}
    if (s.exported)
      table.intern(s.name + "$alias", id); // expected-warning {{'intern' may relocate the elements of 'table.symbols_' while a range-for loop iterates over it}}
}

// A range-for over a span kept in a local: the loop's iterators point into
// the vector all the same.
void add_aliases_kept(SymbolTable &table, int id) {
  std::span<const Symbol> syms = table.symbols();
  for (const Symbol &s : syms) // expected-note {{the range-for loop over 'table.symbols_' starts here}}
    if (s.exported && s.scope == id)
      table.intern(s.name + "$alias", id); // expected-warning {{'intern' may relocate the elements of 'table.symbols_' while a range-for loop iterates over it}}
}
