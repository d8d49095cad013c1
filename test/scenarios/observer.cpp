// Scenario: the observer pattern. An observer's constructor registers `this`
// with its subject (or pushes it into a global registry), so every observer is
// pinned from the moment it is made: copying it gives an object the subject
// never heard of (and whose destructor detaches the original's registration).
// pincheck treats `this` escaping a constructor as pinning every object that
// constructor makes (docs/analysis.md, "this escaping a constructor").
// The fixed forms delete the copy constructor and pass observers by
// reference, make a fresh observer instead of a copy, or re-register in an
// address-aware copy constructor.
//
// RUN: %pincc -fsyntax-only -std=c++17 -Xclang -verify %s
// RUN: %pincc -fsyntax-only -std=c++20 -Xclang -verify %s

#include <utility>
#include <vector>

#include <pin/pin.h>

struct PriceFeed;
struct Watcher;
struct Subscriber;

struct PIN_ADDRESS_SENSITIVE PriceObserver { // #price_observer
  explicit PriceObserver(PriceFeed &feed);
  ~PriceObserver();
  PriceObserver(const PriceObserver &) = default; // the bug: copies are not attached
  void on_price(double p) { last = p; }
  PriceFeed *feed;
  double last = 0;
};
// expected-note@#price_observer 1+ {{'PriceObserver' is address-sensitive because it is annotated address-sensitive}}

struct PriceFeed {
  std::vector<PriceObserver *> observers;
  std::vector<Watcher *> watchers;
  void attach(PriceObserver *o) { observers.push_back(o); }
  void attach(Watcher *w) { watchers.push_back(w); }
  void attach(Subscriber *s);
  template <class F> void subscribe(F callback); // keeps the callback
  void detach(PriceObserver *o) {
    for (auto &p : observers)
      if (p == o)
        p = nullptr;
  }
};

PriceObserver::PriceObserver(PriceFeed &feed) : feed(&feed) {
  feed.attach(this); // #attach
}
PriceObserver::~PriceObserver() { feed->detach(this); }

// A second observer that registers itself in a global registry.
struct LogSink;
std::vector<LogSink *> g_sinks;

struct PIN_ADDRESS_SENSITIVE LogSink { // #log_sink
  LogSink() { g_sinks.push_back(this); } // #registry_push
  LogSink(const LogSink &) = default;
  LogSink(LogSink &&) = default;
  int level = 0;
};
// expected-note@#log_sink 1+ {{'LogSink' is address-sensitive because it is annotated address-sensitive}}

void report(PriceObserver observer); // takes its argument by value

// ---------------------------------------------------------------------------
// Buggy forms.

void snapshot(PriceFeed &feed) {
  PriceObserver live(feed); // expected-note {{'live' is pinned here: it is made by constructor 'PriceObserver', which lets 'this' escape}}
  // expected-note@#attach {{'this' escapes here: it is passed to 'attach'}}
  PriceObserver saved = live; // expected-warning {{'live' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  (void)saved;
}

void print_observer(PriceFeed &feed) {
  PriceObserver live(feed); // expected-note {{'live' is pinned here: it is made by constructor 'PriceObserver', which lets 'this' escape}}
  // expected-note@#attach {{'this' escapes here: it is passed to 'attach'}}
  report(live); // expected-warning {{'live' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
}

void collect(PriceFeed &feed, std::vector<PriceObserver> &all) {
  PriceObserver live(feed); // expected-note {{'live' is pinned here: it is made by constructor 'PriceObserver', which lets 'this' escape}}
  // expected-note@#attach {{'this' escapes here: it is passed to 'attach'}}
  all.push_back(live); // expected-warning {{'live' is copied by 'std::vector::push_back' after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
}

LogSink make_sink() {
  LogSink sink; // expected-note {{'sink' is pinned here: it is made by constructor 'LogSink', which lets 'this' escape}}
  // expected-note@#registry_push {{'this' escapes here: it is passed to 'push_back'}}
  sink.level = 2;
  return sink; // expected-warning {{'sink' is moved by the implicit move in 'return' after it was pinned; pointers to its old address now see a moved-from object [pin-move]}}
}

// An observer whose constructor subscribes a callback that captures `this`:
// the same bug as PriceObserver.
struct PIN_ADDRESS_SENSITIVE Ticker { // #ticker
  explicit Ticker(PriceFeed &feed) {
    feed.subscribe([this](double p) { last = p; }); // #ticker_subscribe
  }
  Ticker(const Ticker &) = default;
  double last = 0;
};
// expected-note@#ticker 1+ {{'Ticker' is address-sensitive because it is annotated address-sensitive}}

void snapshot_ticker(PriceFeed &feed) {
  Ticker live(feed); // expected-note {{'live' is pinned here: it is made by constructor 'Ticker', which lets 'this' escape}}
  // expected-note@#ticker_subscribe {{'this' escapes here: it is passed to 'subscribe'}}
  Ticker saved = live; // expected-warning {{'live' is copied after it was pinned; the copy's self-pointers and registrations still refer to the original [pin-copy]}}
  (void)saved;
}

// ---------------------------------------------------------------------------
// Fixed forms: no diagnostics.

// The copy constructor is deleted: observers are passed by reference.
struct PIN_ADDRESS_SENSITIVE Watcher {
  explicit Watcher(PriceFeed &feed) : feed(&feed) { feed.attach(this); }
  Watcher(const Watcher &) = delete;
  Watcher &operator=(const Watcher &) = delete;
  PriceFeed *feed;
  double last = 0;
};

void report_by_ref(const PriceObserver &observer);

void snapshot_fixed(PriceFeed &feed) {
  PriceObserver live(feed);
  double saved = live.last; // copy the data, not the observer
  (void)saved;
  report_by_ref(live);       // borrowed for the call, no copy
  Watcher w(feed);
  (void)w;
}

// Want a second observer? Make a fresh one: its constructor registers it.
void collect_fixed(PriceFeed &feed) {
  PriceObserver live(feed);
  PriceObserver second(*live.feed);
  (void)second;
}

// A copy constructor that registers the copy is address-aware: copying a
// subscriber (pinned from birth, like PriceObserver) is cooperative.
struct PIN_ADDRESS_SENSITIVE Subscriber {
  explicit Subscriber(PriceFeed &feed) : feed(&feed) { feed.attach(this); }
  Subscriber(const Subscriber &other) PIN_ADDRESS_AWARE : feed(other.feed) { feed->attach(this); }
  PriceFeed *feed;
};

void copy_subscriber(PriceFeed &feed) {
  Subscriber s(feed);
  Subscriber t = s; // the copy registers itself
  (void)t;
}
