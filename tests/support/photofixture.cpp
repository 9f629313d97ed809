#include "support/photofixture.h"

#include "catalog/photostore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>

namespace shoebox::test {

PhotoFixture::PhotoFixture(const QString& path)
{
    m_record.path = QFile::encodeName(path);
    m_record.displayPath = path;
    m_record.size = 1000;
    m_record.format = QStringLiteral("jpeg");
    content(m_record.path);
}

PhotoFixture& PhotoFixture::takenAt(const QDateTime& when)
{
    m_record.meta.takenAt = when;
    m_record.meta.takenSource = when.isValid() ? QStringLiteral("exif") : QString();
    return *this;
}

PhotoFixture& PhotoFixture::camera(const QString& model, const QString& make)
{
    m_record.meta.cameraModel = model;
    m_record.meta.cameraMake = make;
    return *this;
}

PhotoFixture& PhotoFixture::bytes(qint64 size)
{
    m_record.size = size;
    return *this;
}

PhotoFixture& PhotoFixture::content(const QByteArray& tag)
{
    m_record.contentHash = QCryptographicHash::hash(tag, QCryptographicHash::Md5);
    return *this;
}

PhotoFixture& PhotoFixture::gps(double latitude, double longitude)
{
    m_record.meta.gps = GpsPosition { latitude, longitude, std::nullopt };
    return *this;
}

PhotoFixture& PhotoFixture::pixels(int width, int height)
{
    m_record.meta.width = width;
    m_record.meta.height = height;
    return *this;
}

PhotoFixture& PhotoFixture::format(const QString& format)
{
    m_record.format = format;
    return *this;
}

PhotoFixture& PhotoFixture::state(PhotoState state)
{
    m_record.state = state;
    return *this;
}

PhotoFixture& PhotoFixture::hash(const QString& kind, const QByteArray& bits)
{
    m_hashes.insert(kind, bits);
    return *this;
}

PhotoFixture& PhotoFixture::hashes(const QMap<QString, QByteArray>& kinds)
{
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
        m_hashes.insert(it.key(), it.value());
    return *this;
}

qint64 PhotoFixture::saveTo(const QString& library) const
{
    PhotoStore store(library);
    return saveTo(store);
}

qint64 PhotoFixture::saveTo(PhotoStore& store) const
{
    return store.save(m_record, m_hashes);
}

PhotoFixture numberedPhoto(int i)
{
    return PhotoFixture(QStringLiteral("/synthetic/IMG_%1.jpg").arg(i)).bytes(1000 + i).pixels(400, 300);
}

PhotoFixture lifetimePhoto(int i, QRandomGenerator& rng)
{
    static const QDateTime start(QDate(1995, 1, 1), QTime(0, 0), Qt::LocalTime);
    PhotoFixture photo(QStringLiteral("/photos/%1/IMG_%2.jpg").arg(i / 1000).arg(i));
    photo.bytes(3'000'000 + i).pixels(4000, 3000).content(QByteArray::number(rng.generate64()));
    if (rng.bounded(100) >= 2)
        photo.takenAt(start.addSecs(qint64(rng.bounded(30 * 365 * 24 * 3600.0))));
    photo.hash(QStringLiteral("phash"), QByteArray::number(rng.generate64()).left(8));
    return photo;
}

} // namespace shoebox::test
