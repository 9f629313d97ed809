#include "pages/viewerpage.h"

#include "background.h"
#include "catalog/photostore.h"
#include "media/motionclip.h"
#include "pages/imageview.h"
#include "pages/videoview.h"
#include "people/faceoverlay.h"
#include "scan/filewalker.h"
#include "shell/icons.h"
#include "thumbnailview/photolistmodel.h"

#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace shoebox {

ViewerPage::ViewerPage(QWidget* parent)
    : QWidget(parent)
    , m_view(new ImageView(this))
    , m_faces(new FaceOverlay(m_view))
    , m_video(new VideoView(this))
    , m_stack(new QStackedWidget(this))
    , m_name(new QLabel(this))
    , m_back(new QToolButton(this))
    , m_prev(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_live(new QToolButton(this))
    , m_fit(new QToolButton(this))
    , m_actual(new QToolButton(this))
{
    m_view->setObjectName(QStringLiteral("imageView"));
    m_video->setObjectName(QStringLiteral("videoView"));
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_video);
    m_live->setCheckable(true);
    m_live->setObjectName(QStringLiteral("liveButton"));
    m_back->setIcon(icons::back());
    m_back->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 8, 4);
    bar->addWidget(m_back);
    bar->addSpacing(12);
    bar->addWidget(m_prev);
    bar->addWidget(m_next);
    bar->addSpacing(12);
    bar->addWidget(m_name, 1);
    bar->addWidget(m_live);
    bar->addWidget(m_fit);
    bar->addWidget(m_actual);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    connect(m_back, &QToolButton::clicked, m_video, &VideoView::stop);
    connect(m_back, &QToolButton::clicked, this, &ViewerPage::closeRequested);
    connect(m_prev, &QToolButton::clicked, this, [this] { showRow(m_row - 1); });
    connect(m_next, &QToolButton::clicked, this, [this] { showRow(m_row + 1); });
    connect(m_live, &QToolButton::clicked, this, &ViewerPage::toggleLive);
    connect(m_fit, &QToolButton::clicked, m_view, &ImageView::fitToWindow);
    connect(m_actual, &QToolButton::clicked, this, [this] { m_view->setView(false, 1.0, m_view->center()); });
    retranslate();
}

void ViewerPage::open(PhotoListModel* model, int row)
{
    m_model = model;
    showRow(row);
    m_view->setFocus();
}

qint64 ViewerPage::photoId() const
{
    return m_model ? m_model->photoId(m_row) : 0;
}

void ViewerPage::showRow(int row)
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return;
    m_row = row;
    const QString path = m_model->index(row).data(PhotoListModel::DisplayPathRole).toString();
    m_name->setText(m_model->index(row).data(Qt::DisplayRole).toString());
    // Videos by their catalogued kind; until the details arrive, by the name the walker accepted.
    const QModelIndex index = m_model->index(row);
    const bool video = index.data(PhotoListModel::DetailsLoadedRole).toBool()
        ? index.data(PhotoListModel::IsVideoRole).toBool()
        : FileWalker::isVideoName(QFile::encodeName(path));
    if (video) {
        m_view->setFile(QString());
        m_stack->setCurrentWidget(m_video);
        m_video->setFile(path);
    } else {
        showStill(path);
    }
    m_live->setVisible(!video && index.data(PhotoListModel::IsLiveRole).toBool());
    m_fit->setVisible(!video);
    m_actual->setVisible(!video);
    m_prev->setEnabled(row > 0);
    m_next->setEnabled(row + 1 < m_model->rowCount());
    m_faces->showPhoto(video ? QString() : m_model->libraryPath(), photoId());
    Q_EMIT currentPhotoChanged(photoId());
}

void ViewerPage::showStill(const QString& path)
{
    m_video->setFile(QString());
    m_stack->setCurrentWidget(m_view);
    m_view->setFile(path);
    m_live->setChecked(false);
}

void ViewerPage::toggleLive()
{
    if (!m_model)
        return;
    if (showsVideo()) { // back to the still
        showStill(m_model->index(m_row).data(PhotoListModel::DisplayPathRole).toString());
        return;
    }
    // The MOV partner, or the clip cut out of a motion photo into the cache: file I/O, off the UI thread.
    const QString library = m_model->libraryPath();
    const qint64 id = photoId();
    runInBackground(
        this,
        [library, id] {
            const PhotoStore store(library);
            const auto photo = store.photoById(id);
            QString error;
            const QString clip
                = photo ? MotionClip::playablePath(*photo, store.partnersOf(id), QString(), &error) : QString();
            return qMakePair(clip, error);
        },
        [this, id](const QPair<QString, QString>& result) { showMotion(id, result.first, result.second); });
}

void ViewerPage::showMotion(qint64 id, const QString& clip, const QString& error)
{
    if (id != photoId())
        return; // the user moved on meanwhile
    if (clip.isEmpty()) {
        m_live->setChecked(false);
        m_live->setToolTip(error);
        return;
    }
    m_view->setFile(QString());
    m_stack->setCurrentWidget(m_video);
    m_video->setFile(clip); // plays at once
    m_live->setChecked(true);
}

bool ViewerPage::showsVideo() const
{
    return m_stack->currentWidget() == m_video;
}

void ViewerPage::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        m_video->stop();
        Q_EMIT closeRequested();
        break;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
        showRow(m_row - 1);
        break;
    case Qt::Key_Right:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        showRow(m_row + 1);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
}

void ViewerPage::retranslate()
{
    m_back->setText(tr("Back"));
    m_back->setToolTip(tr("Back to the photos (Esc)"));
    m_prev->setText(tr("‹ Previous"));
    m_next->setText(tr("Next ›"));
    m_fit->setText(tr("Fit"));
    m_actual->setText(tr("100%"));
    m_live->setText(tr("Live"));
    m_live->setToolTip(tr("Play the motion of this Live Photo"));
}

void ViewerPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace shoebox
