#include "albums/markstore.h"
#include "albums/organizer.h"
#include "catalog/photostore.h"
#include "metadata/sidecarsync.h"
#include "metadata/sidecarwriter.h"
#include "metadata/xmpreader.h"
#include "people/facestore.h"
#include "people/personstore.h"
#include "scan/scanner.h"
#include "support/testlibrary.h"
#include "support/xmpfixture.h"
#include "tags/tagstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSemaphore>
#include <QStandardPaths>
#include <QTest>
#include <QThreadPool>

#include <opencv2/imgcodecs.hpp>

#include <memory>

#include <sys/stat.h>
#include <utime.h>

using namespace shoebox;
using namespace shoebox::test;

namespace {

QByteArray jpeg(int seed)
{
    cv::Mat m(240, 320, CV_8UC3);
    cv::randu(m, cv::Scalar::all(seed), cv::Scalar::all(seed + 100));
    std::vector<unsigned char> buf;
    cv::imencode(".jpg", m, buf);
    return QByteArray(reinterpret_cast<const char*>(buf.data()), int(buf.size()));
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Moves a file's mtime by seconds, so "changed later" does not depend on the clock's resolution.
bool touch(const QString& path, int seconds)
{
    struct stat st { };
    const QByteArray p = QFile::encodeName(path);
    if (::stat(p.constData(), &st) != 0)
        return false;
    utimbuf t { st.st_atime, st.st_mtime + seconds };
    return ::utime(p.constData(), &t) == 0;
}

QMap<QString, QByteArray> checksums(const QString& dir, const QString& suffixToSkip)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        QFile f(p);
        if (!p.endsWith(suffixToSkip) && f.open(QIODevice::ReadOnly))
            out.insert(p, QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256));
    }
    return out;
}

QStringList manualTags(const QString& lib, qint64 id)
{
    QStringList out;
    for (const PhotoTag& t : TagStore(lib).tagsOfPhoto(id, QStringLiteral("en")))
        if (t.manual)
            out << t.name;
    out.sort();
    return out;
}

} // namespace

class TestSidecarSync : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<TestLibrary> m_tmp;
    QString m_photos;

    qint64 idOf(const QString& lib, const QString& name) const
    {
        const auto r = PhotoStore(lib).photoByPath(QFile::encodeName(m_photos + QLatin1Char('/') + name));
        return r ? r->id : 0;
    }
    ScanSummary scan(const QString& lib) const
    {
        Scanner s(lib);
        s.setWriteThumbnails(false);
        return s.scan({ QFile::encodeName(m_photos) });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // The preference lives in QSettings: keep it away from the user's own configuration.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(QDir::tempPath() + QStringLiteral("/shoebox-sidecarsync-config")));
    }
    void init()
    {
        m_tmp = std::make_unique<TestLibrary>();
        QVERIFY2(m_tmp->isOpen(), qPrintable(m_tmp->error()));
        m_photos = m_tmp->filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(m_photos));
        QVERIFY(writeFile(m_photos + QStringLiteral("/beach.jpg"), jpeg(10)));
        QVERIFY(writeFile(m_photos + QStringLiteral("/beach.jpg.xmp"), sidecarPacket(XmpTool::DigiKam)));
        QVERIFY(writeFile(m_photos + QStringLiteral("/tokyo.jpg"), jpeg(60)));
        QVERIFY(writeFile(m_photos + QStringLiteral("/tokyo.xmp"), sidecarPacket(XmpTool::Lightroom)));
        QVERIFY(writeFile(m_photos + QStringLiteral("/plain.jpg"), jpeg(120)));
        QVERIFY(writeFile(m_photos + QStringLiteral("/broken.jpg"), jpeg(150)));
        QVERIFY(writeFile(m_photos + QStringLiteral("/broken.jpg.xmp"), "<x:xmpmeta><<<not xml"));
    }
    void cleanup() { m_tmp.reset(); }

    void scanReadsSidecarsIntoTagsMarksTitlesAndFaces()
    {
        const QString lib = m_tmp->path();
        const ScanSummary s = scan(lib);
        QCOMPARE(s.totals.added, qint64(4));
        const qint64 beach = idOf(lib, QStringLiteral("beach.jpg")), tokyo = idOf(lib, QStringLiteral("tokyo.jpg"));
        QCOMPARE(
            manualTags(lib, beach), (QStringList { QStringLiteral("Holidays/Beach"), QStringLiteral("People/Alice") }));
        QCOMPARE(
            manualTags(lib, tokyo), (QStringList { QStringLiteral("Places/Japan/Tokyo"), QStringLiteral("night") }));
        const PhotoMarks m = MarkStore(lib).marks(beach);
        QCOMPARE(m.rating, 3);
        QCOMPARE(m.flag, PickFlag::Picked);
        QCOMPARE(MarkStore(lib).marks(tokyo).rating, 5);
        const auto t = PhotoStore(lib).photoById(tokyo);
        QCOMPARE(t->meta.title, QStringLiteral("Shibuya at night"));
        QVERIFY(t->meta.gps); // from XMP: the JPEG has no EXIF position
        QVERIFY(qAbs(t->meta.gps->longitude - 139.7) < 1e-9);
        const QVector<qint64> alice = PersonStore(lib).peopleNamed(QStringLiteral("Alice"), true);
        QCOMPARE(alice.size(), 1);
        const QList<StoredFace> faces = FaceStore(lib).facesOfPhoto(beach);
        QCOMPARE(faces.size(), 1);
        QCOMPARE(faces[0].personId, alice[0]);
        QVERIFY(faces[0].manual);
        // Bad XMP: the photo is fine, one line says why its sidecar was ignored.
        const auto broken = PhotoStore(lib).photoById(idOf(lib, QStringLiteral("broken.jpg")));
        QCOMPARE(broken->state, PhotoState::Ok);
        QVERIFY2(broken->error.startsWith(QStringLiteral("sidecar")), qPrintable(broken->error));
        QVERIFY(manualTags(lib, idOf(lib, QStringLiteral("plain.jpg"))).isEmpty());
    }

    void rescanPicksUpASidecarChangedByAnotherTool()
    {
        const QString lib = m_tmp->path();
        scan(lib);
        const qint64 plain = idOf(lib, QStringLiteral("plain.jpg"));
        QVERIFY(writeFile(m_photos + QStringLiteral("/plain.jpg.xmp"),
            xmpPacket("xmp:Rating=\"4\"", subjectBag({ QStringLiteral("garden") }))));
        ScanSummary s = scan(lib);
        QCOMPARE(s.totals.updated, qint64(1));
        QCOMPARE(manualTags(lib, plain), QStringList { QStringLiteral("garden") });
        QCOMPARE(MarkStore(lib).marks(plain).rating, 4);
        // Unchanged sidecars are not read again.
        s = scan(lib);
        QCOMPARE(s.totals.updated, qint64(0));
        QCOMPARE(s.totals.unchanged, qint64(4));
    }

    // Write sidecar -> a fresh library reads the same tags and ratings back; originals untouched.
    void writtenSidecarsRoundTripIntoAFreshLibrary()
    {
        const QString lib = m_tmp->path();
        scan(lib);
        const qint64 plain = idOf(lib, QStringLiteral("plain.jpg")), beach = idOf(lib, QStringLiteral("beach.jpg"));
        QVERIFY(TagStore(lib).addManualTag(plain, QStringLiteral("Family/Grandma")));
        QVERIFY(TagStore(lib).addManualTag(plain, QStringLiteral("cake")));
        Organizer organizer(lib);
        QVERIFY(organizer.setRating({ plain }, 4));
        QVERIFY(organizer.setFlag({ beach }, PickFlag::Rejected));
        const auto before = checksums(m_photos, QStringLiteral(".xmp"));
        const SidecarReport r = SidecarSync(lib).write({ plain, beach });
        QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.written, 2);
        QCOMPARE(checksums(m_photos, QStringLiteral(".xmp")), before);
        QVERIFY(QFileInfo::exists(m_photos + QStringLiteral("/plain.jpg.xmp")));

        TestLibrary fresh(QStringLiteral("fresh.db"));
        QVERIFY(fresh.isOpen());
        scan(fresh.path());
        const qint64 plain2 = idOf(fresh.path(), QStringLiteral("plain.jpg"));
        const qint64 beach2 = idOf(fresh.path(), QStringLiteral("beach.jpg"));
        QCOMPARE(manualTags(fresh.path(), plain2), manualTags(lib, plain));
        QCOMPARE(manualTags(fresh.path(), beach2), manualTags(lib, beach));
        QCOMPARE(MarkStore(fresh.path()).marks(plain2).rating, 4);
        QCOMPARE(MarkStore(fresh.path()).marks(beach2).flag, PickFlag::Rejected);
        QCOMPARE(FaceStore(fresh.path()).facesOfPhoto(beach2).size(), 1);
    }

    // Another tool changed the sidecar after Shoebox wrote it: keywords are united, the newer rating
    // wins, and the disagreement is reported.
    void aSidecarChangedElsewhereIsMergedBeforeWriting()
    {
        const QString lib = m_tmp->path();
        scan(lib);
        const qint64 plain = idOf(lib, QStringLiteral("plain.jpg"));
        QVERIFY(TagStore(lib).addManualTag(plain, QStringLiteral("cake")));
        Organizer organizer(lib);
        QVERIFY(organizer.setRating({ plain }, 2));
        QCOMPARE(SidecarSync(lib).write({ plain }).written, 1);
        const QString sidecar = m_photos + QStringLiteral("/plain.jpg.xmp");
        QVERIFY(writeFile(sidecar, xmpPacket("xmp:Rating=\"5\"", subjectBag({ QStringLiteral("birthday") }))));
        QVERIFY(touch(sidecar, 60)); // later than the catalog's rating
        const SidecarReport r = SidecarSync(lib).write({ plain });
        QCOMPARE(r.merged, 1);
        QCOMPARE(r.written, 1);
        QCOMPARE(r.notes.size(), 1);
        QVERIFY2(r.notes[0].contains(QStringLiteral("kept the XMP's")), qPrintable(r.notes[0]));
        QCOMPARE(manualTags(lib, plain), (QStringList { QStringLiteral("birthday"), QStringLiteral("cake") }));
        QCOMPARE(MarkStore(lib).marks(plain).rating, 5);
        const XmpData written = XmpReader::readSidecar(QFile::encodeName(sidecar), 1);
        QCOMPARE(written.keywords.size(), 2);
        QCOMPARE(written.rating.value_or(0), 5);
    }

    // The catalog's rating is newer than the sidecar's: the catalog's stays, and it says so.
    void theCatalogsNewerRatingWins()
    {
        const QString lib = m_tmp->path();
        const QString sidecar = m_photos + QStringLiteral("/plain.jpg.xmp");
        QVERIFY(writeFile(sidecar, xmpPacket("xmp:Rating=\"1\"")));
        QVERIFY(touch(sidecar, -3600));
        scan(lib);
        const qint64 plain = idOf(lib, QStringLiteral("plain.jpg"));
        QCOMPARE(MarkStore(lib).marks(plain).rating, 1);
        QVERIFY(Organizer(lib).setRating({ plain }, 4));
        QVERIFY(writeFile(sidecar, xmpPacket("xmp:Rating=\"2\"")));
        QVERIFY(touch(sidecar, -1800)); // changed elsewhere, but before the rating in the catalog
        const SidecarReport r = SidecarSync(lib).write({ plain });
        QCOMPARE(r.merged, 1);
        QCOMPARE(r.notes.size(), 1);
        QVERIFY2(r.notes[0].contains(QStringLiteral("kept the catalog's")), qPrintable(r.notes[0]));
        QCOMPARE(MarkStore(lib).marks(plain).rating, 4);
        QCOMPARE(XmpReader::readSidecar(QFile::encodeName(sidecar), 1).rating.value_or(0), 4);
    }

    // The preference (off by default) writes sidecars as marks change.
    void thePreferenceWritesSidecarsAsMarksChange()
    {
        const QString lib = m_tmp->path();
        scan(lib);
        const qint64 plain = idOf(lib, QStringLiteral("plain.jpg"));
        SidecarSync::setEnabled(false);
        QVERIFY(Organizer(lib).setRating({ plain }, 3));
        QVERIFY(!QFileInfo::exists(m_photos + QStringLiteral("/plain.jpg.xmp")));
        SidecarSync::setEnabled(true);
        Organizer organizer(lib);
        QVERIFY(organizer.setRating({ plain }, 5));
        QTRY_VERIFY(organizer.sidecarWriter()->isIdle()); // written in the background
        SidecarSync::setEnabled(false);
        const XmpData x = XmpReader::readSidecar(QFile::encodeName(m_photos + QStringLiteral("/plain.jpg.xmp")), 1);
        QCOMPARE(x.rating.value_or(0), 5);
    }

    // The writer never makes its caller wait: with its pool held up, schedule() returns and nothing is
    // written yet; the photos scheduled meanwhile are written together in one more run.
    void sidecarWritesRunInTheBackgroundAndCoalesce()
    {
        const QString lib = m_tmp->path();
        scan(lib);
        const qint64 plain = idOf(lib, QStringLiteral("plain.jpg")), tokyo = idOf(lib, QStringLiteral("tokyo.jpg"));
        PhotoMarks two;
        two.rating = 2;
        QVERIFY(MarkStore(lib).setMarks({ { plain, two }, { tokyo, two } }));
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        QSemaphore gate;
        pool.start([&gate] { gate.acquire(); }); // holds the pool's one thread
        SidecarWriter writer(lib, nullptr, &pool);
        QList<SidecarReport> reports;
        connect(&writer, &SidecarWriter::written, this, [&reports](const SidecarReport& r) { reports << r; });
        writer.schedule({ plain });
        writer.schedule({ tokyo, plain });
        writer.schedule({ tokyo });
        QVERIFY(!writer.isIdle());
        QVERIFY(!QFileInfo::exists(m_photos + QStringLiteral("/plain.jpg.xmp")));
        gate.release();
        QTRY_VERIFY(writer.isIdle());
        QCOMPARE(reports.size(), 2); // the first run, then everything scheduled while it waited
        QCOMPARE(reports[0].written, 1);
        QCOMPARE(reports[1].written, 2);
        QCOMPARE(XmpReader::readSidecar(QFile::encodeName(m_photos + QStringLiteral("/plain.jpg.xmp")), 1).rating,
            std::optional<int>(2));
        QCOMPARE(XmpReader::readSidecar(QFile::encodeName(m_photos + QStringLiteral("/tokyo.xmp")), 1).rating,
            std::optional<int>(2));
    }
};

QTEST_GUILESS_MAIN(TestSidecarSync)
#include "tst_sidecarsync.moc"
