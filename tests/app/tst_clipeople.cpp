// shoebox-cli people and faces end to end on a library of synthetic faces: cluster, list, name,
// merge, search by name, and one photo's faces.

#include "catalog/database.h"
#include "support/clirunner.h"
#include "support/facefixture.h"
#include "support/testlibrary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

namespace {

using Result = shoebox::test::CliResult;

} // namespace

class TestCliPeople : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsNamesAndMergesPeople();
    void facesShowsBoxesPersonAndDistance();
    void badArgumentsFailWithUsage_data();
    void badArgumentsFailWithUsage();

private:
    Result cli(const QStringList& args);
    // Two people of four photos each, clustered by the CLI.
    void makeLibrary();
    std::unique_ptr<TestLibrary> m_dir;
    QString m_lib;
};

void TestCliPeople::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<TestLibrary>();
    QVERIFY2(m_dir->isOpen(), qPrintable(m_dir->error()));
    m_lib = m_dir->path();
}

void TestCliPeople::cleanup()
{
    m_dir.reset();
}

Result TestCliPeople::cli(const QStringList& args)
{
    return shoebox::test::runCli(m_lib, args);
}

void TestCliPeople::makeLibrary()
{
    SyntheticFaces gen(41);
    gen.addPerson();
    gen.addPerson();
    for (int i = 0; i < 8; ++i)
        QVERIFY(savePhotoWithFaces(m_lib, i, { syntheticFace(gen.face(i % 2)) }) > 0);
    const Result r = cli({ QStringLiteral("--json"), QStringLiteral("people"), QStringLiteral("cluster") });
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.json().value(QStringLiteral("new_people")).toInt(), 2);
    QCOMPARE(r.json().value(QStringLiteral("placed")).toInt(), 8);
}

void TestCliPeople::listsNamesAndMergesPeople()
{
    makeLibrary();
    Result r = cli({ QStringLiteral("--json"), QStringLiteral("people") });
    QVERIFY2(r.code == 0, r.err.constData());
    QJsonArray people = r.json().value(QStringLiteral("people")).toArray();
    QCOMPARE(people.size(), 2);
    const QString first = QString::number(people[0].toObject().value(QStringLiteral("id")).toInteger());
    const QString second = QString::number(people[1].toObject().value(QStringLiteral("id")).toInteger());
    QCOMPARE(people[0].toObject().value(QStringLiteral("faces")).toInt(), 4);
    QVERIFY(people[0].toObject().value(QStringLiteral("reason")).toString().startsWith(QStringLiteral("4 faces")));
    r = cli({ QStringLiteral("people"), QStringLiteral("name"), second, QStringLiteral("Jürgen Ö") });
    QVERIFY2(r.code == 0, r.err.constData());
    r = cli({ QStringLiteral("--json"), QStringLiteral("people") });
    people = r.json().value(QStringLiteral("people")).toArray();
    QCOMPARE(people[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Jürgen Ö")); // named first
    r = cli({ QStringLiteral("--json"), QStringLiteral("search"), QStringLiteral("person:jürgen") });
    QCOMPARE(r.json().value(QStringLiteral("photos")).toArray().size(), 4);
    r = cli({ QStringLiteral("people"), QStringLiteral("merge"), first, second });
    QVERIFY2(r.code == 0, r.err.constData());
    r = cli({ QStringLiteral("--json"), QStringLiteral("people") });
    people = r.json().value(QStringLiteral("people")).toArray();
    QCOMPARE(people.size(), 1);
    QCOMPARE(people[0].toObject().value(QStringLiteral("faces")).toInt(), 8);
    r = cli({ QStringLiteral("--json"), QStringLiteral("search"), QStringLiteral("Jürgen") });
    QCOMPARE(r.json().value(QStringLiteral("photos")).toArray().size(), 8);
}

void TestCliPeople::facesShowsBoxesPersonAndDistance()
{
    makeLibrary();
    const Result r = cli({ QStringLiteral("--json"), QStringLiteral("faces"), QStringLiteral("/faces/IMG_00000.jpg") });
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonArray faces = r.json().value(QStringLiteral("faces")).toArray();
    QCOMPARE(faces.size(), 1);
    const QJsonObject f = faces[0].toObject();
    QCOMPARE(f.value(QStringLiteral("box")).toArray()[0].toDouble(), 0.4);
    QVERIFY(f.value(QStringLiteral("person")).toInteger() > 0);
    const double d = f.value(QStringLiteral("distance")).toDouble();
    QVERIFY(d > 0.2 && d <= 0.5);
    const Result text = cli({ QStringLiteral("faces"), QStringLiteral("/faces/IMG_00000.jpg") });
    QVERIFY(text.out.contains("person ") && text.out.contains("distance 0."));
}

void TestCliPeople::badArgumentsFailWithUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("merge needs two ids") << QStringList { QStringLiteral("people"), QStringLiteral("merge"),
        QStringLiteral("1") };
    QTest::newRow("unknown action") << QStringList { QStringLiteral("people"), QStringLiteral("frobnicate"),
        QStringLiteral("1") };
    QTest::newRow("faces of an unknown file")
        << QStringList { QStringLiteral("faces"), QStringLiteral("/nowhere.jpg") };
    QTest::newRow("name of nobody") << QStringList { QStringLiteral("people"), QStringLiteral("name"),
        QStringLiteral("999"), QStringLiteral("X") };
}

void TestCliPeople::badArgumentsFailWithUsage()
{
    QFETCH(QStringList, args);
    const Result r = cli(args);
    QVERIFY(r.code != 0);
    QVERIFY(!r.err.trimmed().isEmpty());
    QCOMPARE(r.err.trimmed().count('\n'), 0); // one line
}

QTEST_GUILESS_MAIN(TestCliPeople)
#include "tst_clipeople.moc"
