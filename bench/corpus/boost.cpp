// Real code from libboost-dev (Boost 1.74, headers): the graph library
// (Dijkstra, BFS, topological sort), string algorithms, containers,
// multi_index, optional/variant and a Spirit X3 parser.
#include <boost/algorithm/string.hpp>
#include <boost/container/flat_map.hpp>
#include <boost/container/small_vector.hpp>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/topological_sort.hpp>
#include <boost/multi_index/hashed_index.hpp>
#include <boost/multi_index/member.hpp>
#include <boost/multi_index/ordered_index.hpp>
#include <boost/multi_index_container.hpp>
#include <boost/optional.hpp>
#include <boost/spirit/home/x3.hpp>
#include <boost/variant.hpp>

#include <iostream>
#include <string>
#include <vector>

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, int>>;

struct Employee {
  int id;
  std::string name;
};
using Employees = boost::multi_index_container<
    Employee, boost::multi_index::indexed_by<
                  boost::multi_index::ordered_unique<boost::multi_index::member<Employee, int, &Employee::id>>,
                  boost::multi_index::hashed_non_unique<
                      boost::multi_index::member<Employee, std::string, &Employee::name>>>>;

struct Printer : boost::static_visitor<std::string> {
  std::string operator()(int i) const { return "int " + std::to_string(i); }
  std::string operator()(const std::string &s) const { return "string " + s; }
};

boost::optional<std::vector<double>> parse_numbers(const std::string &s) {
  namespace x3 = boost::spirit::x3;
  std::vector<double> out;
  auto first = s.begin();
  bool ok = x3::phrase_parse(first, s.end(), x3::double_ % ',', x3::space, out);
  if (!ok || first != s.end())
    return boost::none;
  return out;
}

int main() {
  Graph g(6);
  int edges[][3] = {{0, 1, 7}, {0, 2, 9}, {0, 5, 14}, {1, 2, 10}, {1, 3, 15}, {2, 3, 11}, {2, 5, 2}, {3, 4, 6}};
  for (auto &e : edges)
    boost::add_edge(e[0], e[1], e[2], g);
  std::vector<int> dist(boost::num_vertices(g));
  std::vector<Graph::vertex_descriptor> pred(boost::num_vertices(g));
  boost::dijkstra_shortest_paths(g, 0,
                                 boost::predecessor_map(pred.data()).distance_map(dist.data()));
  std::vector<Graph::vertex_descriptor> order;
  boost::topological_sort(g, std::back_inserter(order));
  boost::default_bfs_visitor vis;
  boost::breadth_first_search(g, boost::vertex(0, g), boost::visitor(vis));
  for (auto v : order)
    std::cout << v << ':' << dist[v] << ' ';

  std::string line = "  Hello, Boost World  ";
  boost::algorithm::trim(line);
  std::vector<std::string> words;
  boost::algorithm::split(words, line, boost::is_any_of(" ,"), boost::token_compress_on);
  std::cout << boost::algorithm::to_upper_copy(boost::algorithm::join(words, "_")) << '\n';

  boost::container::flat_map<std::string, int> fm{{"b", 2}, {"a", 1}};
  boost::container::small_vector<int, 4> sv{1, 2, 3, 4, 5};
  Employees emps;
  emps.insert({2, "bob"});
  emps.insert({1, "alice"});
  std::cout << emps.get<1>().count("bob") << ' ' << fm.begin()->first << ' ' << sv.size() << '\n';

  boost::variant<int, std::string> var = std::string("text");
  std::cout << boost::apply_visitor(Printer(), var) << '\n';
  if (auto nums = parse_numbers("1.5, 2, 3.25"))
    std::cout << nums->size() << '\n';
  return 0;
}
