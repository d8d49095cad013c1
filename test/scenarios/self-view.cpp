// Scenario: a token whose std::string_view member points into its own inline
// char buffer. A defaulted copy or move copies the view unchanged, so the new
// token's view still points into the old token's buffer (and dangles once the
// old one dies). The type is marked address-sensitive with a
// pin::phantom_pinned member. Its constructor points the view into the
// buffer, so every token is pinned from its construction (docs/model.md,
// "Pinned from construction"), before it is handed to an index that keeps its
// address (a PIN_PINS parameter). The fixed forms copy the text instead of the
// token, or build a fresh token from the text. The class itself is reported
// once (pin-self-reference): its implicit copy and move are used; and a
// push_back into a std::vector<Token> may relocate tokens that are all
// pinned (pin-container-relocation).
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

class Token { // #token_class
// expected-warning@-1 {{'Token' is self-referential, but its implicit copy constructor and implicit move constructor copy member 'text_' unchanged, so the new object refers into the original; define them to re-point 'text_' into the new object, or delete them (= delete) [pin-self-reference]}}
public:
  explicit Token(std::string_view s) {
    std::size_t n = s.size() < sizeof buf_ ? s.size() : sizeof buf_;
    std::memcpy(buf_, s.data(), n);
    text_ = std::string_view(buf_, n); // #token_view: points into this object
  }
  std::string_view text() const { return text_; }

private:
  [[no_unique_address]] pin::phantom_pinned pin_; // #token_pin
  char buf_[32];
  std::string_view text_;
};
// expected-note@#token_pin 1+ {{'Token' is address-sensitive because member 'pin_' has marker type 'pin::phantom_pinned'}}
// expected-note@#token_view 1+ {{member 'text_' is made to refer into member 'buf_' here}}
// expected-note@#token_view 3 {{'Token' is self-referential: its constructor makes member 'text_' refer into member 'buf_'}}
// expected-note@#token_class 2 {{the elements are moved by the implicit move constructor of 'Token', which does not re-point member 'text_' into its new object}}
// expected-note@#token_moved {{'Token' is moved here by its implicit move constructor}}
// expected-note@#line_copy {{'Token' is copied here by its implicit copy constructor, as part of 'Line'}}

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
  Token t("identifier"); // expected-note {{'t' is pinned from its construction: constructor 'Token' makes member 'text_' refer into member 'buf_'}}
  index.add(t);
  all.push_back(t); // expected-warning {{'t' is copied by 'std::vector::push_back' after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  // expected-warning@-1 {{'push_back' may relocate the elements of 'all', which are pinned from their construction; each one moves to a new address and still refers to its old one [pin-container-relocation]}}
}

std::string_view index_then_move(SymbolIndex &index) {
  Token t("keyword"); // expected-note {{'t' is pinned from its construction: constructor 'Token' makes member 'text_' refer into member 'buf_'}}
  index.add(t);
  Token moved = std::move(t); // #token_moved
  // expected-warning@-1 {{'t' is moved after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  return moved.text(); // points into t's buffer, which dies here
}

void index_line(SymbolIndex &index, std::vector<Line> &lines) {
  Line l{7, Token("main")}; // expected-note {{'l' is pinned from its construction: its initializer builds member 'first' with constructor 'Token', which makes member 'text_' refer into member 'buf_'}}
  index.add(l.first);
  Line copy = l; // #line_copy
  // expected-warning@-1 {{'l' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
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

// Not a fix: a Token moved before anything registered it is broken all the
// same, since its view was pointed into its own buffer by the constructor.
// It is pinned from its construction, so the move is reported. (The real fix
// is below.)
std::string_view moved_before_pin(SymbolIndex &index, std::vector<Token> &all) {
  Token t("identifier"); // expected-note {{'t' is pinned from its construction: constructor 'Token' makes member 'text_' refer into member 'buf_'}}
  all.push_back(std::move(t)); // expected-warning {{'t' is moved by 'std::vector::push_back' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
  // expected-warning@-1 {{'push_back' may relocate the elements of 'all', which are pinned from their construction; each one moves to a new address and still refers to its old one [pin-container-relocation]}}
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
