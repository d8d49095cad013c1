// Scenario: a scheduler owns its jobs in a member std::vector and orders
// them by deadline in a member std::priority_queue of Job pointers (a
// pointer comparator), so that it never copies a job to reorder it. Every
// submit appends the job and pushes the address of the new element into the
// queue. The next submit that outgrows the vector's capacity moves every job
// to new storage, and every pointer the queue holds now points into the
// freed block: the comparator reads freed memory on the next push or pop,
// and run_next() runs a job that is not there. Erasing finished jobs shifts
// the ones after them the same way. No borrow is in sight at any of these
// calls (the addresses live in another member), so pincheck finds the
// member functions of the class that store an element's address of a member
// container into a member (or a global), and then reports every call that
// may relocate that container's elements, with a note where the address is
// stored. The fixed forms queue indices instead of addresses, or keep the
// jobs in a container that never moves them: a std::deque that only grows
// at its end (push_back keeps references to its elements valid) or a
// std::list.
//
// RUN: %pincc_real -fsyntax-only -std=c++20 -Xclang -verify %s

#include <algorithm>
#include <cstddef>
#include <deque>
#include <functional>
#include <list>
#include <queue>
#include <string>
#include <utility>
#include <vector>

struct Job {
  std::string name;
  long deadline = 0;
  bool finished = false;
  std::function<void()> body;
};

struct LaterDeadline {
  bool operator()(const Job *a, const Job *b) const { return a->deadline > b->deadline; }
};

// ---------------------------------------------------------------------------
// Buggy: the queue holds addresses of the vector's elements.

class Scheduler {
public:
  // A constructor runs before any address is stored: not reported.
  explicit Scheduler(std::size_t expected) { jobs_.reserve(expected); }

  void submit(Job j) {
    jobs_.push_back(std::move(j)); // expected-warning {{'push_back' may relocate the elements of 'jobs_', which are pinned: their addresses are stored in member 'ready_', and each stored address dangles once they move [pin-container-relocation]}}
    ready_.push(&jobs_.back()); // #ready_push
  }
  // expected-note@#ready_push 3 {{the address of an element of 'jobs_' is stored in member 'ready_' here}}

  void run_next() {
    if (ready_.empty())
      return;
    Job *j = ready_.top();
    ready_.pop();
    j->body();
    j->finished = true;
  }

  // Dropping finished jobs shifts the later ones down: their queued
  // addresses now name other jobs.
  void drop_finished() {
    jobs_.erase(std::remove_if(jobs_.begin(), jobs_.end(), // expected-warning {{'erase' may relocate the elements of 'jobs_', which are pinned: their addresses are stored in member 'ready_', and each stored address dangles once they move [pin-container-relocation]}}
                               [](const Job &j) { return j.finished; }),
                jobs_.end());
  }

  // C++20's std::erase_if (and std::erase) shifts the elements exactly as
  // the member erase does.
  void drop_finished_cpp20() {
    std::erase_if(jobs_, [](const Job &j) { return j.finished; }); // expected-warning {{'std::erase_if' may relocate the elements of 'jobs_', which are pinned: their addresses are stored in member 'ready_'}}
  }

private:
  std::vector<Job> jobs_;
  std::priority_queue<Job *, std::vector<Job *>, LaterDeadline> ready_;
};

// The same with a global: a timeline that flags overdue jobs keeps their
// addresses in a global list.
std::vector<const Job *> g_overdue;

class Timeline {
public:
  void add(Job j) {
    jobs_.emplace_back(std::move(j)); // expected-warning {{'emplace_back' may relocate the elements of 'jobs_', which are pinned: their addresses are stored in global 'g_overdue', and each stored address dangles once they move [pin-container-relocation]}}
  }
  void flag_overdue(long now) {
    for (std::size_t i = 0; i < jobs_.size(); ++i)
      if (jobs_[i].deadline < now)
        g_overdue.push_back(&jobs_[i]); // expected-note {{the address of an element of 'jobs_' is stored in global 'g_overdue' here}}
  }

private:
  std::vector<Job> jobs_;
};

// ---------------------------------------------------------------------------
// Fixed forms: no diagnostics.

// The queue holds indices; the comparator looks the jobs up by index, so a
// job may move as often as the vector likes.
class IndexScheduler {
  struct LaterDeadlineAt {
    const std::vector<Job> *jobs;
    bool operator()(std::size_t a, std::size_t b) const {
      return (*jobs)[a].deadline > (*jobs)[b].deadline;
    }
  };

public:
  void submit(Job j) {
    jobs_.push_back(std::move(j));
    ready_.push(jobs_.size() - 1);
  }
  void run_next() {
    if (ready_.empty())
      return;
    std::size_t i = ready_.top();
    ready_.pop();
    jobs_[i].body();
    jobs_[i].finished = true;
  }

private:
  std::vector<Job> jobs_;
  std::priority_queue<std::size_t, std::vector<std::size_t>, LaterDeadlineAt> ready_{
      LaterDeadlineAt{&jobs_}};
};

// A std::deque that only grows at its end never moves an element, and a
// std::list keeps every element where it is, even when others are erased
// (as long as the erased ones are out of the queue): the queued addresses
// stay valid. The same scheduler over either, both instantiated (and so
// analysed).
template <class Store> class StableScheduler {
public:
  void submit(Job j) {
    jobs_.push_back(std::move(j));
    ready_.push(&jobs_.back());
  }
  void run_next() {
    if (ready_.empty())
      return;
    Job *j = ready_.top();
    ready_.pop();
    j->body();
    j->finished = true;
  }

protected:
  Store jobs_;
  std::priority_queue<Job *, std::vector<Job *>, LaterDeadline> ready_;
};
template class StableScheduler<std::deque<Job>>;

class ListScheduler : public StableScheduler<std::list<Job>> {
public:
  void drop_finished() {
    jobs_.remove_if([](const Job &j) { return j.finished; });
  }
};
template class StableScheduler<std::list<Job>>;
