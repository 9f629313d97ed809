#pragma once
// The one service through which the GUI and the CLI change marks (favourite, rating, pick/reject,
// hidden) and album membership, remembering how to undo the last changes (Edit > Undo). Each change
// is one step, however many photos it touches. Use it on the thread that created it (the GUI
// thread, or the CLI's main thread); it opens that thread's catalog connection.

#include "albums/markstore.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QVector>

#include <functional>

namespace shoebox {

class SidecarWriter;

class Organizer : public QObject {
    Q_OBJECT
public:
    explicit Organizer(QString libraryPath, QObject* parent = nullptr);

    // Each returns false with *error when nothing could be written (the undo stack is then unchanged).
    bool setFavourite(const QVector<qint64>& ids, bool on, QString* error = nullptr);
    // Makes all favourites, or clears them when all already are (the heart key).
    bool toggleFavourite(const QVector<qint64>& ids, QString* error = nullptr);
    bool setRating(const QVector<qint64>& ids, int rating, QString* error = nullptr); // 0 clears
    bool setFlag(const QVector<qint64>& ids, PickFlag flag, QString* error = nullptr);
    bool setHidden(const QVector<qint64>& ids, bool hidden, QString* error = nullptr);
    bool addToAlbum(qint64 albumId, const QVector<qint64>& ids, QString* error = nullptr);
    bool removeFromAlbum(qint64 albumId, const QVector<qint64>& ids, QString* error = nullptr);

    bool canUndo() const { return !m_undo.isEmpty(); }
    // What undo() would revert, for the menu ("Undo Rating"); empty when nothing.
    QString undoText() const;
    // Reverts the last change; false with *error when nothing was there or it could not be written
    // (the step then stays, so the user can try again).
    bool undo(QString* error = nullptr);

    static constexpr int kMaxUndo = 50;
    // Writes the sidecars of changed photos in the background when the preference is on.
    SidecarWriter* sidecarWriter() const { return m_sidecars; }

Q_SIGNALS:
    // Marks or albums of these photos changed (by a change or an undo).
    void changed(const QVector<qint64>& photoIds);
    void undoAvailable(bool available);

private:
    struct Step {
        QString text;
        QVector<qint64> photos;
        QHash<qint64, PhotoMarks> marksBefore; // mark steps
        qint64 albumId = 0; // album steps
        bool added = false; // album step: the photos were added (undo removes them)
    };
    bool editMarks(
        const QVector<qint64>& ids, const QString& text, const std::function<void(PhotoMarks&)>& edit, QString* error);
    void push(Step step);

    QString m_path;
    SidecarWriter* m_sidecars;
    QList<Step> m_undo;
};

} // namespace shoebox
