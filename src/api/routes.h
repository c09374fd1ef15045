// Registration functions, one per resource file under api/.
#pragma once

#include "api/router.h"

namespace parley::api {

void register_system_routes(Router& r);
void register_user_routes(Router& r);
void register_team_routes(Router& r);
void register_team_member_routes(Router& r);
void register_channel_routes(Router& r);
void register_channel_member_routes(Router& r);
void register_post_routes(Router& r);
void register_reaction_routes(Router& r);
void register_preference_routes(Router& r);
void register_status_routes(Router& r);
void register_sidebar_routes(Router& r);
void register_user_image_routes(Router& r);
void register_thread_routes(Router& r);
void register_draft_routes(Router& r);
void register_opengraph_routes(Router& r);
void register_emoji_routes(Router& r);
void register_search_routes(Router& r);
void register_file_routes(Router& r);

}  // namespace parley::api
