#pragma once
// The search field in the tool bar: tags in any language, file names, dates ("2019", "2019-07") and
// cameras, with completion of the word being typed. Completions and searches run on worker threads
// (SearchEngine); results arrive as photo ids for the grid to show. Dropping an image file on it
// asks for photos similar to that image. UI thread only.

#include <QFutureWatcher>
#include <QLineEdit>
#include <QVector>

class QCompleter;
class QStringListModel;

namespace shoebox {

class SearchBar : public QLineEdit {
    Q_OBJECT
public:
    explicit SearchBar(QWidget* parent = nullptr);
    ~SearchBar() override;

    void setLibrary(const QString& libraryPath) { m_library = libraryPath; }
    void setLanguage(const QString& language) { m_language = language; }
    // Runs the query (also what Return does); an empty query clears the search.
    void search(const QString& query);
    // Puts the query in the field and runs it (a tag or a place chosen elsewhere).
    void showAndSearch(const QString& query)
    {
        setText(query);
        search(query);
    }
    bool isBusy() const { return m_search != nullptr || m_complete != nullptr; }
    QStringList completions() const;

Q_SIGNALS:
    void resultsReady(const QString& query, const QVector<qint64>& ids);
    void cleared();
    // An image file from outside was dropped on the field: find photos like it.
    void imageDropped(const QString& file);

protected:
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void requestCompletions(const QString& text);
    void insertCompletion(const QString& completion);

    QString m_library;
    QString m_language = QStringLiteral("en");
    QStringListModel* m_words;
    QCompleter* m_completer;
    QFutureWatcher<QVector<qint64>>* m_search = nullptr;
    QFutureWatcher<QStringList>* m_complete = nullptr;
    QString m_pendingPrefix;
};

} // namespace shoebox
