#include "pages/imageview.h"

#include "image/imagedecoder.h"

#include <QFile>
#include <QKeyEvent>
#include <QPainter>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace shoebox {

namespace {

// Core's decoder, as the scanner uses: real format from the bytes (WebP, HEIC, RAW included), EXIF
// orientation, a DCT-reduced decode for very large JPEGs, and for RAW a half-size draft when allowed.
QImage readUpright(const QString& path, bool allowDraft, bool& draft)
{
    constexpr int kMinLongSide = 4096;
    const DecodedImage decoded = ImageDecoder::decodeFile(QFile::encodeName(path), kMinLongSide, 0, allowDraft);
    draft = decoded.draft;
    if (!decoded.error.isEmpty() || decoded.upright.empty() || decoded.upright.type() != CV_8UC3)
        return {};
    const cv::Mat& m = decoded.upright;
    return QImage(m.data, m.cols, m.rows, int(m.step), QImage::Format_BGR888).copy();
}

} // namespace

ImageView::ImageView(QWidget* parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(120, 120);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

// The decode function touches nothing of this object, so a running decode needs no waiting for.
ImageView::~ImageView() = default;

void ImageView::setFile(const QString& path)
{
    m_path = path;
    m_error.clear();
    m_draft = false;
    if (path.isEmpty()) {
        setImage(QImage());
        return;
    }
    startDecode(true);
}

void ImageView::startDecode(bool allowDraft)
{
    m_loading = true;
    // A newer request replaces the watcher; the old decode finishes on its own and is ignored.
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
    }
    auto* watcher = new QFutureWatcher<Decoded>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcher<Decoded>::finished, this, [this, watcher] {
        if (watcher == m_watcher)
            finishDecode(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([path = m_path, allowDraft] {
        Decoded d;
        d.image = readUpright(path, allowDraft, d.draft);
        return d;
    }));
    update();
}

void ImageView::finishDecode(const Decoded& decoded)
{
    if (decoded.draft && !decoded.image.isNull()) {
        // Shown at once; the full development replaces it under the same zoom and centre.
        m_draft = true;
        setImage(decoded.image);
        Q_EMIT draftShown();
        startDecode(false);
        return;
    }
    m_loading = false;
    const bool wasDraft = std::exchange(m_draft, false);
    if (decoded.image.isNull() && wasDraft) {
        Q_EMIT loaded(false); // the full development failed: the draft stays, better than nothing
        return;
    }
    m_error = decoded.image.isNull() ? tr("This file cannot be shown.") : QString();
    if (wasDraft && !decoded.image.isNull()) {
        // The draft is half size: keep what the user sees (fit, or the same spot at the same magnification).
        const double ratio = double(m_image.width()) / decoded.image.width();
        m_image = decoded.image;
        m_zoom = std::clamp(m_zoom * ratio, 0.02, 16.0);
        update();
        notify();
    } else {
        setImage(decoded.image);
    }
    Q_EMIT loaded(!decoded.image.isNull());
}

void ImageView::setImage(const QImage& image)
{
    m_image = image;
    m_fit = true;
    m_center = { 0.5, 0.5 };
    update();
    notify();
}

double ImageView::fitScale() const
{
    if (m_image.isNull())
        return 1.0;
    return std::min({ 1.0, double(width()) / m_image.width(), double(height()) / m_image.height() });
}

double ImageView::zoom() const
{
    return m_fit ? fitScale() : m_zoom;
}

QRectF ImageView::imageRect() const
{
    const double s = zoom();
    const QSizeF size(m_image.width() * s, m_image.height() * s);
    const QPointF topLeft = m_fit
        ? QPointF((width() - size.width()) / 2, (height() - size.height()) / 2)
        : QPointF(width() / 2.0 - m_center.x() * size.width(), height() / 2.0 - m_center.y() * size.height());
    return { topLeft, size };
}

void ImageView::setView(bool fit, double zoom, QPointF center)
{
    m_fit = fit;
    m_zoom = std::clamp(zoom, 0.02, 16.0);
    m_center = QPointF(std::clamp(center.x(), 0.0, 1.0), std::clamp(center.y(), 0.0, 1.0));
    update();
}

void ImageView::fitToWindow()
{
    setView(true, m_zoom, { 0.5, 0.5 });
    notify();
}

void ImageView::zoomBy(double factor)
{
    const double current = zoom();
    m_fit = false;
    m_zoom = std::clamp(current * factor, 0.02, 16.0);
    update();
    notify();
}

void ImageView::notify()
{
    Q_EMIT viewChanged(m_fit, zoom(), m_center);
}

void ImageView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), QColor(32, 32, 32));
    if (m_image.isNull()) {
        p.setPen(QColor(200, 200, 200));
        p.drawText(rect(), Qt::AlignCenter, m_loading ? tr("Loading…") : m_error);
        return;
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform, zoom() < 1.0);
    p.drawImage(imageRect(), m_image);
}

void ImageView::wheelEvent(QWheelEvent* event)
{
    if (m_image.isNull())
        return;
    // Zoom about the pointer: the image point under it stays under it.
    const QRectF before = imageRect();
    const QPointF pos = event->position();
    const QPointF anchor((pos.x() - before.left()) / before.width(), (pos.y() - before.top()) / before.height());
    const double factor = event->angleDelta().y() > 0 ? 1.25 : 0.8;
    m_zoom = std::clamp(zoom() * factor, 0.02, 16.0);
    m_fit = false;
    const QSizeF size(m_image.width() * m_zoom, m_image.height() * m_zoom);
    m_center = QPointF(
        anchor.x() + (width() / 2.0 - pos.x()) / size.width(), anchor.y() + (height() / 2.0 - pos.y()) / size.height());
    update();
    notify();
    event->accept();
}

void ImageView::mousePressEvent(QMouseEvent* event)
{
    m_dragFrom = event->position().toPoint();
}

void ImageView::mouseMoveEvent(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_fit || m_image.isNull())
        return;
    const QPoint delta = event->position().toPoint() - m_dragFrom;
    m_dragFrom = event->position().toPoint();
    const QRectF r = imageRect();
    m_center -= QPointF(delta.x() / r.width(), delta.y() / r.height());
    m_center = QPointF(std::clamp(m_center.x(), 0.0, 1.0), std::clamp(m_center.y(), 0.0, 1.0));
    update();
    notify();
}

void ImageView::mouseDoubleClickEvent(QMouseEvent*)
{
    if (m_fit)
        setView(false, 1.0, m_center);
    else
        setView(true, m_zoom, { 0.5, 0.5 });
    notify();
}

void ImageView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        break;
    case Qt::Key_Minus:
        zoomBy(0.8);
        break;
    case Qt::Key_0:
        fitToWindow();
        break;
    case Qt::Key_1:
        setView(false, 1.0, m_center);
        notify();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
}

} // namespace shoebox
