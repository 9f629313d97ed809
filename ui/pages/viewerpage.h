#pragma once
// The photo viewer: one photo large, with zoom, previous/next through the list it was opened from,
// and Escape back to the grid. UI thread only.

#include <QWidget>

class QLabel;
class QToolButton;

namespace shoebox {

class ImageView;
class PhotoListModel;

class ViewerPage : public QWidget {
    Q_OBJECT
public:
    explicit ViewerPage(QWidget* parent = nullptr);

    void open(PhotoListModel* model, int row);
    int row() const { return m_row; }
    qint64 photoId() const;
    ImageView* imageView() const { return m_view; }

Q_SIGNALS:
    void closeRequested();
    void currentPhotoChanged(qint64 photoId);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void showRow(int row);
    void retranslate();

    PhotoListModel* m_model = nullptr;
    int m_row = -1;
    ImageView* m_view;
    QLabel* m_name;
    QToolButton* m_back;
    QToolButton* m_prev;
    QToolButton* m_next;
    QToolButton* m_fit;
    QToolButton* m_actual;
};

} // namespace shoebox
