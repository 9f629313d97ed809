#pragma once
// What a first run shows instead of an empty grid: an invitation to drop folders or choose them.
// UI thread only.

#include <QWidget>

class QLabel;
class QPushButton;

namespace shoebox {

class EmptyLibraryWidget : public QWidget {
    Q_OBJECT
public:
    explicit EmptyLibraryWidget(QWidget* parent = nullptr);

Q_SIGNALS:
    void chooseFoldersRequested();

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void retranslate();

    QLabel* m_icon;
    QLabel* m_title;
    QLabel* m_hint;
    QPushButton* m_choose;
};

} // namespace shoebox
