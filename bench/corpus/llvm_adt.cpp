// Real code from LLVM 22's own headers (llvm-22-dev): ADT containers,
// Support utilities, formatv, the JSON library, Error/Expected and casting.
#include "llvm/ADT/APInt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/Casting.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

struct Shape {
  enum Kind { K_Circle, K_Square } TheKind;
  explicit Shape(Kind K) : TheKind(K) {}
  Kind getKind() const { return TheKind; }
};
struct Circle : Shape {
  double R;
  explicit Circle(double R) : Shape(K_Circle), R(R) {}
  static bool classof(const Shape *S) { return S->getKind() == K_Circle; }
};
struct Square : Shape {
  double Side;
  explicit Square(double S) : Shape(K_Square), Side(S) {}
  static bool classof(const Shape *S) { return S->getKind() == K_Square; }
};

static double area(const Shape *S) {
  if (const auto *C = dyn_cast<Circle>(S))
    return 3.14159 * C->R * C->R;
  return cast<Square>(S)->Side * cast<Square>(S)->Side;
}

static Expected<int> parseLevel(StringRef S) {
  int V = StringSwitch<int>(S).Case("low", 1).Case("mid", 2).Case("high", 3).Default(0);
  if (!V)
    return createStringError(inconvertibleErrorCode(), "bad level '%s'", S.str().c_str());
  return V;
}

struct Graph {
  DenseMap<unsigned, SmallVector<unsigned, 4>> Succ;
};

int main(int argc, char **argv) {
  BumpPtrAllocator Alloc;
  SmallVector<Shape *, 8> Shapes;
  for (int I = 0; I < 4; ++I)
    Shapes.push_back(I % 2 ? static_cast<Shape *>(new (Alloc.Allocate<Circle>()) Circle(I))
                           : new (Alloc.Allocate<Square>()) Square(I));
  double Total = 0;
  for (Shape *S : Shapes)
    Total += area(S);

  StringMap<unsigned> Words;
  SmallVector<StringRef, 16> Parts;
  StringRef("the quick brown fox jumps over the lazy dog the end").split(Parts, ' ');
  for (StringRef P : Parts)
    ++Words[P];
  MapVector<StringRef, unsigned> Ordered;
  for (auto &E : Words)
    Ordered.insert({E.getKey(), E.getValue()});
  SetVector<unsigned> Seen;
  DenseSet<unsigned> Unique;
  for (unsigned V : {3u, 1u, 3u, 2u})
    if (Unique.insert(V).second)
      Seen.insert(V);

  APInt A(128, 1);
  A = A.shl(100) + APInt(128, 12345);
  SmallString<64> Buf;
  A.toStringUnsigned(Buf, 16);

  for (StringRef L : {"low", "bogus"}) {
    Expected<int> Lvl = parseLevel(L);
    if (!Lvl)
      errs() << "error: " << toString(Lvl.takeError()) << '\n';
    else
      outs() << formatv("level {0} = {1,-4}|\n", L, *Lvl);
  }

  json::Object Obj{{"total", Total}, {"hex", Buf.str()}, {"argc", argc}};
  json::Array Arr;
  for (auto &E : Ordered)
    Arr.push_back(json::Object{{"word", E.first}, {"n", E.second}});
  Obj["words"] = std::move(Arr);
  outs() << formatv("{0:2}", json::Value(std::move(Obj))) << '\n';
  if (Expected<json::Value> V = json::parse(R"({"a": [1, 2, {"b": null}]})"))
    outs() << *V << '\n';
  else
    consumeError(V.takeError());

  if (argc > 1)
    if (ErrorOr<std::unique_ptr<MemoryBuffer>> MB = MemoryBuffer::getFile(argv[1]))
      outs() << (*MB)->getBufferSize() << '\n';
  outs() << join(map_range(Seen, [](unsigned V) { return std::to_string(V); }), ",") << ' '
         << Twine(static_cast<int>(Total)).str() << ' ' << llvm::count_if(Parts, [](StringRef S) { return S.size() > 3; })
         << '\n';
  return 0;
}
