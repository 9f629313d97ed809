#include "shell/jobprogresswidget.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

#include <cmath>

namespace shoebox {

JobProgressWidget::JobProgressWidget(QWidget* parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_bar->setFixedWidth(180);
    m_bar->setTextVisible(false);
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    connect(m_cancel, &QToolButton::clicked, this, &JobProgressWidget::cancelRequested);
    retranslate();
    hide();
}

void JobProgressWidget::start(const QString& title)
{
    m_title = title;
    m_done = 0;
    m_total = -1;
    m_elapsed = 0;
    m_running = true;
    m_cancel->setEnabled(true);
    retranslate();
    show();
}

void JobProgressWidget::setProgress(qint64 done, qint64 total, double elapsedSeconds)
{
    m_done = done;
    m_total = total;
    m_elapsed = elapsedSeconds;
    retranslate();
}

void JobProgressWidget::finish()
{
    m_running = false;
    hide();
}

QString JobProgressWidget::text() const
{
    return m_label->text();
}

QString JobProgressWidget::remainingText(qint64 done, qint64 total, double elapsedSeconds)
{
    // Too early an estimate jumps around; wait for a few files and a second of history.
    if (total <= 0 || done < 3 || elapsedSeconds < 1.0 || done >= total)
        return {};
    const double left = elapsedSeconds / double(done) * double(total - done);
    if (left < 60)
        return tr("less than a minute left");
    if (left < 3600)
        return tr("about %n minute(s) left", nullptr, int(std::ceil(left / 60)));
    return tr("about %n hour(s) left", nullptr, int(std::ceil(left / 3600)));
}

void JobProgressWidget::retranslate()
{
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop this job; what is done so far is kept"));
    const QLocale locale;
    QString text = m_title;
    if (m_total < 0) {
        m_bar->setRange(0, 0);
        if (m_done > 0)
            text += QStringLiteral(" · ") + tr("%1 found").arg(locale.toString(m_done));
    } else {
        m_bar->setRange(0, 1000);
        m_bar->setValue(m_total > 0 ? int(1000 * m_done / m_total) : 0);
        text += QStringLiteral(" · ") + tr("%1 of %2").arg(locale.toString(m_done), locale.toString(m_total));
        const QString left = remainingText(m_done, m_total, m_elapsed);
        if (!left.isEmpty())
            text += QStringLiteral(" · ") + left;
    }
    m_label->setText(text);
}

void JobProgressWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace shoebox
