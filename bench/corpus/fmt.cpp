// Real code from libfmt-dev (header-only mode, so fmt's own implementation
// in format-inl.h is compiled too): formatting, ranges, chrono, colours,
// compile-time format strings and a user formatter.
#define FMT_HEADER_ONLY
#include <fmt/chrono.h>
#include <fmt/color.h>
#include <fmt/compile.h>
#include <fmt/format.h>
#include <fmt/os.h>
#include <fmt/ostream.h>
#include <fmt/printf.h>
#include <fmt/ranges.h>

#include <chrono>
#include <map>
#include <string>
#include <tuple>
#include <vector>

struct Point {
  double x, y;
};

template <> struct fmt::formatter<Point> {
  char presentation = 'f';
  constexpr auto parse(format_parse_context &ctx) -> decltype(ctx.begin()) {
    auto it = ctx.begin(), end = ctx.end();
    if (it != end && (*it == 'f' || *it == 'e'))
      presentation = *it++;
    return it;
  }
  template <typename Ctx> auto format(const Point &p, Ctx &ctx) const -> decltype(ctx.out()) {
    return presentation == 'f' ? fmt::format_to(ctx.out(), "({:.1f}, {:.1f})", p.x, p.y)
                               : fmt::format_to(ctx.out(), "({:.1e}, {:.1e})", p.x, p.y);
  }
};

std::string report(const std::vector<int> &v, const std::map<std::string, double> &m) {
  fmt::memory_buffer buf;
  fmt::format_to(std::back_inserter(buf), "values: {}\n", v);
  fmt::format_to(std::back_inserter(buf), "map: {}\n", m);
  fmt::format_to(std::back_inserter(buf), "joined: {}\n", fmt::join(v, " | "));
  for (const auto &[k, val] : m)
    fmt::format_to(std::back_inserter(buf), "{:>10}: {:08.3f} {:#x}\n", k, val, int(val));
  return fmt::to_string(buf);
}

int main() {
  std::vector<int> v{1, 2, 3, 5, 8, 13};
  std::map<std::string, double> m{{"pi", 3.14159}, {"e", 2.71828}};
  fmt::print("{}", report(v, m));
  fmt::print("{} {:e} {}\n", Point{1, 2}, Point{3, 4}, std::make_tuple(1, 'a', "b"));
  fmt::print(fg(fmt::color::crimson) | fmt::emphasis::bold, "Hello, {}!\n", "world");
  auto now = std::chrono::system_clock::now();
  fmt::print("{:%Y-%m-%d} {}\n", now, std::chrono::milliseconds(1234));
  std::string s = fmt::format(FMT_COMPILE("{} + {} = {}"), 2, 3, 5);
  fmt::printf("%s %5d %-8.3f\n", s, 42, 1.5);
  std::string w = fmt::format("{:*^20}|{:<6}|{:+}", "centre", true, 17);
  fmt::print(stderr, "{} {}\n", w, fmt::format_error("x").what());
  auto out = fmt::output_file("/dev/null");
  out.print("{}\n", v);
  return 0;
}
