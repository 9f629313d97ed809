#include "tags/tagvocabulary.h"

#include <QTest>

using namespace shoebox;

class TestTagVocabulary : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void builtinNamesAllCocoClassesInElevenLanguages();
    void namesFollowTheRequestedLanguage_data();
    void namesFollowTheRequestedLanguage();
    void missingNamesFallBackToEnglishThenKey();
    void findsKeysFromNamesInAnyLanguage_data();
    void findsKeysFromNamesInAnyLanguage();
    void refusesRepeatedKeys();
};

void TestTagVocabulary::builtinNamesAllCocoClassesInElevenLanguages()
{
    const TagVocabulary& v = TagVocabulary::builtin();
    QCOMPARE(v.keys().size(), 80);
    const QStringList langs { "en", "zh_CN", "zh_TW", "ja", "ko", "de", "fr", "es", "it", "pt_BR", "ru" };
    QCOMPARE(v.languages(), langs);
    for (const QString& key : v.keys())
        for (const QString& lang : langs)
            QVERIFY2(!v.names(key).value(lang).isEmpty(), qPrintable(key + QLatin1Char('/') + lang));
    QCOMPARE(v.keys().first(), QStringLiteral("person"));
    QCOMPARE(v.keys().last(), QStringLiteral("toothbrush"));
}

void TestTagVocabulary::namesFollowTheRequestedLanguage_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("name");
    QTest::newRow("ja") << "ja"
                        << "犬";
    QTest::newRow("ja_JP locale") << "ja_JP"
                                  << "犬";
    QTest::newRow("zh_CN") << "zh_CN"
                           << "狗";
    QTest::newRow("zh_HK uses traditional") << "zh_HK"
                                            << "狗";
    QTest::newRow("de_DE.UTF-8") << "de_DE.UTF-8"
                                 << "Hund";
    QTest::newRow("pt maps to pt_BR") << "pt"
                                      << "cachorro";
    QTest::newRow("ru") << "ru"
                        << "собака";
    QTest::newRow("ko") << "ko-KR"
                        << "개";
}

void TestTagVocabulary::namesFollowTheRequestedLanguage()
{
    QFETCH(QString, lang);
    QFETCH(QString, name);
    QCOMPARE(TagVocabulary::builtin().name(QStringLiteral("dog"), lang), name);
}

void TestTagVocabulary::missingNamesFallBackToEnglishThenKey()
{
    TagVocabulary v;
    QString error;
    QVERIFY(v.loadJson(R"({"languages":["en","de"],"tags":[{"key":"kite","names":{"en":"kite"}}]})", &error));
    QCOMPARE(v.name(QStringLiteral("kite"), QStringLiteral("de")), QStringLiteral("kite"));
    QCOMPARE(v.name(QStringLiteral("kite"), QStringLiteral("sw")), QStringLiteral("kite"));
    QCOMPARE(v.name(QStringLiteral("grandma"), QStringLiteral("de")), QStringLiteral("grandma"));
    QCOMPARE(TagVocabulary::builtin().name(QStringLiteral("dog"), QStringLiteral("sw")), QStringLiteral("dog"));
}

void TestTagVocabulary::findsKeysFromNamesInAnyLanguage_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("zh") << "狗" << QStringList { "dog" };
    QTest::newRow("de, lower case") << "hund" << QStringList { "dog" };
    QTest::newRow("en, upper case with spaces") << " DOG " << QStringList { "dog" };
    QTest::newRow("de, two-word key") << "Teddybär" << QStringList { "teddy bear" };
    QTest::newRow("unknown") << "no such thing" << QStringList();
}

void TestTagVocabulary::findsKeysFromNamesInAnyLanguage()
{
    QFETCH(QString, name);
    QFETCH(QStringList, keys);
    QCOMPARE(TagVocabulary::builtin().keysForName(name), keys);
}

void TestTagVocabulary::refusesRepeatedKeys()
{
    TagVocabulary v;
    QString error;
    QVERIFY(!v.loadJson(R"({"languages":["en"],"tags":[{"key":"a","names":{}},{"key":"a","names":{}}]})", &error));
    QVERIFY(error.contains(QStringLiteral("'a'")));
    QVERIFY(!v.loadJson("nope", &error));
}

QTEST_GUILESS_MAIN(TestTagVocabulary)
#include "tst_tagvocabulary.moc"
