// The kept channel pages (app/post_page_cache.h): served only under the stamp they were built
// at (channel stamp, link metadata generation, configuration snapshot), and bounded in bytes.
#include "app/post_page_cache.h"

#include <gtest/gtest.h>

namespace parley::app {
namespace {

PostPageCache::Page page_of(std::string text) {
  model::PostListPieces p;
  p.text.push_back(std::move(text));
  return std::make_shared<const model::PostListPieces>(std::move(p));
}

TEST(PostPageCache, ServesAPageOnlyUnderTheStampItWasBuiltAt) {
  PostPageCache cache(1 << 20);
  auto config = std::make_shared<const config::Config>();
  PostPageStamp stamp{7, 3, config};
  cache.put("c/60", stamp, page_of("page"));
  ASSERT_TRUE(cache.find("c/60", stamp));
  EXPECT_EQ(cache.find("c/60", stamp)->text.front(), "page");
  EXPECT_FALSE(cache.find("c/30", stamp)) << "another query shape";

  for (auto changed : {PostPageStamp{8, 3, config}, PostPageStamp{7, 4, config},
                       PostPageStamp{7, 3, std::make_shared<const config::Config>()}}) {
    cache.put("c/60", stamp, page_of("page"));
    EXPECT_FALSE(cache.find("c/60", changed));
    EXPECT_FALSE(cache.find("c/60", stamp)) << "a stale page is dropped when found";
  }
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(PostPageCache, StaysWithinItsBytes) {
  PostPageCache cache(100);
  PostPageStamp stamp{1, 1, nullptr};
  cache.put("big", stamp, page_of(std::string(200, 'x')));
  EXPECT_FALSE(cache.find("big", stamp)) << "a page larger than the cache is not kept";
  for (int i = 0; i < 10; ++i) {
    cache.put("k" + std::to_string(i), stamp, page_of(std::string(30, 'x')));
    EXPECT_LE(cache.bytes(), 100u);
  }
  EXPECT_TRUE(cache.find("k9", stamp)) << "the newest page is kept";
  cache.put("k9", stamp, page_of("y"));
  EXPECT_EQ(cache.find("k9", stamp)->text.front(), "y") << "a new build replaces the old";
}

}  // namespace
}  // namespace parley::app
