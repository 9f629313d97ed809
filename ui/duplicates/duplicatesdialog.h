#pragma once
// Find Duplicates: choose the level (exact, near, similar) and the scope (whole library or one
// folder), see the groups the engine found, compare a group side by side, then move the others to the
// trash, keep all, or say "not duplicates"; each action can be undone, last first. Nothing is deleted:
// files go to the system trash and come back byte for byte on undo. The actions themselves are the
// engine's DuplicateActions (shared with shoebox-cli); the dialog only runs them off the UI thread and
// presents their results. UI thread only.

#include "duplicates/duplicatetypes.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QList>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;

namespace shoebox {

class DuplicateCompare;
class DuplicateFinder;
class DuplicateGroupList;

class DuplicatesDialog : public QDialog {
    Q_OBJECT
public:
    DuplicatesDialog(QString libraryPath, const QStringList& folders, QWidget* parent = nullptr);
    ~DuplicatesDialog() override;

    void setLevel(DuplicateLevel level);
    void setScope(const QString& folder); // empty: whole library
    void find();
    bool isBusy() const { return m_busy; }
    // Not busy, and the compare shows its pictures.
    bool isSettled() const;
    const QList<DuplicateGroup>& groups() const { return m_groups; }
    DuplicateCompare* compare() const { return m_compare; }
    DuplicateGroupList* groupList() const { return m_list; }
    void selectGroup(int row);
    QString statusText() const;

    // The actions on the selected group (the buttons call these).
    void trashOthers();
    void keepAll();
    void notDuplicates();
    void undo();
    int undoCount() const { return int(m_undo.size()); }

Q_SIGNALS:
    // Files went to the trash or came back: the library views should refresh.
    void libraryChanged();

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    struct Action {
        enum Kind { Trash, Verdict } kind = Trash;
        DuplicateGroup group;
        int row = 0;
    };
    struct Outcome {
        bool ok = true;
        QString message;
    };
    void retranslate();
    void showGroups();
    void setVerdict(const QString& verdict);
    void runAction(std::function<Outcome()> work, std::function<void(const Outcome&)> done);
    void updateButtons();

    QString m_library;
    QList<DuplicateGroup> m_groups;
    QList<Action> m_undo;
    std::shared_ptr<DuplicateFinder> m_finder;
    bool m_busy = false;
    QComboBox* m_level;
    QComboBox* m_scope;
    QPushButton* m_find;
    QLabel* m_status;
    DuplicateGroupList* m_list;
    DuplicateCompare* m_compare;
    QPushButton* m_trash;
    QPushButton* m_keepAll;
    QPushButton* m_notDup;
    QPushButton* m_undoButton;
    QPushButton* m_close;
};

} // namespace shoebox
