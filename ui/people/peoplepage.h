#pragma once
// The People view (issue 12): one round face per person with their name and photo count, named people
// first, then unnamed ones, largest first. Activating a person asks the window to show their photos;
// the context menu renames or hides a person, and dropping one person onto another merges them. People,
// faces and every action run through core's PeopleService off the UI thread. UI thread only.

#include "people/personstore.h"

#include <QImage>
#include <QVector>
#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace shoebox {

class PeoplePage : public QWidget {
    Q_OBJECT
public:
    explicit PeoplePage(QWidget* parent = nullptr);

    void setLibrary(const QString& libraryPath) { m_library = libraryPath; }
    void reload();
    bool isLoading() const { return m_loading; }
    QListWidget* list() const { return m_list; }

    // The actions, as the menu and drops call them (public for tests and the viewer's face boxes).
    void renamePerson(qint64 personId, const QString& name);
    void mergePeople(qint64 from, qint64 into);
    void hidePerson(qint64 personId);

    static constexpr int kFaceSize = 96; // the round thumbnail's diameter
    // A round crop of the face box from an upright image (transparent outside the circle).
    static QImage roundFace(const QImage& upright, const QRectF& box, int size = kFaceSize);

Q_SIGNALS:
    void photosRequested(const QString& label, const QVector<qint64>& photoIds);
    void loaded();
    // An action finished: what happened, or why not (for the status bar).
    void changed(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Loaded;
    void present(const Loaded& data);
    void showMenu(const QPoint& pos);
    void openPerson(QListWidgetItem* item);
    void runAction(std::function<bool(QString*)> action, const QString& done);
    void retranslate();

    QString m_library;
    bool m_loading = false;
    bool m_reloadAgain = false;
    QLabel* m_title;
    QLabel* m_hint;
    QListWidget* m_list;
};

} // namespace shoebox
