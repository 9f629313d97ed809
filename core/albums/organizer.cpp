#include "albums/organizer.h"

#include "albums/albumstore.h"
#include "metadata/sidecarsync.h"
#include "metadata/sidecarwriter.h"

namespace shoebox {

Organizer::Organizer(QString libraryPath, QObject* parent)
    : QObject(parent)
    , m_path(std::move(libraryPath))
    , m_sidecars(new SidecarWriter(m_path, this))
{
    // The preference "write sidecars": every change of marks reaches the photos' .xmp sidecars, so
    // digiKam and darktable see it (the GUI and the CLI both go through here). The writer works off
    // this thread; its destructor waits, so a CLI command's sidecars are written before it exits.
    connect(this, &Organizer::changed, this, [this](const QVector<qint64>& ids) {
        if (SidecarSync::enabled())
            m_sidecars->schedule(ids);
    });
}

bool Organizer::editMarks(
    const QVector<qint64>& ids, const QString& text, const std::function<void(PhotoMarks&)>& edit, QString* error)
{
    if (ids.isEmpty())
        return true;
    MarkStore store(m_path);
    QString why;
    const QHash<qint64, PhotoMarks> known = store.marksOf(ids, &why);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    Step step;
    step.text = text;
    QHash<qint64, PhotoMarks> after;
    for (qint64 id : ids) {
        const PhotoMarks before = known.value(id);
        PhotoMarks changed = before;
        edit(changed);
        if (changed == before)
            continue;
        step.marksBefore.insert(id, before);
        step.photos << id;
        after.insert(id, changed);
    }
    if (after.isEmpty())
        return true; // nothing changes: no undo step either
    if (!store.setMarks(after, error))
        return false;
    const QVector<qint64> photos = step.photos;
    push(std::move(step));
    Q_EMIT changed(photos);
    return true;
}

bool Organizer::setFavourite(const QVector<qint64>& ids, bool on, QString* error)
{
    return editMarks(
        ids, tr("Favourite"), [on](PhotoMarks& m) { m.favourite = on; }, error);
}

bool Organizer::toggleFavourite(const QVector<qint64>& ids, QString* error)
{
    const QHash<qint64, PhotoMarks> known = MarkStore(m_path).marksOf(ids);
    bool all = !ids.isEmpty();
    for (qint64 id : ids)
        all = all && known.value(id).favourite;
    return setFavourite(ids, !all, error);
}

bool Organizer::setRating(const QVector<qint64>& ids, int rating, QString* error)
{
    if (rating < 0 || rating > 5) {
        if (error)
            *error = tr("a rating is 0 to 5, not %1").arg(rating);
        return false;
    }
    return editMarks(
        ids, tr("Rating"), [rating](PhotoMarks& m) { m.rating = rating; }, error);
}

bool Organizer::setFlag(const QVector<qint64>& ids, PickFlag flag, QString* error)
{
    return editMarks(
        ids, flag == PickFlag::Rejected ? tr("Reject") : tr("Pick"), [flag](PhotoMarks& m) { m.flag = flag; }, error);
}

bool Organizer::setHidden(const QVector<qint64>& ids, bool hidden, QString* error)
{
    return editMarks(
        ids, hidden ? tr("Hide") : tr("Show"), [hidden](PhotoMarks& m) { m.hidden = hidden; }, error);
}

bool Organizer::addToAlbum(qint64 albumId, const QVector<qint64>& ids, QString* error)
{
    QString why;
    const QVector<qint64> added = AlbumStore(m_path).addPhotos(albumId, ids, &why);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    if (added.isEmpty())
        return true;
    push({ tr("Add to Album"), added, {}, albumId, true });
    Q_EMIT changed(added);
    return true;
}

bool Organizer::removeFromAlbum(qint64 albumId, const QVector<qint64>& ids, QString* error)
{
    QString why;
    const QVector<qint64> removed = AlbumStore(m_path).removePhotos(albumId, ids, &why);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    if (removed.isEmpty())
        return true;
    push({ tr("Remove from Album"), removed, {}, albumId, false });
    Q_EMIT changed(removed);
    return true;
}

QString Organizer::undoText() const
{
    return m_undo.isEmpty() ? QString() : m_undo.last().text;
}

bool Organizer::undo(QString* error)
{
    if (m_undo.isEmpty()) {
        if (error)
            *error = tr("nothing to undo");
        return false;
    }
    const Step& step = m_undo.last();
    QString why;
    if (step.albumId == 0) {
        MarkStore(m_path).setMarks(step.marksBefore, &why);
    } else {
        AlbumStore albums(m_path);
        if (step.added)
            albums.removePhotos(step.albumId, step.photos, &why);
        else
            albums.addPhotos(step.albumId, step.photos, &why);
    }
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    const QVector<qint64> photos = step.photos;
    m_undo.removeLast();
    Q_EMIT changed(photos);
    Q_EMIT undoAvailable(!m_undo.isEmpty());
    return true;
}

void Organizer::push(Step step)
{
    m_undo.append(std::move(step));
    while (m_undo.size() > kMaxUndo)
        m_undo.removeFirst();
    Q_EMIT undoAvailable(true);
}

} // namespace shoebox
