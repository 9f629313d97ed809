#include "pages/emptylibrarywidget.h"

#include "shell/icons.h"

#include <QEvent>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QVBoxLayout>

namespace shoebox {

EmptyLibraryWidget::EmptyLibraryWidget(QWidget* parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_choose(new QPushButton(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_icon, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addWidget(m_title, 0, Qt::AlignHCenter);
    layout->addWidget(m_hint, 0, Qt::AlignHCenter);
    layout->addSpacing(16);
    layout->addWidget(m_choose, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    m_icon->setPixmap(icons::appPixmap(112));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_title->setFont(big);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setFixedWidth(460); // a wrapped label centred in a layout otherwise shrinks to a sliver
    m_choose->setObjectName(QStringLiteral("chooseFolders"));
    m_choose->setDefault(true);
    connect(m_choose, &QPushButton::clicked, this, &EmptyLibraryWidget::chooseFoldersRequested);
    retranslate();
}

void EmptyLibraryWidget::retranslate()
{
    m_title->setText(tr("Your library is empty"));
    m_hint->setText(tr("Drop folders or photos anywhere on this window, or choose the folders where "
                       "your photos are. Shoebox indexes them in the background; nothing is changed "
                       "in your files."));
    // Centred in the layout, a wrapped label gets no height for its width unless told.
    m_hint->setFixedHeight(m_hint->heightForWidth(m_hint->width()));
    m_choose->setText(tr("Choose Folders…"));
}

void EmptyLibraryWidget::paintEvent(QPaintEvent* event)
{
    QWidget::paintEvent(event);
    // A dashed drop zone makes "drop here" obvious without more words.
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QPen pen(palette().color(QPalette::Mid), 2, Qt::DashLine);
    p.setPen(pen);
    p.drawRoundedRect(rect().adjusted(24, 24, -24, -24), 16, 16);
}

void EmptyLibraryWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace shoebox
