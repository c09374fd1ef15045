// Persistence of user statuses (the Status table).
#pragma once

#include "model/status.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::store {

class StatusStore {
 public:
  virtual ~StatusStore() = default;
  virtual std::optional<model::Status> get(std::string_view user_id) = 0;
  // Rows that exist, in no particular order.
  virtual std::vector<model::Status> get_many(const std::vector<std::string>& user_ids) = 0;
  virtual void save(const model::Status& s) = 0;  // insert or replace
  virtual void update_last_activity(std::string_view user_id, int64_t at) = 0;
  // Every status that is not "offline".
  virtual std::vector<model::Status> not_offline() = 0;
  // Sets every status that was not set by hand to offline (server start).
  virtual void reset_all() = 0;
  // Ends timed DND statuses whose end (seconds) is <= now_seconds: they return to their previous
  // status, not manual. Returns the statuses as they are now.
  virtual std::vector<model::Status> expire_dnd(int64_t now_seconds) = 0;
};

}  // namespace parley::store
