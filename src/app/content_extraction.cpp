// Content extraction of uploads and its worker thread.
#include "app/content_extraction.h"

#include "extract/extract.h"
#include "store/file_info_store.h"
#include "util/log.h"

namespace parley::app {

void extract_file_content(App& app, const model::FileInfo& info) {
  if (info.is_image()) return;
  auto* backend = app.file_backend();
  if (!backend) return;
  try {
    auto data = backend->read(info.path);
    if (!data) {
      log::warn("could not read a file to extract its content",
                {{"file_id", info.id}, {"error", data.error().detailed_error}});
      return;
    }
    auto cfg = app.config();
    extract::Settings settings{cfg->file.archive_recursion, cfg->file.max_file_size};
    std::string text = extract::extract_text(info.name, *data, settings);
    if (text.empty()) return;
    app.store().file_infos().set_content(info.id,
                                         extract::storable_text(text, kMaxContentExtractionSize));
  } catch (const std::exception& e) {
    log::error("Failed to extract file content", {{"file_id", info.id}, {"error", e.what()}});
  }
}

void schedule_content_extraction(App& app, const model::FileInfo& info) {
  if (auto* queue = app.content_extraction())
    queue->enqueue(info);
  else
    extract_file_content(app, info);
}

ContentExtractionQueue::ContentExtractionQueue(App& app) : app_(app) {
  thread_ = std::thread([this] { run(); });
}

ContentExtractionQueue::~ContentExtractionQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void ContentExtractionQueue::enqueue(model::FileInfo info) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(info));
  }
  wake_.notify_one();
}

void ContentExtractionQueue::drain() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [&] { return queue_.empty() && !busy_; });
}

void ContentExtractionQueue::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) break;  // stopping, nothing left
    model::FileInfo info = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    extract_file_content(app_, info);
    lock.lock();
    busy_ = false;
    if (queue_.empty()) idle_.notify_all();
  }
}

}  // namespace parley::app
