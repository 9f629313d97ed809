// DuplicateActions, the service behind the Find Duplicates dialog and `shoebox-cli duplicates`:
// groups of synthetic photos in a temporary library are trashed (or only listed), restored, kept or
// marked as not duplicates. The trash is a temporary XDG_DATA_HOME, never the user's.

#include "catalog/database.h"
#include "catalog/photostore.h"
#include "duplicates/duplicateactions.h"
#include "duplicates/duplicatestore.h"
#include "support/duplicatefixture.h"
#include "support/testlibrary.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace shoebox;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A temporary library with photos on disk and in the catalog, as a scan would leave them.
class Library {
public:
    explicit Library(const QString& home)
        : m_dir(home + QStringLiteral("/lib-XXXXXX"))
        , m_path(m_dir.filePath(QStringLiteral("library.db")))
    {
        QString error;
        m_open = m_dir.isValid() && Database::open(m_path, &error);
    }
    ~Library() { Database::closeThreadConnection(m_path); }

    bool isOpen() const { return m_open; }
    const QString& path() const { return m_path; }

    // A group of size photos of one scene (seed); sameBytes of them are byte-identical copies of the
    // first. Every file exists on disk and in the catalog.
    DuplicateGroup addGroup(int seed, int size, int keeper, int sameBytes = 1)
    {
        DuplicateGroup g;
        g.keeper = keeper;
        const cv::Mat img = test::syntheticPhoto(seed);
        for (int i = 0; i < size; ++i) {
            const QString file = m_dir.filePath(QStringLiteral("photo-%1-%2.jpg").arg(seed).arg(i));
            const QByteArray tag = QByteArray::number(seed) + '-' + QByteArray::number(i < sameBytes ? 0 : i);
            if (i > 0 && i < sameBytes)
                QFile::copy(g.files.first(), file);
            else
                cv::imwrite(file.toStdString(), img, { cv::IMWRITE_JPEG_QUALITY, 95 - 5 * i });
            g.members << test::addToCatalog(m_path, img, file, tag);
            g.files << file;
            g.contentHashes << PhotoStore(m_path).photoById(g.members.last())->contentHash;
        }
        return g;
    }

    int photosShown() const { return int(PhotoStore(m_path).photoIdsByDate().size()); }

private:
    QTemporaryDir m_dir;
    QString m_path;
    bool m_open = false;
};

} // namespace

class TestDuplicateActions : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_home; // HOME and the trash; each slot makes its own library below it

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(test::useTemporaryHome(m_home.path()));
    }

    void trashOthersMovesAllButTheKeeper_data()
    {
        QTest::addColumn<QList<int>>("sizes"); // one group per entry
        QTest::addColumn<int>("keeper");
        QTest::addColumn<bool>("dryRun");
        QTest::newRow("pair, keep first") << QList<int> { 2 } << 0 << false;
        QTest::newRow("three, keep last") << QList<int> { 3 } << 2 << false;
        QTest::newRow("four, keep second") << QList<int> { 4 } << 1 << false;
        QTest::newRow("two groups, one batch") << QList<int> { 2, 3 } << 0 << false;
        QTest::newRow("dry run") << QList<int> { 3 } << 1 << true;
        QTest::newRow("dry run, two groups") << QList<int> { 2, 2 } << 0 << true;
    }

    void trashOthersMovesAllButTheKeeper()
    {
        QFETCH(QList<int>, sizes);
        QFETCH(int, keeper);
        QFETCH(bool, dryRun);
        Library lib(m_home.path());
        QVERIFY(lib.isOpen());
        QList<DuplicateGroup> groups;
        int photos = 0;
        for (int i = 0; i < sizes.size(); ++i) {
            groups << lib.addGroup(40 + i, sizes[i], std::min(keeper, sizes[i] - 1));
            photos += sizes[i];
        }

        const auto mode = dryRun ? DuplicateActions::Mode::DryRun : DuplicateActions::Mode::Trash;
        const TrashResult result = DuplicateActions(lib.path()).trashOthers(groups, mode);

        QCOMPARE(result.dryRun, dryRun);
        QCOMPARE(result.moves.size(), photos - groups.size());
        QCOMPARE(result.failedCount(), 0);
        QCOMPARE(result.movedCount(), dryRun ? 0 : photos - groups.size());
        int m = 0;
        for (const DuplicateGroup& g : std::as_const(groups)) {
            for (int i = 0; i < g.files.size(); ++i) {
                const bool isKeeper = i == g.keeper;
                QCOMPARE(QFile::exists(g.files[i]), isKeeper || dryRun);
                if (isKeeper)
                    continue;
                const TrashMove& move = result.moves[m++];
                QCOMPARE(move.file, g.files[i]);
                QCOMPARE(move.keep, g.files[g.keeper]);
                QCOMPARE(move.photoId, g.members[i]);
                QCOMPARE(move.trashPath.isEmpty(), dryRun);
                if (!dryRun)
                    QVERIFY(QFile::exists(move.trashPath));
            }
        }
        QCOMPARE(lib.photosShown(), dryRun ? photos : int(groups.size()));
    }

    void undoRestoresTheLastBatchByteForByte_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("sameBytes"); // byte-identical copies among them
        QTest::newRow("pair") << 2 << 1;
        QTest::newRow("five") << 5 << 1;
        QTest::newRow("identical copies") << 3 << 3;
    }

    void undoRestoresTheLastBatchByteForByte()
    {
        QFETCH(int, size);
        QFETCH(int, sameBytes);
        Library lib(m_home.path());
        QVERIFY(lib.isOpen());
        const DuplicateGroup earlier = lib.addGroup(60, 2, 0);
        const DuplicateGroup group = lib.addGroup(61, size, 0, sameBytes);
        QHash<QString, QByteArray> before;
        for (const QString& f : group.files)
            before.insert(f, readAll(f));
        DuplicateActions actions(lib.path());
        QCOMPARE(actions.trashOthers({ earlier }).movedCount(), 1);
        QCOMPARE(actions.trashOthers({ group }).movedCount(), size - 1);

        const UndoResult undo = actions.undoLastTrash();
        QCOMPARE(undo.batchSize, size - 1);
        QCOMPARE(undo.restored, size - 1);
        QVERIFY2(undo.errors.isEmpty(), qPrintable(undo.errors.join(QLatin1Char('\n'))));
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(readAll(it.key()), it.value());
        QVERIFY(!QFile::exists(earlier.files[1])); // an earlier batch stays until its own undo
        QCOMPARE(lib.photosShown(), size + 1);

        QCOMPARE(actions.undoLastTrash().restored, 1);
        QVERIFY(QFile::exists(earlier.files[1]));
        const UndoResult nothing = actions.undoLastTrash();
        QCOMPARE(nothing.batchSize, 0);
        QVERIFY(nothing.errors.isEmpty());
    }

    // A member the group marks to check stays where it is unless the caller moves those too (a person
    // who looked at the group); the others move either way.
    void membersToCheckStayUnlessAskedFor_data()
    {
        QTest::addColumn<bool>("moveThem");
        QTest::newRow("left to check") << false;
        QTest::newRow("moved on request") << true;
    }
    void membersToCheckStayUnlessAskedFor()
    {
        QFETCH(bool, moveThem);
        Library lib(m_home.path());
        QVERIFY(lib.isOpen());
        DuplicateGroup group = lib.addGroup(75, 3, 0);
        group.toCheck = { false, true, false };
        const TrashResult result
            = DuplicateActions(lib.path())
                  .trashOthers({ group }, DuplicateActions::Mode::Trash,
                      moveThem ? DuplicateActions::ToCheck::Move : DuplicateActions::ToCheck::Leave);
        QCOMPARE(result.moves.size(), 2);
        QCOMPARE(result.movedCount(), moveThem ? 2 : 1);
        QCOMPARE(result.leftToCheckCount(), moveThem ? 0 : 1);
        QCOMPARE(result.failedCount(), 0);
        QCOMPARE(QFile::exists(group.files[1]), !moveThem);
        QVERIFY(!QFile::exists(group.files[2]));
        QVERIFY(QFile::exists(group.files[0]));
    }

    void unmovableFileGetsItsOwnErrorAndNothingElseIsLost_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("expectedError");
        QTest::newRow("file gone from disk") << QStringLiteral("gone") << QStringLiteral("no such file");
        QTest::newRow("photo gone from the library")
            << QStringLiteral("uncatalogued") << QStringLiteral("no longer in the library");
    }

    void unmovableFileGetsItsOwnErrorAndNothingElseIsLost()
    {
        QFETCH(QString, problem);
        QFETCH(QString, expectedError);
        Library lib(m_home.path());
        QVERIFY(lib.isOpen());
        DuplicateGroup group = lib.addGroup(70, 4, 0);
        const int bad = 2;
        const QByteArray badBytes = readAll(group.files[bad]);
        if (problem == QLatin1String("gone")) {
            QVERIFY(QFile::remove(group.files[bad]));
        } else {
            group.members[bad] = 999999; // no such photo
        }
        QHash<QString, QByteArray> before;
        for (const QString& f : std::as_const(group.files))
            before.insert(f, readAll(f));

        const TrashResult result = DuplicateActions(lib.path()).trashOthers({ group });
        QCOMPARE(result.moves.size(), 3);
        QCOMPARE(result.failedCount(), 1);
        QCOMPARE(result.movedCount(), 2);
        const TrashMove& failed = result.moves[bad - 1];
        QCOMPARE(failed.file, group.files[bad]);
        QVERIFY2(failed.error.contains(expectedError), qPrintable(failed.error));
        QVERIFY(failed.trashPath.isEmpty());
        QCOMPARE(result.errors(), QStringList { failed.error });
        QCOMPARE(QFile::exists(group.files[bad]), problem != QLatin1String("gone"));
        if (problem != QLatin1String("gone"))
            QCOMPARE(readAll(group.files[bad]), badBytes);

        const UndoResult undo = DuplicateActions(lib.path()).undoLastTrash();
        QCOMPARE(undo.restored, 2);
        QVERIFY(undo.errors.isEmpty());
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QCOMPARE(readAll(it.key()), it.value());
    }

    void verdictIsRememberedForEveryPairAndForgotten_data()
    {
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("sameBytes");
        QTest::newRow("keep all, pair") << DuplicateStore::kKeepAll << 2 << 1;
        QTest::newRow("keep all, three") << DuplicateStore::kKeepAll << 3 << 1;
        QTest::newRow("keep all, identical copies") << DuplicateStore::kKeepAll << 3 << 2;
        QTest::newRow("keep all, only identical copies") << DuplicateStore::kKeepAll << 2 << 2;
        QTest::newRow("not duplicates, pair") << DuplicateStore::kNotDuplicates << 2 << 1;
        QTest::newRow("not duplicates, four") << DuplicateStore::kNotDuplicates << 4 << 1;
        QTest::newRow("not duplicates, identical copies") << DuplicateStore::kNotDuplicates << 3 << 2;
    }

    void verdictIsRememberedForEveryPairAndForgotten()
    {
        QFETCH(QString, verdict);
        QFETCH(int, size);
        QFETCH(int, sameBytes);
        Library lib(m_home.path());
        QVERIFY(lib.isOpen());
        const DuplicateGroup group = lib.addGroup(80, size, 0, sameBytes);
        DuplicateActions actions(lib.path());
        QVERIFY(actions.setVerdict(group.contentHashes, verdict));

        const DuplicateStore store(lib.path());
        for (int i = 0; i < size; ++i) {
            for (int j = i + 1; j < size; ++j) {
                const QByteArray& a = group.contentHashes[i];
                const QByteArray& b = group.contentHashes[j];
                // Identical bytes are duplicates: only "keep all" can hold them (a file with itself).
                const bool stored = a != b || verdict == DuplicateStore::kKeepAll;
                QCOMPARE(store.verdict(a, b).value_or(QString()), stored ? verdict : QString());
            }
        }
        QVERIFY(actions.forgetVerdict(group.contentHashes));
        QVERIFY(store.decidedPairs().isEmpty());
        for (int i = 0; i < size; ++i)
            for (int j = i; j < size; ++j)
                QVERIFY(!store.verdict(group.contentHashes[i], group.contentHashes[j]));
    }

    void verdictByFileNames_data()
    {
        QTest::addColumn<int>("files"); // how many of the group's files are named
        QTest::addColumn<bool>("outsider"); // also name a file that is not in the library
        QTest::addColumn<int>("status");
        QTest::newRow("two files") << 2 << false << int(VerdictResult::Stored);
        QTest::newRow("three files") << 3 << false << int(VerdictResult::Stored);
        QTest::newRow("one file") << 1 << false << int(VerdictResult::TooFewPhotos);
        QTest::newRow("one not in the library") << 2 << true << int(VerdictResult::NotInLibrary);
    }

    void verdictByFileNames()
    {
        QFETCH(int, files);
        QFETCH(bool, outsider);
        QFETCH(int, status);
        Library lib(m_home.path());
        QVERIFY(lib.isOpen());
        const DuplicateGroup group = lib.addGroup(90, 3, 0);
        QStringList named = group.files.mid(0, files);
        const QString stranger = m_home.filePath(QStringLiteral("stranger.jpg"));
        if (outsider)
            named.insert(1, stranger);

        const VerdictResult r = DuplicateActions(lib.path()).setVerdict(named, DuplicateStore::kNotDuplicates);
        QCOMPARE(int(r.status), status);
        QCOMPARE(r.ok(), status == int(VerdictResult::Stored));
        QCOMPARE(r.file, outsider ? stranger : QString());
        const DuplicateStore store(lib.path());
        QCOMPARE(store.decidedPairs().size(), r.ok() ? files * (files - 1) / 2 : 0);
        if (r.ok())
            QCOMPARE(r.photos, files);
    }
};

QTEST_GUILESS_MAIN(TestDuplicateActions)
#include "tst_duplicateactions.moc"
