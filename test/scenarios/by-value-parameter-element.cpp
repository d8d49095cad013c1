// Scenario: a log shipper takes a batch of records by value (it owns the
// copy, so it edits it freely), keeps a pointer to the batch's header record
// and then appends a trailer record before patching the header's count. The
// parameter being a private copy does not help: its `records` vector is
// still a vector, and the push_back that outgrows its capacity moves every
// record to new storage. The header pointer then points into the freed
// block, and the count is written into freed memory (or, after the block is
// reused, into someone else's data). The same happens with a reference to
// the last record kept across an emplace_back, and with a helper that takes
// the batch by reference and appends to it. pincheck reports the call that
// may grow `batch.records`, with notes at the borrow and at the use after
// it. The fixed forms keep an index instead of a pointer, or take the
// pointer after the growth.
//
// RUN: %pincc_real -fsyntax-only -std=c++20 -Xclang -verify %s

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

struct Record {
  std::string text;
  std::size_t count = 0; // for a header: how many records follow
  bool is_trailer = false;
};

struct Batch {
  std::vector<Record> records; // records[0] is the header
  int shard = 0;
};

void ship(const Batch &batch);

// Appends a trailer record to the batch.
void add_trailer(Batch &b) {
  Record t;
  t.is_trailer = true;
  b.records.push_back(std::move(t)); // #trailer_push
}

// ---------------------------------------------------------------------------
// Buggy forms.

void finish_and_ship(Batch batch) {
  Record *header = &batch.records[0]; // expected-note {{'header' refers to an element of 'batch.records' here}}
  Record trailer;
  trailer.is_trailer = true;
  batch.records.push_back(trailer); // expected-warning {{'push_back' may relocate the elements of 'batch.records' while 'header' still refers to one of them; the element moves to a new address and 'header' dangles [pin-container-relocation]}}
  header->count = batch.records.size() - 1; // expected-note {{'header' is used here, after the call}}
  ship(batch);
}

// A reference to the last record, kept across an emplace_back.
void split_last(Batch batch, std::size_t at) {
  Record &last = batch.records.back(); // expected-note {{'last' refers to an element of 'batch.records' here}}
  batch.records.emplace_back(); // expected-warning {{'emplace_back' may relocate the elements of 'batch.records' while 'last' still refers to one of them; the element moves to a new address and 'last' dangles [pin-container-relocation]}}
  batch.records.back().text = last.text.substr(at); // expected-note {{'last' is used here, after the call}}
  last.text.resize(at);
  ship(batch);
}

// The growth happens in a helper that takes the batch by reference.
void finish_with_helper(Batch batch) {
  Record *header = &batch.records.front(); // expected-note {{'header' refers to an element of 'batch.records' here}}
  add_trailer(batch); // expected-warning {{'add_trailer' may relocate the elements of 'batch.records' while 'header' still refers to one of them; the element moves to a new address and 'header' dangles [pin-container-relocation]}}
  // expected-note@#trailer_push {{it calls 'push_back' on the container here}}
  header->count = batch.records.size() - 1; // expected-note {{'header' is used here, after the call}}
  ship(batch);
}

// ---------------------------------------------------------------------------
// Fixed forms: no diagnostics.

// An index survives the growth: look the record up again through it.
void finish_and_ship_by_index(Batch batch) {
  const std::size_t header = 0;
  Record trailer;
  trailer.is_trailer = true;
  batch.records.push_back(trailer);
  batch.records[header].count = batch.records.size() - 1;
  ship(batch);
}

// Grow first, then take the pointer.
void finish_and_ship_pointer_after(Batch batch) {
  add_trailer(batch);
  Record *header = &batch.records[0];
  header->count = batch.records.size() - 1;
  ship(batch);
}

// Copy what is needed out of the element before the growth.
void split_last_copy(Batch batch, std::size_t at) {
  std::string tail = batch.records.back().text.substr(at);
  batch.records.back().text.resize(at);
  batch.records.emplace_back();
  batch.records.back().text = std::move(tail);
  ship(batch);
}
