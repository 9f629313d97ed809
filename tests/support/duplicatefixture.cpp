#include "support/duplicatefixture.h"

#include "duplicates/duplicatefinder.h"
#include "duplicates/duplicatesignals.h"
#include "image/perceptualhasher.h"
#include "image/thumbnailcache.h"
#include "support/photofixture.h"

#include <QCryptographicHash>
#include <QDir>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <random>

namespace shoebox::test {

cv::Mat largeGray(const cv::Mat& bgr)
{
    cv::Mat g;
    cv::cvtColor(ThumbnailCache::scaled(bgr, ThumbnailCache::Large), g, cv::COLOR_BGR2GRAY);
    return g;
}

cv::Mat syntheticPhoto(int seed, int width, int height)
{
    std::mt19937 rng(uint32_t(seed) * 7919u + 17u);
    std::uniform_int_distribution<int> c(0, 255), x(0, width), y(0, height), r(10, width / 4);
    cv::Mat img(height, width, CV_8UC3, cv::Scalar(c(rng), c(rng), c(rng)));
    for (int i = 0; i < 25; ++i)
        cv::circle(img, cv::Point(x(rng), y(rng)), r(rng), cv::Scalar(c(rng), c(rng), c(rng)), cv::FILLED);
    for (int i = 0; i < 10; ++i)
        cv::rectangle(img, cv::Rect(x(rng), y(rng), r(rng), r(rng)), cv::Scalar(c(rng), c(rng), c(rng)), cv::FILLED);
    cv::GaussianBlur(img, img, cv::Size(0, 0), 2.0);
    return img;
}

cv::Mat nearEmptyPicture()
{
    cv::Mat img(720, 960, CV_8UC3);
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x)
            img.at<cv::Vec3b>(y, x) = cv::Vec3b::all(uchar(40 + (x + y) / 30));
    cv::circle(img, cv::Point(830, 500), 110, cv::Scalar::all(200), cv::FILLED);
    cv::GaussianBlur(img, img, cv::Size(0, 0), 6);
    return img;
}

cv::Mat cropped(const cv::Mat& img, double f)
{
    const int dx = int(img.cols * f), dy = int(img.rows * f);
    return img(cv::Rect(dx, dy, img.cols - 2 * dx, img.rows - 2 * dy)).clone();
}

cv::Mat half(const cv::Mat& img)
{
    cv::Mat out;
    cv::resize(img, out, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
    return out;
}

PhotoSignals signalsFor(const cv::Mat& img, qint64 id, const QString& path, const QByteArray& tag)
{
    PhotoSignals p = DuplicateSignals::fromImage(img, path);
    p.id = id;
    p.path = path;
    p.contentHash = QCryptographicHash::hash(tag, QCryptographicHash::Md5);
    p.size = 1000 + tag.size();
    p.format = QStringLiteral("jpeg");
    return p;
}

QVector<PhotoSignals> savedPhotos(
    const QString& dir, const std::vector<cv::Mat>& pictures, const QString& suffix, bool keypoints)
{
    const bool png = suffix == QLatin1String("png");
    QVector<PhotoSignals> photos;
    for (size_t i = 0; i < pictures.size(); ++i) {
        const QString path = QDir(dir).filePath(QStringLiteral("p%1.%2").arg(i + 1).arg(suffix));
        const std::vector<int> options = png ? std::vector<int>() : std::vector<int> { cv::IMWRITE_JPEG_QUALITY, 90 };
        if (!cv::imwrite(path.toStdString(), pictures[i], options))
            return {};
        PhotoSignals p = signalsFor(pictures[i], qint64(i + 1), path, path.toUtf8());
        p.rawPath = path.toUtf8();
        if (png)
            p.format = QStringLiteral("png");
        if (!keypoints)
            p.keypoints = nullptr;
        photos << p;
    }
    return photos;
}

QString similarReasons(const QVector<PhotoSignals>& photos)
{
    const auto groups = DuplicateFinder::findIn(photos, DuplicateLevel::Similar, DuplicateRules(), {});
    if (groups.size() != 1)
        return QStringLiteral("%1 similar groups").arg(groups.size());
    return groups.front().reasons.join(QLatin1Char(' '));
}

qint64 addToCatalog(const QString& library, const cv::Mat& img, const QString& path, const QByteArray& tag)
{
    return PhotoFixture(path)
        .bytes(1000 + tag.size())
        .content(tag)
        .pixels(img.cols, img.rows)
        .hashes(PerceptualHasher::compute(img))
        .saveTo(library);
}

PhotoSignals photoOf(const cv::Mat& img, qint64 id)
{
    return signalsFor(img, id, QStringLiteral("/p%1.jpg").arg(id), QByteArray::number(id));
}

QString describe(const PairDecision& d)
{
    return duplicateLevelName(d.level) + QLatin1String(": ") + d.reasons.join(QLatin1String("; "));
}

} // namespace shoebox::test
