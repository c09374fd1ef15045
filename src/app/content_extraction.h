// The text of uploaded files for file search (Mattermost's ExtractContentFromFileInfo with
// FileSettings.ExtractContent): after an upload the file is read back from the file store, its
// text extracted (src/extract) and stored in FileInfo.Content, capped at 1 MiB. Like
// Mattermost's goroutine this runs off the request: ContentExtractionQueue is a worker thread
// that takes the uploads in order.
#pragma once

#include "app/app.h"
#include "model/file_info.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace parley::app {

// Mattermost's maxContentExtractionSize.
inline constexpr std::size_t kMaxContentExtractionSize = 1024 * 1024;

// Extracts and stores the file's text now (images are skipped, as Mattermost does). Failures are
// logged, never thrown: the upload has succeeded already.
void extract_file_content(App& app, const model::FileInfo& info);

// Hands the file to the App's ContentExtractionQueue, or extracts it now when it has none.
void schedule_content_extraction(App& app, const model::FileInfo& info);

class ContentExtractionQueue {
 public:
  explicit ContentExtractionQueue(App& app);
  ~ContentExtractionQueue();  // extracts what is queued, then joins
  ContentExtractionQueue(const ContentExtractionQueue&) = delete;
  ContentExtractionQueue& operator=(const ContentExtractionQueue&) = delete;

  void enqueue(model::FileInfo info);
  // Blocks until every file queued so far has been handled.
  void drain();

 private:
  void run();

  App& app_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<model::FileInfo> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace parley::app
