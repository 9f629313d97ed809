#include "shell/searchbar.h"

#include "search/searchengine.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QStringListModel>
#include <QtConcurrent/QtConcurrentRun>

namespace shoebox {

namespace {
// The word being typed: after the last space (a quoted phrase is completed as typed).
// The one local file of a drop, or empty.
QString droppedFile(const QMimeData* mime)
{
    const QList<QUrl> urls = mime->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile() || !QFileInfo(urls.first().toLocalFile()).isFile())
        return {};
    return urls.first().toLocalFile();
}

QString lastWord(const QString& text)
{
    const int space = text.lastIndexOf(QLatin1Char(' '));
    return text.mid(space + 1);
}
} // namespace

SearchBar::SearchBar(QWidget* parent)
    : QLineEdit(parent)
    , m_words(new QStringListModel(this))
    , m_completer(new QCompleter(m_words, this))
{
    setObjectName(QStringLiteral("searchBar"));
    setClearButtonEnabled(true);
    setMinimumWidth(260);
    setMaximumWidth(420);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    // The model holds completions of the last word only; filtering is done by the engine.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setWidget(this);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this, &SearchBar::insertCompletion);
    connect(this, &QLineEdit::textEdited, this, &SearchBar::requestCompletions);
    connect(this, &QLineEdit::returnPressed, this, [this] { search(text()); });
    connect(this, &QLineEdit::textChanged, this, [this](const QString& t) {
        if (t.isEmpty())
            search(QString());
    });
    setPlaceholderText(tr("Search tags, names, dates, cameras"));
}

SearchBar::~SearchBar()
{
    if (m_search)
        m_search->waitForFinished();
    if (m_complete)
        m_complete->waitForFinished();
}

QStringList SearchBar::completions() const
{
    return m_words->stringList();
}

void SearchBar::requestCompletions(const QString& text)
{
    const QString prefix = lastWord(text);
    if (prefix.isEmpty() || m_library.isEmpty()) {
        m_words->setStringList({});
        m_completer->popup()->hide();
        return;
    }
    if (m_complete) {
        m_pendingPrefix = text;
        return;
    }
    m_complete = new QFutureWatcher<QStringList>(this);
    connect(m_complete, &QFutureWatcher<QStringList>::finished, this, [this] {
        const QStringList words = m_complete->result();
        m_complete->deleteLater();
        m_complete = nullptr;
        if (!m_pendingPrefix.isNull()) {
            const QString again = m_pendingPrefix;
            m_pendingPrefix = QString();
            requestCompletions(again);
            return;
        }
        m_words->setStringList(words);
        if (!words.isEmpty() && hasFocus())
            m_completer->complete();
    });
    const QString library = m_library;
    const QString lang = m_language;
    m_complete->setFuture(QtConcurrent::run([library, prefix, lang] {
        const QStringList words = SearchEngine(library).complete(prefix, lang);
        return words;
    }));
}

void SearchBar::insertCompletion(const QString& completion)
{
    const QString current = text();
    const int space = current.lastIndexOf(QLatin1Char(' '));
    QString word = completion;
    if (word.contains(QLatin1Char(' ')))
        word = QLatin1Char('"') + word + QLatin1Char('"');
    setText(current.left(space + 1) + word);
    search(text());
}

void SearchBar::search(const QString& query)
{
    if (query.trimmed().isEmpty()) {
        Q_EMIT cleared();
        return;
    }
    if (m_library.isEmpty())
        return;
    // The newest query wins: an older search still running finishes unseen.
    auto* watcher = new QFutureWatcher<QVector<qint64>>(this);
    m_search = watcher;
    connect(watcher, &QFutureWatcher<QVector<qint64>>::finished, this, [this, watcher, query] {
        watcher->deleteLater();
        if (watcher != m_search)
            return;
        m_search = nullptr;
        Q_EMIT resultsReady(query, watcher->result());
    });
    const QString library = m_library;
    watcher->setFuture(QtConcurrent::run([library, query] {
        const QVector<qint64> ids = SearchEngine(library).search(query);
        return ids;
    }));
}

void SearchBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        setPlaceholderText(tr("Search tags, names, dates, cameras"));
    QLineEdit::changeEvent(event);
}

void SearchBar::dragEnterEvent(QDragEnterEvent* event)
{
    if (!droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        QLineEdit::dragEnterEvent(event);
}

void SearchBar::dropEvent(QDropEvent* event)
{
    const QString file = droppedFile(event->mimeData());
    if (file.isEmpty()) {
        QLineEdit::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    Q_EMIT imageDropped(file);
}

} // namespace shoebox
