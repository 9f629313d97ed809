#pragma once
// Adds "Add Tag…" and "Remove Tag ▸" to a photo's context menu and applies the chosen edit to every
// photo it was opened for, writing on a worker thread. UI thread only; it lives as long as the window
// it was made for, which is the context of every action and result it delivers.

#include <QCoreApplication>
#include <QString>
#include <QVector>

#include <functional>

class QMenu;
class QWidget;

namespace shoebox {

class TagStore;

class PhotoTagEditor {
    // These strings were written in MainWindow; keeping its context keeps the shipped translations.
    Q_DECLARE_TR_FUNCTIONS(shoebox::MainWindow)

public:
    // edited(shownId) runs on the UI thread after each edit, failed or not, to refresh the views.
    PhotoTagEditor(QString library, QWidget* window, std::function<void(qint64)> edited);

    // Add Tag… and Remove Tag ▸ (the tags of photoId, named in language) acting on photoIds.
    void addTagMenu(QMenu* menu, qint64 photoId, const QVector<qint64>& photoIds, const QString& language);

private:
    void editTags(
        qint64 shownId, const QVector<qint64>& photoIds, std::function<bool(TagStore&, qint64, QString*)> edit);

    QString m_library;
    QWidget* m_window;
    std::function<void(qint64)> m_edited;
};

} // namespace shoebox
