#pragma once
// The photo viewer: one photo large (or a video playing), with zoom, previous/next through the list it was opened from,
// and Escape back to the grid. UI thread only.

#include <QWidget>

class QLabel;
class QStackedWidget;
class QToolButton;

namespace shoebox {

class ImageView;
class FaceOverlay;
class PhotoListModel;
class VideoView;

class ViewerPage : public QWidget {
    Q_OBJECT
public:
    explicit ViewerPage(QWidget* parent = nullptr);

    void open(PhotoListModel* model, int row);
    int row() const { return m_row; }
    qint64 photoId() const;
    ImageView* imageView() const { return m_view; }
    FaceOverlay* faceOverlay() const { return m_faces; }
    VideoView* videoView() const { return m_video; }
    // Whether the current item plays as a video (the image view is hidden then).
    bool showsVideo() const;
    // Plays the motion of the Live Photo or motion photo shown (the button beside the name), or
    // goes back to its still.
    void toggleLive();
    QToolButton* liveButton() const { return m_live; }

Q_SIGNALS:
    void closeRequested();
    void currentPhotoChanged(qint64 photoId);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void showRow(int row);
    void showStill(const QString& path);
    void showMotion(qint64 photoId, const QString& clip, const QString& error);
    void retranslate();

    PhotoListModel* m_model = nullptr;
    int m_row = -1;
    ImageView* m_view;
    FaceOverlay* m_faces; // face boxes with names over m_view
    VideoView* m_video;
    QStackedWidget* m_stack;
    QLabel* m_name;
    QToolButton* m_back;
    QToolButton* m_prev;
    QToolButton* m_next;
    QToolButton* m_live;
    QToolButton* m_fit;
    QToolButton* m_actual;
};

} // namespace shoebox
