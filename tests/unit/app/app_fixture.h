// Test fixture for app functions: a store fixture plus an App with Mattermost's default
// configuration, an event sink that records what would reach WebSocket clients, and sessions.
#pragma once

#include "../store/store_fixture.h"
#include "app/app.h"
#include "app/events.h"
#include "config/config.h"
#include "model/session.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace parley::testing {

struct RecordingSink final : app::EventSink {
  std::vector<app::Event> events;
  void publish(app::Event e) override { events.push_back(std::move(e)); }
  // Events with that name.
  std::vector<app::Event> named(const std::string& name) const {
    std::vector<app::Event> out;
    std::copy_if(events.begin(), events.end(), std::back_inserter(out),
                 [&](const app::Event& e) { return e.name == name; });
    return out;
  }
};

class AppFixture : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    make_app(config::default_config());
  }
  void make_app(config::Config cfg) {
    app_ =
        std::make_unique<app::App>(std::make_shared<const config::Config>(std::move(cfg)), store());
    app_->set_event_sink(&sink_);
  }
  app::App& app() { return *app_; }

  static model::Session session_for(const model::User& u) {
    model::Session s;
    s.id = new_id();
    s.user_id = u.id;
    s.roles = u.roles;
    return s;
  }

  RecordingSink sink_;

 private:
  std::unique_ptr<app::App> app_;
};

}  // namespace parley::testing
