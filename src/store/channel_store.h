// Persistence of channels and channel memberships.
#pragma once

#include "model/channel.h"

#include <optional>
#include <string_view>
#include <vector>

namespace parley::store {

class ChannelStore {
 public:
  virtual ~ChannelStore() = default;
  virtual std::optional<model::Channel> get(std::string_view id) = 0;
  virtual std::optional<model::ChannelMember> get_member(std::string_view channel_id,
                                                         std::string_view user_id) = 0;
  virtual std::vector<std::string> member_user_ids(std::string_view channel_id) = 0;
};

}  // namespace parley::store
