#pragma once
// Shows one photo, upright, fitted to the widget or zoomed (wheel, +/-, double-click for 100 %),
// panned by dragging. Decoding runs off the UI thread; a camera RAW shows its half-size development
// first and the full one replaces it when ready. The view state (zoom, centre) can be read and set, so
// that two views can follow each other in the duplicate compare. UI thread only.

#include <QFutureWatcher>
#include <QImage>
#include <QPointF>
#include <QWidget>

namespace shoebox {

class ImageView : public QWidget {
    Q_OBJECT
public:
    explicit ImageView(QWidget* parent = nullptr);
    ~ImageView() override;

    // Loads a file asynchronously; an empty path clears the view.
    void setFile(const QString& path);
    void setImage(const QImage& image);
    const QImage& image() const { return m_image; }
    bool isLoading() const { return m_loading; }
    // True while a quick draft (half-size RAW) is shown and the full decode is still running.
    bool isDraft() const { return m_draft; }

    bool isFitted() const { return m_fit; }
    double zoom() const; // 1.0 = one image pixel per device-independent pixel
    QPointF center() const { return m_center; } // normalised image coordinates
    void setView(bool fit, double zoom, QPointF center);
    void fitToWindow();
    void zoomBy(double factor);
    // Where the image is drawn, in widget coordinates (the face boxes follow it).
    QRectF imageRect() const;

Q_SIGNALS:
    void viewChanged(bool fit, double zoom, QPointF center);
    void loaded(bool ok); // the final image (or the failure); a draft shown before it emits draftShown
    void draftShown();

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    struct Decoded {
        QImage image;
        bool draft = false;
    };
    void startDecode(bool allowDraft);
    void finishDecode(const Decoded& decoded);
    double fitScale() const;
    void notify();

    QImage m_image;
    QString m_path;
    QString m_error;
    QFutureWatcher<Decoded>* m_watcher = nullptr;
    bool m_loading = false;
    bool m_draft = false;
    bool m_fit = true;
    double m_zoom = 1.0;
    QPointF m_center { 0.5, 0.5 };
    QPoint m_dragFrom;
};

} // namespace shoebox
