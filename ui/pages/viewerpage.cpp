#include "pages/viewerpage.h"

#include "pages/imageview.h"
#include "shell/icons.h"
#include "thumbnailview/photolistmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace shoebox {

ViewerPage::ViewerPage(QWidget* parent)
    : QWidget(parent)
    , m_view(new ImageView(this))
    , m_name(new QLabel(this))
    , m_back(new QToolButton(this))
    , m_prev(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_fit(new QToolButton(this))
    , m_actual(new QToolButton(this))
{
    m_view->setObjectName(QStringLiteral("imageView"));
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
    bar->addWidget(m_fit);
    bar->addWidget(m_actual);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    connect(m_back, &QToolButton::clicked, this, &ViewerPage::closeRequested);
    connect(m_prev, &QToolButton::clicked, this, [this] { showRow(m_row - 1); });
    connect(m_next, &QToolButton::clicked, this, [this] { showRow(m_row + 1); });
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
    m_view->setFile(path);
    m_prev->setEnabled(row > 0);
    m_next->setEnabled(row + 1 < m_model->rowCount());
    Q_EMIT currentPhotoChanged(photoId());
}

void ViewerPage::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
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
}

void ViewerPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace shoebox
