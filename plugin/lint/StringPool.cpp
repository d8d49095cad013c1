// StringPool.cpp - one stored copy of each path, line and message of a run.
#include "StringPool.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/StringSaver.h"
#include <mutex>

namespace pincheck {
namespace lint {

llvm::StringRef intern(llvm::StringRef S) {
  if (S.empty())
    return llvm::StringRef();
  static std::mutex Lock;
  static llvm::BumpPtrAllocator Alloc;
  static llvm::UniqueStringSaver Saver(Alloc);
  std::lock_guard<std::mutex> Guard(Lock);
  return Saver.save(S);
}

} // namespace lint
} // namespace pincheck
