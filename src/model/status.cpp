// Status JSON.
#include "model/status.h"

namespace parley::model {

boost::json::object to_json(const Status& s) {
  return {{"user_id", s.user_id},
          {"status", s.status},
          {"manual", s.manual},
          {"last_activity_at", s.last_activity_at},
          {"dnd_end_time", s.dnd_end_time}};
}

}  // namespace parley::model
