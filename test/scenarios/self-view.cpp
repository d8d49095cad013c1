// Scenario: a token whose std::string_view member points into its own inline
// char buffer. A defaulted copy or move copies the view unchanged, so the new
// token's view still points into the old token's buffer (and dangles once the
// old one dies). The type is marked address-sensitive with a
// pin::phantom_pinned member; it becomes pinned when it is handed to an index
// that keeps its address (a PIN_PINS parameter). The fixed forms copy the text
// instead of the token, or build a fresh token from the text.
//
// REQUIRES: libstdcxx
// RUN: %pincc_real -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc_real -fsyntax-only -std=c++20 -Xclang -verify %s

#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pin/pin.h>

class Token {
public:
  explicit Token(std::string_view s) {
    std::size_t n = s.size() < sizeof buf_ ? s.size() : sizeof buf_;
    std::memcpy(buf_, s.data(), n);
    text_ = std::string_view(buf_, n); // points into this object
  }
  std::string_view text() const { return text_; }

private:
  [[no_unique_address]] pin::phantom_pinned pin_; // #token_pin
  char buf_[32];
  std::string_view text_;
};
// expected-note@#token_pin 1+ {{'Token' is address-sensitive because member 'pin_' has marker type 'pin::phantom_pinned'}}

// The symbol index keeps a pointer to every token it is given.
struct SymbolIndex {
  std::vector<const Token *> tokens;
  void add(const Token &t PIN_PINS) { tokens.push_back(&t); }
};

// A source line holding a token by value: address-sensitive by containment.
struct Line {
  int number = 0;
  Token first; // #line_first
};
// expected-note@#line_first 1+ {{'Line' is address-sensitive because member 'first' has type 'Token'}}

// ---------------------------------------------------------------------------
// Buggy forms.

void index_then_store(SymbolIndex &index, std::vector<Token> &all) {
  Token t("identifier");
  index.add(t); // expected-note {{'t' is pinned here: it is passed to pinning parameter 't' of 'add'}}
  all.push_back(t); // expected-warning {{'t' is copied by 'std::vector::push_back' after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
}

std::string_view index_then_move(SymbolIndex &index) {
  Token t("keyword");
  index.add(t); // expected-note {{'t' is pinned here: it is passed to pinning parameter 't' of 'add'}}
  Token moved = std::move(t); // expected-warning {{'t' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  return moved.text(); // points into t's buffer, which dies here
}

void index_line(SymbolIndex &index, std::vector<Line> &lines) {
  Line l{7, Token("main")};
  index.add(l.first); // expected-note {{'l.first' is passed to pinning parameter 't' of 'add'}}
  Line copy = l; // expected-warning {{'l' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  lines.push_back(std::move(copy));
}

// ---------------------------------------------------------------------------
// Fixed forms: no diagnostics.

// Keep the text, not the token.
void index_then_store_fixed(SymbolIndex &index, std::vector<std::string> &all) {
  Token t("identifier");
  index.add(t);
  all.emplace_back(t.text()); // an owning copy of the characters
}

// Need another token? Build a fresh one from the text: its view points into
// its own buffer.
std::string index_then_copy_fixed(SymbolIndex &index) {
  Token t("keyword");
  index.add(t);
  Token fresh(t.text());
  return std::string(fresh.text());
}

// Not a fix, and not reported: a Token moved before anything pinned it is
// broken all the same, since its view was pointed into its own buffer by the
// constructor. pincheck reports relocations of pinned values only (moves
// before the pin are allowed by design); docs/model.md "Where it comes from" calls a defaulted
// copy or move of an address-sensitive type suspicious even before any value
// is pinned, which no check reports yet. (The real fix is below.)
std::string_view moved_before_pin(SymbolIndex &index, std::vector<Token> &all) {
  Token t("identifier");
  all.push_back(std::move(t)); // known miss (by design today): not pinned yet
  index.add(all.back());
  return all.back().text(); // points into t's buffer, which dies here
}

// The real fix for a self-view type: copy and move rebase the view onto the
// new object's own buffer. Through these address-aware members, copies of an
// indexed token are cooperative.
class RebasingToken {
public:
  explicit RebasingToken(std::string_view s) { assign(s); }
  RebasingToken(const RebasingToken &other) PIN_ADDRESS_AWARE { assign(other.text()); }
  RebasingToken &operator=(const RebasingToken &other) PIN_ADDRESS_AWARE {
    assign(other.text());
    return *this;
  }
  std::string_view text() const { return text_; }

private:
  void assign(std::string_view s) {
    std::size_t n = s.size() < sizeof buf_ ? s.size() : sizeof buf_;
    std::memmove(buf_, s.data(), n);
    text_ = std::string_view(buf_, n);
  }
  [[no_unique_address]] pin::phantom_pinned pin_; // #rebasing_pin
  char buf_[32];
  std::string_view text_;
};

void keep_rebasing_token(RebasingToken &slot) {
  RebasingToken t("identifier");
  pin::mark_pinned(t); // say, its address went to a C library
  RebasingToken u = t; // the copy rebases its view
  slot = t;            // so does the assignment
  (void)u;
}

// ---------------------------------------------------------------------------
// A copy made inside a library call (std::vector's push_back, emplace_back)
// goes through the same PIN_ADDRESS_AWARE copy constructor as one written
// directly (above): cooperative, not reported either.

void store_rebasing_token(std::vector<RebasingToken> &all) {
  RebasingToken t("identifier");
  pin::mark_pinned(t);
  all.push_back(t);
  all.emplace_back(t);
}
