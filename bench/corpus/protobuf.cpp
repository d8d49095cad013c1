// Real code from libprotobuf-dev: the generated well-known-type messages
// (Struct, Timestamp, Any, descriptor.proto), reflection, JSON and text
// formats, a dynamic message and the containers.
#include <google/protobuf/any.pb.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/map.h>
#include <google/protobuf/repeated_field.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/timestamp.pb.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>
#include <google/protobuf/util/time_util.h>

#include <iostream>
#include <string>

namespace pb = google::protobuf;

static const pb::Descriptor *buildPerson(pb::DescriptorPool &pool) {
  pb::FileDescriptorProto file;
  file.set_name("person.proto");
  file.set_package("demo");
  pb::DescriptorProto *msg = file.add_message_type();
  msg->set_name("Person");
  const char *names[] = {"name", "email"};
  for (int i = 0; i < 2; ++i) {
    pb::FieldDescriptorProto *f = msg->add_field();
    f->set_name(names[i]);
    f->set_number(i + 1);
    f->set_type(pb::FieldDescriptorProto::TYPE_STRING);
    f->set_label(pb::FieldDescriptorProto::LABEL_OPTIONAL);
  }
  pb::FieldDescriptorProto *id = msg->add_field();
  id->set_name("id");
  id->set_number(3);
  id->set_type(pb::FieldDescriptorProto::TYPE_INT32);
  id->set_label(pb::FieldDescriptorProto::LABEL_REPEATED);
  const pb::FileDescriptor *fd = pool.BuildFile(file);
  return fd ? fd->FindMessageTypeByName("Person") : nullptr;
}

int main() {
  pb::Struct s;
  (*s.mutable_fields())["name"].set_string_value("pincheck");
  (*s.mutable_fields())["stars"].set_number_value(42);
  pb::ListValue *list = (*s.mutable_fields())["tags"].mutable_list_value();
  list->add_values()->set_bool_value(true);
  std::string json;
  pb::util::JsonPrintOptions opts;
  opts.add_whitespace = true;
  if (!pb::util::MessageToJsonString(s, &json, opts).ok())
    return 1;
  pb::Struct back;
  if (!pb::util::JsonStringToMessage(json, &back).ok())
    return 1;
  std::cout << json << pb::util::MessageDifferencer::Equals(s, back) << '\n';

  pb::Timestamp ts = pb::util::TimeUtil::GetCurrentTime();
  ts = ts + pb::util::TimeUtil::SecondsToDuration(60);
  pb::Any any;
  any.PackFrom(ts);
  pb::Timestamp unpacked;
  if (any.UnpackTo(&unpacked))
    std::cout << pb::util::TimeUtil::ToString(unpacked) << '\n';

  pb::DescriptorPool pool;
  const pb::Descriptor *person = buildPerson(pool);
  pb::DynamicMessageFactory factory(&pool);
  std::unique_ptr<pb::Message> m(factory.GetPrototype(person)->New());
  const pb::Reflection *r = m->GetReflection();
  r->SetString(m.get(), person->FindFieldByName("name"), "Ada");
  r->AddInt32(m.get(), person->FindFieldByName("id"), 7);
  std::string text;
  pb::TextFormat::PrintToString(*m, &text);
  std::string wire = m->SerializeAsString();
  std::cout << text << wire.size() << ' ' << m->DebugString() << '\n';

  pb::RepeatedField<int> ints;
  for (int i = 0; i < 10; ++i)
    ints.Add(i * i);
  pb::RepeatedPtrField<std::string> strs;
  *strs.Add() = "a";
  pb::Map<std::string, int> map;
  map["x"] = 1;
  int sum = 0;
  for (int v : ints)
    sum += v;
  std::cout << sum << ' ' << strs.size() << ' ' << map.at("x") << '\n';
  return 0;
}
