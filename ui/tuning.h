#pragma once
// Tunables of the desktop UI in one place, so that speed and memory trade-offs are visible together.

namespace shoebox::tuning {

// PhotoListModel: details (name, date, size) are fetched off the UI thread in pages of this many rows.
constexpr int kDetailPageSize = 200;
// Photo details kept in memory (records, not pixels): about 300 bytes each.
constexpr int kDetailCacheRecords = 40000;
// New photos from a running scan are merged into the grid at most this often.
constexpr int kRefreshDelayMs = 600;

// ThumbnailLoader: decoded thumbnails kept in memory, in KiB of pixels.
constexpr int kThumbnailCacheKiB = 160 * 1024;
// Threads decoding thumbnails (each one also reads the catalog through its own connection).
constexpr int kThumbnailThreads = 2;

// PhotoGridView: schedule thumbnails this long after scrolling stops moving the viewport, and this many
// viewport heights beyond it (nearest first).
constexpr int kScheduleDelayMs = 25;
constexpr double kPrefetchViewports = 1.0;

// Thumbnail cell sizes in device-independent pixels.
constexpr int kMinThumbnailSize = 64;
constexpr int kMaxThumbnailSize = 320;
constexpr int kDefaultThumbnailSize = 160;
constexpr int kCellSpacing = 6;

// Timeline section header heights.
constexpr int kMonthHeaderHeight = 30;
constexpr int kYearHeaderHeight = 58;

} // namespace shoebox::tuning
