#include "shell/phototageditor.h"

#include "background.h"

#include "tags/tagstore.h"

#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QtConcurrent/QtConcurrentRun>

namespace shoebox {

PhotoTagEditor::PhotoTagEditor(QString library, QWidget* window, std::function<void(qint64)> edited)
    : m_library(std::move(library))
    , m_window(window)
    , m_edited(std::move(edited))
{
}

void PhotoTagEditor::addTagMenu(QMenu* menu, qint64 photoId, const QVector<qint64>& photoIds, const QString& language)
{
    menu->addAction(tr("Add Tag…"), m_window, [this, photoId, photoIds] {
        bool ok = false;
        const QString name
            = QInputDialog::getText(m_window, tr("Add Tag"), tr("Tag name:"), QLineEdit::Normal, QString(), &ok)
                  .trimmed();
        if (ok && !name.isEmpty())
            editTags(photoId, photoIds,
                [name](TagStore& store, qint64 id, QString* error) { return store.addManualTag(id, name, error); });
    });
    // Reading one photo's tags is one indexed query: fine while the menu opens.
    const QList<PhotoTag> tags = TagStore(m_library).tagsOfPhoto(photoId, language);
    QMenu* remove = menu->addMenu(tr("Remove Tag"));
    remove->setEnabled(!tags.isEmpty());
    for (const PhotoTag& t : tags) {
        remove->addAction(t.name, m_window, [this, photoId, photoIds, tagId = t.tagId] {
            editTags(photoId, photoIds,
                [tagId](TagStore& store, qint64 id, QString*) { return store.removeTag(id, tagId); });
        });
    }
}

void PhotoTagEditor::editTags(
    qint64 shownId, const QVector<qint64>& photoIds, std::function<bool(TagStore&, qint64, QString*)> edit)
{
    // A selection can be thousands of photos: the writes run on a worker, the views reload after.
    const QString library = m_library;
    runInBackground(
        m_window,
        [library, photoIds, edit] {
            QString error;
            {
                TagStore store(library);
                for (qint64 id : photoIds) {
                    if (!edit(store, id, &error))
                        break;
                }
            }
            return error;
        },
        [this, shownId](const QString& error) {
            if (!error.isEmpty())
                QMessageBox::warning(m_window, tr("Add Tag"), tr("The tag could not be added: %1").arg(error));
            m_edited(shownId);
        });
}

} // namespace shoebox
