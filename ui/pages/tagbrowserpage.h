#pragma once
// The tag browser: every tag of the library with its photo count, named in the chosen language, and
// a way to rename a tag. Counts are read off the UI thread; reload() after a language switch or a
// change of tags shows the new names at once. Activating a tag asks the window to show its photos.
// UI thread only.

#include "tags/tagstore.h"

#include <QFutureWatcher>
#include <QList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace shoebox {

class TagBrowserPage : public QWidget {
    Q_OBJECT
public:
    explicit TagBrowserPage(QWidget* parent = nullptr);
    ~TagBrowserPage() override;

    void setLibrary(const QString& libraryPath) { m_library = libraryPath; }
    void setLanguage(const QString& language);
    QString language() const { return m_language; }
    void reload();
    bool isLoading() const { return m_watcher != nullptr; }
    const QList<TagCount>& tags() const { return m_tags; }
    QTreeWidget* list() const { return m_list; }
    // Renames the tag in the current language (what the Rename button does after asking).
    bool renameTag(qint64 tagId, const QString& name, QString* error = nullptr);

Q_SIGNALS:
    void tagActivated(qint64 tagId, const QString& name);
    void tagsChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void populate();
    void retranslate();
    void renameCurrent();
    qint64 currentTagId() const;

    QString m_library;
    QString m_language = QStringLiteral("en");
    QList<TagCount> m_tags;
    QFutureWatcher<QList<TagCount>>* m_watcher = nullptr;
    bool m_reloadAgain = false;
    QLabel* m_title;
    QLabel* m_hint;
    QLineEdit* m_filter;
    QTreeWidget* m_list;
    QPushButton* m_rename;
};

} // namespace shoebox
