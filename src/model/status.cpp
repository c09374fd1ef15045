// Status JSON, as a boost::json tree and as text written directly (the same bytes:
// tests/unit/model/status_test.cpp).
#include "model/status.h"

#include "util/json_writer.h"

namespace parley::model {

boost::json::object to_json(const Status& s) {
  return {{"user_id", s.user_id},
          {"status", s.status},
          {"manual", s.manual},
          {"last_activity_at", s.last_activity_at},
          {"dnd_end_time", s.dnd_end_time}};
}

void append_json_text(std::string& out, const Status& s) {
  out += "{\"user_id\":";
  json::append_string(out, s.user_id);
  json::append_string_field(out, "status", s.status);
  json::append_key(out, "manual");
  json::append_bool(out, s.manual);
  json::append_int_field(out, "last_activity_at", s.last_activity_at);
  json::append_int_field(out, "dnd_end_time", s.dnd_end_time);
  out += '}';
}

}  // namespace parley::model
