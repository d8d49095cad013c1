// Real code from nlohmann-json3-dev: parse, inspect, modify, serialise JSON,
// convert user types both ways, JSON pointer/patch and the binary formats.
#include <nlohmann/json.hpp>

#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

using nlohmann::json;

namespace shop {
struct Item {
  std::string name;
  double price = 0;
  std::vector<std::string> tags;
  std::map<std::string, int> stock;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Item, name, price, tags, stock)

struct Order {
  int id = 0;
  std::vector<Item> items;
  std::optional<std::string> note;
};
void to_json(json &j, const Order &o) {
  j = json{{"id", o.id}, {"items", o.items}};
  if (o.note)
    j["note"] = *o.note;
}
void from_json(const json &j, Order &o) {
  j.at("id").get_to(o.id);
  j.at("items").get_to(o.items);
  if (j.contains("note"))
    o.note = j["note"].get<std::string>();
}
} // namespace shop

static const char *Text = R"({
  "id": 42,
  "items": [
    {"name": "apple", "price": 0.5, "tags": ["fruit", "red"], "stock": {"a": 3, "b": 7}},
    {"name": "pear", "price": 0.75, "tags": ["fruit"], "stock": {}}
  ],
  "note": "deliver before noon"
})";

double total(const json &order) {
  double sum = 0;
  for (const auto &item : order["items"])
    sum += item.value("price", 0.0);
  return sum;
}

int main() {
  json j = json::parse(Text);
  shop::Order o = j.get<shop::Order>();
  o.items.push_back({"plum", 1.25, {"fruit", "purple"}, {{"c", 1}}});
  json back = o;
  std::cout << back.dump(2) << '\n' << total(back) << '\n';

  for (auto &[key, value] : back.items())
    std::cout << key << ": " << value.type_name() << '\n';
  json patch = json::diff(j, back);
  json restored = j.patch(patch);
  std::cout << (restored == back) << '\n';
  std::cout << back.at(json::json_pointer("/items/0/name")) << '\n';
  json flat = back.flatten();
  std::cout << flat.unflatten().dump() << '\n';

  std::vector<std::uint8_t> cbor = json::to_cbor(back);
  std::vector<std::uint8_t> msgpack = json::to_msgpack(back);
  std::vector<std::uint8_t> ubjson = json::to_ubjson(back);
  std::cout << (json::from_cbor(cbor) == json::from_msgpack(msgpack)) << ' '
            << json::from_ubjson(ubjson).size() << '\n';

  json arr = json::array({1, 2, 3});
  arr.insert(arr.begin(), 0);
  arr.erase(arr.begin() + 1);
  std::sort(arr.begin(), arr.end(), [](const json &a, const json &b) { return a > b; });
  json merged = R"({"a": 1, "b": {"c": 2}})"_json;
  merged.merge_patch(R"({"b": {"c": null, "d": 3}})"_json);
  std::cout << arr << merged << '\n';

  auto cb = [](int depth, json::parse_event_t ev, json &parsed) {
    return !(ev == json::parse_event_t::key && parsed == json("note")) || depth > 3;
  };
  std::cout << json::parse(Text, cb).dump() << '\n';
  return 0;
}
