// The scan's one read of a file: the bytes it keeps and the content hash computed chunk by chunk
// while reading must be exactly the bytes on disk and the one-shot XXH3-128 of them, at every size
// around the chunk boundary (exact duplicates and moved-file detection rely on that hash).

#include "scan/filereader.h"
#include "scan/photoprocessor.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <xxhash.h>

using namespace shoebox;

namespace {

// The plain (SSE2, one-shot) libxxhash call: independent of the reader's streaming, dispatched path.
QByteArray referenceHash(const QByteArray& bytes)
{
    XXH128_canonical_t c;
    XXH128_canonicalFromHash(&c, XXH3_128bits(bytes.constData(), size_t(bytes.size())));
    return QByteArray(reinterpret_cast<const char*>(c.digest), int(sizeof c.digest));
}

QByteArray randomBytes(qint64 n, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray out(n, Qt::Uninitialized);
    for (char& c : out)
        c = char(rng.generate());
    return out;
}

} // namespace

class TestFileReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readKeepsTheBytesAndHashesEveryOne_data()
    {
        QTest::addColumn<qint64>("size");
        const qint64 chunk = qint64(FileReader::kChunk);
        QTest::newRow("one byte") << qint64(1);
        QTest::newRow("one byte short of a chunk") << chunk - 1;
        QTest::newRow("one chunk") << chunk;
        QTest::newRow("one byte over a chunk") << chunk + 1;
        QTest::newRow("a RAW-like 3.x chunks") << 3 * chunk + 17;
    }

    void readKeepsTheBytesAndHashesEveryOne()
    {
        QFETCH(qint64, size);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("file.bin"));
        const QByteArray bytes = randomBytes(size, quint32(size));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == size);
        f.close();

        FileReader reader;
        const FileReader::Result r = reader.read(QFile::encodeName(path), 1 << 30);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.size, size);
        QVERIFY(r.mtimeNs > 0);
        QCOMPARE(qint64(reader.size()), size);
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(reader.data()), int(reader.size())), bytes);
        QCOMPARE(r.contentHash.toHex(), referenceHash(bytes).toHex());
        QCOMPARE(FileReader::contentHash(reader.data(), reader.size()).toHex(), referenceHash(bytes).toHex());
        QCOMPARE(PhotoProcessor::contentHash(reader.data(), reader.size()).toHex(), referenceHash(bytes).toHex());
        // A one-byte change anywhere, here the last byte, changes the hash.
        QByteArray changed = bytes;
        changed[changed.size() - 1] = char(changed.back() ^ 1);
        QVERIFY(referenceHash(changed) != r.contentHash);
    }

    // The buffer is reused: a smaller second file must not keep the first one's tail.
    void secondSmallerFileHasOnlyItsOwnBytes()
    {
        QTemporaryDir dir;
        const QByteArray big = randomBytes(qint64(FileReader::kChunk) * 2, 1), small = randomBytes(100, 2);
        FileReader reader;
        for (const QByteArray& bytes : { big, small }) {
            const QString path = dir.filePath(QString::number(bytes.size()));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
            f.close();
            const FileReader::Result r = reader.read(QFile::encodeName(path), 1 << 30);
            QCOMPARE(QByteArray(reinterpret_cast<const char*>(reader.data()), int(reader.size())), bytes);
            QCOMPARE(r.contentHash, referenceHash(bytes));
            reader.release();
            QCOMPARE(reader.size(), size_t(0));
        }
    }

    // A file over the in-memory limit is not read; streamed, it keeps only its head and hashes every byte.
    void largeFileIsRefusedOrStreamedWithTheSameHash()
    {
        QTemporaryDir dir;
        const QByteArray bytes = randomBytes(qint64(FileReader::kChunk) * 3 + 5, 3);
        const QString path = dir.filePath(QStringLiteral("big.mp4"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
        f.close();
        FileReader reader;
        const FileReader::Result refused = reader.read(QFile::encodeName(path), bytes.size() - 1);
        QVERIFY(refused.tooLarge);
        QVERIFY2(refused.error.contains(QStringLiteral("over the size limit")), qPrintable(refused.error));
        QCOMPARE(reader.size(), size_t(0));
        const FileReader::Result streamed = reader.stream(QFile::encodeName(path));
        QVERIFY2(streamed.error.isEmpty(), qPrintable(streamed.error));
        QCOMPARE(streamed.size, qint64(bytes.size()));
        QCOMPARE(streamed.contentHash.toHex(), referenceHash(bytes).toHex());
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(reader.data()), int(reader.size())),
            bytes.left(qsizetype(FileReader::kChunk)));
    }

    void missingFileIsReportedVanished()
    {
        QTemporaryDir dir;
        FileReader reader;
        const FileReader::Result r = reader.read(QFile::encodeName(dir.filePath(QStringLiteral("gone.jpg"))), 1 << 30);
        QVERIFY(r.vanished);
        QVERIFY(r.error.contains(QStringLiteral("vanished")));
        QVERIFY(r.contentHash.isEmpty());
        QCOMPARE(reader.size(), size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestFileReader)
#include "tst_filereader.moc"
