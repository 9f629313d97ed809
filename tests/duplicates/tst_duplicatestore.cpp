#include "catalog/database.h"
#include "duplicates/duplicatefinder.h"
#include "duplicates/duplicatestore.h"
#include "support/duplicatefixture.h"
#include "support/testlibrary.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace shoebox;
using namespace shoebox::test;

class TestDuplicateStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void rejectedPairNeverProposedAgain()
    {
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString lib = library.path();
        const cv::Mat a = syntheticPhoto(11);
        cv::Mat smaller;
        cv::resize(a, smaller, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
        addToCatalog(lib, a, QStringLiteral("/p/a.jpg"), "a");
        addToCatalog(lib, smaller, QStringLiteral("/p/a-small.jpg"), "a-small");
        QCOMPARE(DuplicateFinder(lib).find(DuplicateLevel::Near).size(), 1);

        DuplicateStore store(lib);
        const QByteArray ha = QCryptographicHash::hash("a", QCryptographicHash::Md5);
        const QByteArray hb = QCryptographicHash::hash("a-small", QCryptographicHash::Md5);
        QVERIFY(store.setVerdict(hb, ha, DuplicateStore::kNotDuplicates));
        QCOMPARE(store.verdict(ha, hb).value_or(QString()), DuplicateStore::kNotDuplicates);
        QVERIFY(DuplicateFinder(lib).find(DuplicateLevel::Near).isEmpty());

        // A rescan after moving the files gives new ids and paths but the same bytes.
        QVERIFY(execSql(Database::connection(lib), QStringLiteral("DELETE FROM photos")));
        addToCatalog(lib, smaller, QStringLiteral("/q/renamed-small.jpg"), "a-small");
        addToCatalog(lib, a, QStringLiteral("/q/renamed.jpg"), "a");
        QVERIFY(DuplicateFinder(lib).find(DuplicateLevel::Near).isEmpty());
        // Re-tagging adds embeddings; the verdict still holds.
        QVERIFY(execSql(Database::connection(lib),
            QStringLiteral("INSERT INTO embeddings(photo_id, model, dim, vector) SELECT id, 'm', 1, x'003c'"
                           " FROM photos")));
        QVERIFY(DuplicateFinder(lib).find(DuplicateLevel::Near).isEmpty());
        QVERIFY(DuplicateFinder(lib).find(DuplicateLevel::Similar).isEmpty());

        QVERIFY(store.forget(ha, hb));
        QCOMPARE(DuplicateFinder(lib).find(DuplicateLevel::Near).size(), 1);
    }

    void groupVerdictCoversEveryPair()
    {
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString lib = library.path();
        DuplicateStore store(lib);
        QVERIFY(store.setGroupVerdict({ "x", "y", "z" }, DuplicateStore::kKeepAll));
        QCOMPARE(store.decidedPairs().size(), 3);
        QVERIFY(store.decidedPairs().contains(DuplicateStore::pairKey("z", "x")));
    }

    void keepAllOfIdenticalCopiesHidesTheirExactGroup()
    {
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString lib = library.path();
        const cv::Mat a = syntheticPhoto(61);
        addToCatalog(lib, a, QStringLiteral("/p/a.jpg"), "a");
        addToCatalog(lib, a, QStringLiteral("/p/backup/a.jpg"), "a");
        QCOMPARE(DuplicateFinder(lib).find(DuplicateLevel::Exact).size(), 1);
        const QByteArray h = QCryptographicHash::hash("a", QCryptographicHash::Md5);
        QVERIFY(DuplicateStore(lib).setGroupVerdict({ h, h }, DuplicateStore::kKeepAll));
        QVERIFY(DuplicateFinder(lib).find(DuplicateLevel::Exact).isEmpty());
        QVERIFY(DuplicateFinder(lib).find(DuplicateLevel::Near).isEmpty());
    }

    void badVerdictsAreRefused()
    {
        const TestLibrary library;
        QVERIFY2(library.isOpen(), qPrintable(library.error()));
        const QString lib = library.path();
        DuplicateStore store(lib);
        QVERIFY(!store.setVerdict("x", "x", DuplicateStore::kNotDuplicates)); // same bytes are duplicates
        QVERIFY(!store.setVerdict("x", "y", QStringLiteral("maybe")));
        QVERIFY(!store.setVerdict(QByteArray(), "y", DuplicateStore::kKeepAll));
        QVERIFY(store.decidedPairs().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDuplicateStore)
#include "tst_duplicatestore.moc"
