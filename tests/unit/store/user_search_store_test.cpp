// Tests for user search terms in the user store on either backend: every word must prefix the
// username, nickname, first/last name (when allowed) or e-mail (when allowed), "@" ignored,
// case-insensitive, LIKE wildcards taken literally.
#include "store/user_store.h"
#include "store_fixture.h"

namespace parley::testing {
namespace {

class UserSearchStoreTest : public StoreFixture {
 protected:
  std::vector<std::string> find(const std::string& term, bool emails = true,
                                bool full_names = true) {
    store::UserQuery q;
    q.term = term;
    q.allow_emails = emails;
    q.allow_full_names = full_names;
    q.limit = 100;
    std::vector<std::string> out;
    for (auto& u : store().users().query(q)) out.push_back(u.username);
    return out;
  }
  void name(model::User u, const std::string& first, const std::string& last,
            const std::string& nick) {
    u.first_name = first;
    u.last_name = last;
    u.nickname = nick;
    store().users().update(u);
  }
};

using Names = std::vector<std::string>;

TEST_F(UserSearchStoreTest, EveryWordPrefixesSomeField) {
  name(add_user("jdoe"), "John", "Doe", "jojo");
  name(add_user("jsmith"), "John", "Smith", "");
  EXPECT_EQ(find("john"), (Names{"jdoe", "jsmith"}));
  EXPECT_EQ(find("john sm"), (Names{"jsmith"}));
  EXPECT_EQ(find("DOE jo"), (Names{"jdoe"}));
  EXPECT_EQ(find("@jsm"), (Names{"jsmith"}));
  EXPECT_EQ(find("jojo"), (Names{"jdoe"}));
  EXPECT_EQ(find("john nobody"), Names{});
}

TEST_F(UserSearchStoreTest, EmailAndFullNamesOnlyWhenAllowed) {
  name(add_user("alpha"), "Zed", "Quinn", "");
  EXPECT_EQ(find("alpha@exa"), (Names{"alpha"}));
  EXPECT_EQ(find("alpha@exa", false), Names{});
  EXPECT_EQ(find("zed"), (Names{"alpha"}));
  EXPECT_EQ(find("zed", true, false), Names{});
  EXPECT_EQ(find("alp", false, false), (Names{"alpha"}));
}

TEST_F(UserSearchStoreTest, WildcardsAreLiteral) {
  add_user("under_score");
  add_user("underxscore");
  EXPECT_EQ(find("under_"), (Names{"under_score"}));
  EXPECT_EQ(find("%"), Names{});
}

}  // namespace
}  // namespace parley::testing
