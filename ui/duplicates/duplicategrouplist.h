#pragma once
// The list of duplicate groups in Find Duplicates: one row per group with a thumbnail of the
// suggested keeper, the member count, the level and the keeper's name. Thumbnails load off the UI
// thread (the shared freedesktop cache, made when missing), nearest the top first. UI thread only.

#include "duplicates/duplicatetypes.h"

#include <QListWidget>

namespace shoebox {

class ThumbnailLoader;

class DuplicateGroupList : public QListWidget {
    Q_OBJECT
public:
    static constexpr int kThumbnailSize = 64;

    explicit DuplicateGroupList(QWidget* parent = nullptr);

    void setLibrary(const QString& libraryPath);
    void setGroups(const QList<DuplicateGroup>& groups);
    void insertGroup(int row, const DuplicateGroup& group);
    void removeGroup(int row);
    // Sets the rows' texts again (the language changed); groups in the list's order.
    void retranslate(const QList<DuplicateGroup>& groups);
    // Rows whose keeper thumbnail is shown.
    int thumbnailCount() const;
    bool isLoadingThumbnails() const;

    static QString title(const DuplicateGroup& group);

Q_SIGNALS:
    // Every scheduled keeper thumbnail has arrived (or failed).
    void thumbnailsLoaded();

private:
    QListWidgetItem* makeItem(const DuplicateGroup& group);
    void scheduleThumbnails();
    void showThumbnail(qint64 photoId);

    ThumbnailLoader* m_loader;
};

} // namespace shoebox
