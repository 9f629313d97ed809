// MainWindow's wiring of the import job and of the People view, kept apart so mainwindow.cpp stays
// readable. UI thread only.

#include "pages/tagbrowserpage.h"
#include "people/peoplepage.h"
#include "places/placespage.h"
#include "shell/importcontroller.h"
#include "shell/importprompts.h"
#include "shell/jobprogresswidget.h"
#include "shell/mainwindow.h"
#include "shell/sidebar.h"
#include "thumbnailview/photolistmodel.h"

#include <QLabel>

namespace shoebox {

void MainWindow::connectImport()
{
    connect(m_import, &ImportController::jobStarted, m_progress, &JobProgressWidget::start);
    connect(m_import, &ImportController::jobProgress, m_progress, &JobProgressWidget::setProgress);
    connect(m_progress, &JobProgressWidget::cancelRequested, m_import, &ImportController::cancel);
    connect(m_import, &ImportController::photoIndexed, this, [this] {
        m_gridModel->refreshSoon();
        m_timelineModel->refreshSoon();
    });
    connect(m_import, &ImportController::jobFinished, this, [this](const QString& summary) {
        m_status->setText(summary);
        m_gridModel->refreshSoon();
        m_timelineModel->refreshSoon();
        refreshFolders();
    });
    connect(m_import, &ImportController::idle, m_progress, &JobProgressWidget::finish);
    connect(m_import, &ImportController::tagsUpdated, m_tags, &TagBrowserPage::reload);
    connect(m_import, &ImportController::jobFinished, m_places, &PlacesPage::reload);
    connect(m_import, &ImportController::duplicatesSkipped, this,
        [this](const QList<ImportDuplicate>& dups) { ImportPrompts::showSkippedDuplicates(this, dups); });
    m_import->setModeChooser([this] { return ImportPrompts::askImportMode(this); });
}

void MainWindow::connectPeople()
{
    connect(m_people, &PeoplePage::photosRequested, this,
        [this](const QString& label, const QVector<qint64>& ids) { showSearchResults(Filter::Search, label, ids); });
    connect(m_people, &PeoplePage::changed, m_status, &QLabel::setText);
    connect(m_import, &ImportController::jobFinished, m_people, &PeoplePage::reload);
}

} // namespace shoebox
