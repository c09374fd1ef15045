// PostgreSQL implementation of store::ChannelStore (channels in channel_store.cpp, memberships and
// unread bookkeeping in channel_members.cpp).
#pragma once

#include "store/channel_store.h"
#include "store/postgres/db.h"

namespace parley::store::postgres {

class PgChannelStore final : public ChannelStore {
 public:
  explicit PgChannelStore(Db& db) : db_(db) {}
  void insert(const model::Channel& c) override;
  void update(const model::Channel& c) override;
  std::optional<model::Channel> get(std::string_view id) override;
  std::optional<model::Channel> get_by_name(std::string_view team_id, std::string_view name,
                                            bool include_deleted) override;
  std::vector<model::Channel> get_many(const std::vector<std::string>& ids) override;
  int64_t count_in_team(std::string_view team_id) override;
  std::vector<model::Channel> for_user(std::string_view user_id,
                                       const UserChannelQuery& q) override;
  std::vector<model::Channel> for_team(const TeamChannelQuery& q) override;
  std::vector<model::Channel> public_by_ids(std::string_view team_id,
                                            const std::vector<std::string>& ids) override;
  std::vector<model::Channel> search(const ChannelSearch& q) override;

  std::optional<model::ChannelMember> get_member(std::string_view channel_id,
                                                 std::string_view user_id) override;
  void save_member(const model::ChannelMember& m) override;
  void update_member(const model::ChannelMember& m) override;
  void remove_member(std::string_view channel_id, std::string_view user_id) override;
  void remove_team_memberships(std::string_view team_id, std::string_view user_id) override;
  std::vector<model::ChannelMember> members(std::string_view channel_id, int offset,
                                            int limit) override;
  std::vector<model::ChannelMember> members_by_ids(
      std::string_view channel_id, const std::vector<std::string>& user_ids) override;
  std::vector<model::ChannelMember> members_for_user_in_team(std::string_view user_id,
                                                             std::string_view team_id) override;
  std::vector<ChannelMemberWithTeam> members_for_user(std::string_view user_id, int offset,
                                                      int limit) override;
  std::vector<std::string> member_user_ids(std::string_view channel_id) override;
  MentionMembers mention_members(std::string_view channel_id) override;
  int64_t member_count(std::string_view channel_id) override;
  int64_t guest_count(std::string_view channel_id) override;
  std::map<std::string, int64_t> member_counts(const std::vector<std::string>& ids) override;
  int64_t pinned_post_count(std::string_view channel_id) override;
  int64_t file_count(std::string_view channel_id) override;
  std::optional<std::string> post_channel_id(std::string_view post_id) override;

  ViewResult mark_viewed(std::string_view user_id,
                         const std::vector<std::string>& channel_ids) override;
  std::optional<model::ChannelUnread> unread(std::string_view channel_id,
                                             std::string_view user_id) override;
  std::vector<model::ChannelUnread> unreads_for_user(std::string_view user_id) override;
  void permanent_delete(std::string_view channel_id) override;

 private:
  int64_t count_query(std::string_view sql, std::string_view channel_id);
  Db& db_;
};

}  // namespace parley::store::postgres
