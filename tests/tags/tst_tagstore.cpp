#include "catalog/database.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"
#include "tags/tagstore.h"

#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

namespace {

TagResult result(qint64 photo, std::initializer_list<std::pair<const char*, float>> tags, std::vector<float> emb = {})
{
    TagResult r;
    r.photoId = photo;
    for (const auto& [label, score] : tags) {
        Detection d;
        d.label = QString::fromLatin1(label);
        d.score = score;
        d.box = QRectF(0.1, 0.2, 0.3, 0.4);
        r.analysis.detections.push_back(d);
    }
    r.analysis.embedding = std::move(emb);
    return r;
}

QStringList keys(const QList<PhotoTag>& tags)
{
    QStringList out;
    for (const PhotoTag& t : tags)
        out << t.key + (t.manual ? QStringLiteral("(manual)") : QString());
    out.sort();
    return out;
}

} // namespace

class TestTagStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void storesAutoTagsWithConfidenceBoxAndModel();
    void retaggingReplacesOnlyAutoTags();
    void failedAnalysisKeepsOldTagsButIsNotPendingAgain();
    void countsPhotosPerTagInTheRequestedLanguage();
    void manualTagByForeignNameReusesTheKnownTag();
    void manualTagsMatchUserNamesInAnyCase_data();
    void manualTagsMatchUserNamesInAnyCase();
    void renameOverridesTheVocabularyInOneLanguage();
    void embeddingRoundTripsAsFloat16AndOldModelsAreDropped();
    void pendingPhotosAreThoseNotTaggedByTheModel();

private:
    std::unique_ptr<TestLibrary> m_dir;
    QString m_lib;
};

void TestTagStore::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<TestLibrary>();
    QVERIFY2(m_dir->isOpen(), qPrintable(m_dir->error()));
    m_lib = m_dir->path();
}

void TestTagStore::storesAutoTagsWithConfidenceBoxAndModel()
{
    const qint64 p = PhotoFixture(QStringLiteral("/photos/dog.jpg")).saveTo(m_lib);
    TagStore store(m_lib);
    QVERIFY(store.storeResults(QStringLiteral("m1"), { result(p, { { "dog", 0.8f }, { "bicycle", 0.5f } }) }));
    const QList<PhotoTag> tags = store.tagsOfPhoto(p, QStringLiteral("en"));
    QCOMPARE(tags.size(), 2);
    QCOMPARE(tags[0].key, QStringLiteral("dog")); // strongest first
    QVERIFY(qAbs(tags[0].confidence - 0.8) < 1e-6);
    QCOMPARE(tags[0].box, QRectF(0.1, 0.2, 0.3, 0.4));
    QCOMPARE(tags[0].model, QStringLiteral("m1"));
    QVERIFY(!tags[0].manual);
}

void TestTagStore::retaggingReplacesOnlyAutoTags()
{
    const qint64 p = PhotoFixture(QStringLiteral("/photos/a.jpg")).saveTo(m_lib);
    TagStore store(m_lib);
    QVERIFY(store.storeResults(QStringLiteral("m1"), { result(p, { { "dog", 0.8f }, { "cat", 0.4f } }) }));
    QVERIFY(store.addManualTag(p, QStringLiteral("Grandma")));
    QVERIFY(store.storeResults(QStringLiteral("m2"), { result(p, { { "horse", 0.6f } }) }));
    QCOMPARE(keys(store.tagsOfPhoto(p, QStringLiteral("en"))), (QStringList { "Grandma(manual)", "horse" }));
}

void TestTagStore::failedAnalysisKeepsOldTagsButIsNotPendingAgain()
{
    const qint64 p = PhotoFixture(QStringLiteral("/photos/a.jpg")).saveTo(m_lib);
    TagStore store(m_lib);
    QVERIFY(store.storeResults(QStringLiteral("m1"), { result(p, { { "dog", 0.8f } }) }));
    TagResult failed;
    failed.photoId = p;
    failed.analysis.error = QStringLiteral("decode failed");
    QVERIFY(store.storeResults(QStringLiteral("m2"), { failed }));
    QCOMPARE(keys(store.tagsOfPhoto(p, QStringLiteral("en"))), QStringList { "dog" });
    QCOMPARE(store.pendingCount(QStringLiteral("m2")), 0);
}

void TestTagStore::countsPhotosPerTagInTheRequestedLanguage()
{
    const qint64 a = PhotoFixture(QStringLiteral("/p/a.jpg")).saveTo(m_lib);
    const qint64 b = PhotoFixture(QStringLiteral("/p/b.jpg")).saveTo(m_lib);
    TagStore store(m_lib);
    // Two dogs in one photo count once.
    QVERIFY(store.storeResults(QStringLiteral("m"),
        { result(a, { { "dog", 0.9f }, { "dog", 0.7f } }), result(b, { { "dog", 0.5f }, { "person", 0.6f } }) }));
    const QList<TagCount> ja = store.tagCounts(QStringLiteral("ja"));
    QCOMPARE(ja.size(), 2);
    QCOMPARE(ja[0].name, QStringLiteral("犬"));
    QCOMPARE(ja[0].photos, 2);
    QCOMPARE(ja[1].name, QStringLiteral("人"));
    QCOMPARE(store.tagCounts(QStringLiteral("xx"))[0].name, QStringLiteral("dog")); // unknown language: English
    QCOMPARE(store.photosWithTag(ja[0].tagId), (QVector<qint64> { a, b }));
}

void TestTagStore::manualTagByForeignNameReusesTheKnownTag()
{
    const qint64 a = PhotoFixture(QStringLiteral("/p/a.jpg")).saveTo(m_lib);
    const qint64 b = PhotoFixture(QStringLiteral("/p/b.jpg")).saveTo(m_lib);
    TagStore store(m_lib);
    QVERIFY(store.storeResults(QStringLiteral("m"), { result(a, { { "dog", 0.9f } }) }));
    QVERIFY(store.addManualTag(b, QStringLiteral("Hund")));
    QVERIFY(store.addManualTag(b, QStringLiteral("Hund"))); // twice is once
    QCOMPARE(keys(store.tagsOfPhoto(b, QStringLiteral("en"))), QStringList { "dog(manual)" });
    QCOMPARE(store.tagCounts(QStringLiteral("en")).size(), 1);
    QVERIFY(!store.addManualTag(b, QStringLiteral("   ")));
    QVERIFY(store.removeTag(b, store.tagCounts(QStringLiteral("en"))[0].tagId));
    QVERIFY(store.tagsOfPhoto(b, QStringLiteral("en")).isEmpty());
}

// The user's own names are looked up once per store (a keyworded scan adds thousands): a name in
// another case, a name another store added meanwhile, and a renamed tag still resolve as before.
void TestTagStore::manualTagsMatchUserNamesInAnyCase_data()
{
    QTest::addColumn<QStringList>("names"); // added in turn to one photo, through one store
    QTest::addColumn<QStringList>("expected"); // the photo's tags afterwards
    QTest::newRow("same name") << QStringList { "Grandma", "Grandma" } << QStringList { "Grandma(manual)" };
    QTest::newRow("other case") << QStringList { "Grandma", "GRANDMA", "grandma" } << QStringList { "Grandma(manual)" };
    QTest::newRow("beyond ASCII") << QStringList { "Ölberg", "ölberg", "ÖLBERG" } << QStringList { "Ölberg(manual)" };
    QTest::newRow("two names") << QStringList { "Grandma", "Sea", "sea" }
                               << QStringList { "Grandma(manual)", "Sea(manual)" };
}

void TestTagStore::manualTagsMatchUserNamesInAnyCase()
{
    QFETCH(QStringList, names);
    QFETCH(QStringList, expected);
    const qint64 p = PhotoFixture(QStringLiteral("/p/a.jpg")).saveTo(m_lib);
    TagStore store(m_lib);
    for (const QString& name : names)
        QVERIFY(store.addManualTag(p, name));
    QStringList got = keys(store.tagsOfPhoto(p, QStringLiteral("en")));
    got.sort();
    QCOMPARE(got, expected);
    QCOMPARE(store.tagCounts(QStringLiteral("en")).size(), expected.size());
    // Another store adds a tag after this one read the names: found by name, not made twice.
    const qint64 q = PhotoFixture(QStringLiteral("/p/b.jpg")).saveTo(m_lib);
    QVERIFY(TagStore(m_lib).addManualTag(q, QStringLiteral("Lighthouse")));
    QVERIFY(store.addManualTag(p, QStringLiteral("Lighthouse")));
    QCOMPARE(store.tagCounts(QStringLiteral("en")).size(), expected.size() + 1);
    // A renamed tag answers to its new name in the store that knew the old one.
    const qint64 lighthouse = store.tagCounts(QStringLiteral("en")).constFirst().tagId;
    QVERIFY(store.renameTag(lighthouse, QStringLiteral("en"), QStringLiteral("Beacon")));
    QVERIFY(store.addManualTag(q, QStringLiteral("beacon")));
    QCOMPARE(store.tagCounts(QStringLiteral("en")).size(), expected.size() + 1);
}

void TestTagStore::renameOverridesTheVocabularyInOneLanguage()
{
    const qint64 a = PhotoFixture(QStringLiteral("/p/a.jpg")).saveTo(m_lib);
    TagStore store(m_lib);
    QVERIFY(store.storeResults(QStringLiteral("m"), { result(a, { { "dog", 0.9f } }) }));
    const qint64 tag = store.tagCounts(QStringLiteral("de"))[0].tagId;
    QVERIFY(store.renameTag(tag, QStringLiteral("de_DE"), QStringLiteral("Bello")));
    QCOMPARE(store.tagCounts(QStringLiteral("de"))[0].name, QStringLiteral("Bello"));
    QCOMPARE(store.tagCounts(QStringLiteral("fr"))[0].name, QStringLiteral("chien"));
}

void TestTagStore::embeddingRoundTripsAsFloat16AndOldModelsAreDropped()
{
    const qint64 a = PhotoFixture(QStringLiteral("/p/a.jpg")).saveTo(m_lib);
    TagStore store(m_lib);
    QVERIFY(store.storeResults(QStringLiteral("old"), { result(a, {}, { 1.f, 0.f }) }));
    QVERIFY(store.storeResults(QStringLiteral("new"), { result(a, {}, { 0.6f, 0.8f, 0.f }) }));
    const std::vector<float> e = store.embedding(a, QStringLiteral("new"));
    QCOMPARE(e.size(), size_t(3));
    QVERIFY(qAbs(e[0] - 0.6f) < 1e-3f && qAbs(e[1] - 0.8f) < 1e-3f);
    QVERIFY(store.embedding(a, QStringLiteral("old")).empty());
    QSqlQuery q(Database::connection(m_lib));
    QVERIFY(q.exec(QStringLiteral("SELECT length(vector), dim FROM embeddings")) && q.next());
    QCOMPARE(q.value(0).toInt(), 6); // 2 bytes per value
    QCOMPARE(q.value(1).toInt(), 3);
}

void TestTagStore::pendingPhotosAreThoseNotTaggedByTheModel()
{
    const qint64 a = PhotoFixture(QStringLiteral("/p/a.jpg")).saveTo(m_lib);
    const qint64 b = PhotoFixture(QStringLiteral("/p/b.jpg")).saveTo(m_lib);
    const qint64 c = PhotoFixture(QStringLiteral("/p/c.jpg")).saveTo(m_lib);
    TagStore store(m_lib);
    QVERIFY(store.storeResults(QStringLiteral("m1"), { result(a, {}), result(b, {}) }));
    QCOMPARE(store.pendingCount(QStringLiteral("m1")), 1);
    QCOMPARE(store.pendingPhotos(QStringLiteral("m1"), 10).value(0).id, c);
    QCOMPARE(store.pendingCount(QStringLiteral("m2")), 3); // a newer model re-tags everything
    QCOMPARE(store.pendingPhotos(QStringLiteral("m2"), 10, { a }).size(), 2);
    QCOMPARE(store.pendingPhotos(QStringLiteral("m2"), 1).size(), 1);
}

QTEST_GUILESS_MAIN(TestTagStore)
#include "tst_tagstore.moc"
