#pragma once
// The status-bar strip for background work: what runs, a progress bar, "n of m", the time left and
// a Cancel button. Hidden when nothing runs. UI thread only.

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace shoebox {

class JobProgressWidget : public QWidget {
    Q_OBJECT
public:
    explicit JobProgressWidget(QWidget* parent = nullptr);

    void start(const QString& title);
    // total < 0 while the amount of work is still being discovered.
    void setProgress(qint64 done, qint64 total, double elapsedSeconds);
    void finish();
    bool isRunning() const { return m_running; }
    QString text() const;

    // "about 2 minutes left": the remaining time from the rate so far; empty while it cannot be known.
    static QString remainingText(qint64 done, qint64 total, double elapsedSeconds);

Q_SIGNALS:
    void cancelRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QString m_title;
    QLabel* m_label;
    QProgressBar* m_bar;
    QToolButton* m_cancel;
    qint64 m_done = 0;
    qint64 m_total = -1;
    double m_elapsed = 0;
    bool m_running = false;
};

} // namespace shoebox
