#include "search/searchengine.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"
#include "tags/tagstore.h"

#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

class TestSearchEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void parsesYearsCamerasAndQuotedTags();
    void findsTagInAnyLanguage_data();
    void findsTagInAnyLanguage();
    void combinesTermsWithAnd();
    void findsByYearMonthFileNameAndCamera();
    void multiWordTagNeedsNoQuotes();
    void completesTagNamesAndCameras();
    void emptyOrUnknownQueryFindsNothing();

private:
    std::unique_ptr<TestLibrary> m_dir;
    QString m_lib;
    qint64 m_dog = 0, m_person = 0, m_kite = 0;
};

void TestSearchEngine::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

// Every slot gets its own library: a dog, a person and a kite, tagged.
void TestSearchEngine::init()
{
    m_dir = std::make_unique<TestLibrary>();
    QVERIFY2(m_dir->isOpen(), qPrintable(m_dir->error()));
    m_lib = m_dir->path();
    m_dog = PhotoFixture(QStringLiteral("/photos/dog.jpg"))
                .takenAt(QDateTime(QDate(2019, 5, 3), QTime(10, 0)))
                .camera(QStringLiteral("Canon EOS 80D"))
                .saveTo(m_lib);
    m_person = PhotoFixture(QStringLiteral("/photos/person.jpg"))
                   .takenAt(QDateTime(QDate(2021, 7, 1), QTime(9, 0)))
                   .camera(QStringLiteral("Pixel 6"))
                   .saveTo(m_lib);
    m_kite = PhotoFixture(QStringLiteral("/photos/kite.jpg")).saveTo(m_lib);
    QVERIFY(m_dog > 0 && m_person > 0 && m_kite > 0);
    auto result = [](qint64 id, QStringList labels) {
        TagResult r;
        r.photoId = id;
        for (const QString& l : labels) {
            Detection d;
            d.label = l;
            d.score = 0.5f;
            r.analysis.detections.push_back(d);
        }
        return r;
    };
    QVERIFY(TagStore(m_lib).storeResults(QStringLiteral("m"),
        { result(m_dog, { "dog", "bicycle", "car" }), result(m_person, { "person", "dog" }),
            result(m_kite, { "kite", "person", "teddy bear" }) }));
}

void TestSearchEngine::cleanup()
{
    m_dir.reset();
}

void TestSearchEngine::parsesYearsCamerasAndQuotedTags()
{
    const QList<SearchTerm> t
        = SearchEngine::parse(QStringLiteral("dog 2019 2019-05 camera:canon tag:\"hot dog\" name:IMG_1"));
    QCOMPARE(t.size(), 6);
    QCOMPARE(t[0].kind, SearchTerm::Kind::Any);
    QCOMPARE(t[1].kind, SearchTerm::Kind::Year);
    QCOMPARE(t[1].year, 2019);
    QCOMPARE(t[2].kind, SearchTerm::Kind::YearMonth);
    QCOMPARE(t[2].month, 5);
    QCOMPARE(t[3].kind, SearchTerm::Kind::Camera);
    QCOMPARE(t[3].text, QStringLiteral("canon"));
    QCOMPARE(t[4].kind, SearchTerm::Kind::Tag);
    QCOMPARE(t[4].text, QStringLiteral("hot dog"));
    QCOMPARE(t[5].kind, SearchTerm::Kind::Name);
    QCOMPARE(SearchEngine::parse(QStringLiteral("12345")).value(0).kind, SearchTerm::Kind::Any);
}

void TestSearchEngine::findsTagInAnyLanguage_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("en") << "dog";
    QTest::newRow("zh") << "狗";
    QTest::newRow("de") << "Hund";
    QTest::newRow("de lower") << "hund";
    QTest::newRow("ja") << "犬";
    QTest::newRow("ru") << "собака";
    QTest::newRow("tag:") << "tag:perro";
}

void TestSearchEngine::findsTagInAnyLanguage()
{
    QFETCH(QString, query);
    // Newest capture first.
    QCOMPARE(SearchEngine(m_lib).search(query), (QVector<qint64> { m_person, m_dog }));
}

void TestSearchEngine::combinesTermsWithAnd()
{
    QCOMPARE(SearchEngine(m_lib).search(QStringLiteral("Hund Fahrrad")), QVector<qint64> { m_dog });
    QCOMPARE(SearchEngine(m_lib).search(QStringLiteral("dog 2021")), QVector<qint64> { m_person });
    QVERIFY(SearchEngine(m_lib).search(QStringLiteral("kite dog")).isEmpty());
}

void TestSearchEngine::findsByYearMonthFileNameAndCamera()
{
    SearchEngine s(m_lib);
    QCOMPARE(s.search(QStringLiteral("2019-05")), QVector<qint64> { m_dog });
    QVERIFY(s.search(QStringLiteral("2019-06")).isEmpty());
    QCOMPARE(s.search(QStringLiteral("name:kite")), QVector<qint64> { m_kite });
    QCOMPARE(s.search(QStringLiteral("camera:canon")), QVector<qint64> { m_dog });
    QCOMPARE(s.search(QStringLiteral("pixel")), QVector<qint64> { m_person }); // a bare word matches cameras too
    QCOMPARE(s.search(QStringLiteral("person.jpg")), QVector<qint64> { m_person });
}

void TestSearchEngine::multiWordTagNeedsNoQuotes()
{
    QCOMPARE(SearchEngine(m_lib).search(QStringLiteral("teddy bear")), QVector<qint64> { m_kite });
    QCOMPARE(SearchEngine(m_lib).search(QStringLiteral("\"teddy bear\" person")), QVector<qint64> { m_kite });
}

void TestSearchEngine::completesTagNamesAndCameras()
{
    SearchEngine s(m_lib);
    QCOMPARE(s.complete(QStringLiteral("Hu"), QStringLiteral("de")).value(0), QStringLiteral("Hund"));
    QVERIFY(s.complete(QStringLiteral("ki"), QStringLiteral("en")).contains(QStringLiteral("kite")));
    QVERIFY(
        s.complete(QStringLiteral("Can"), QStringLiteral("en")).contains(QStringLiteral("camera:\"Canon EOS 80D\"")));
    QVERIFY(
        !s.complete(QStringLiteral("hor"), QStringLiteral("en")).contains(QStringLiteral("horse"))); // no horse photos
    QVERIFY(s.complete(QString(), QStringLiteral("en")).isEmpty());
}

void TestSearchEngine::emptyOrUnknownQueryFindsNothing()
{
    QVERIFY(SearchEngine(m_lib).search(QString()).isEmpty());
    QVERIFY(SearchEngine(m_lib).search(QStringLiteral("   ")).isEmpty());
    QVERIFY(SearchEngine(m_lib).search(QStringLiteral("giraffe")).isEmpty());
    QVERIFY(SearchEngine(m_lib).search(QStringLiteral("100%_")).isEmpty());
}

QTEST_GUILESS_MAIN(TestSearchEngine)
#include "tst_searchengine.moc"
