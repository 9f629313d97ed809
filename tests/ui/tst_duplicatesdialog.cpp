// Find Duplicates as a person uses it: find a group, compare it (keeper preselected, differences
// highlighted), move the copies to the trash, undo, and the files are back byte for byte. The trash
// is a temporary XDG_DATA_HOME, never the user's.
#include "catalog/database.h"
#include "catalog/photostore.h"
#include "duplicates/duplicatecompare.h"
#include "duplicates/duplicatesdialog.h"
#include "duplicates/duplicatestore.h"
#include "pages/imageview.h"
#include "scan/scanner.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QListWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace shoebox;

namespace {
const QString kDog = QStringLiteral(SHOEBOX_TEST_DATA "/darknet/dog.jpg");
const QString kEagle = QStringLiteral(SHOEBOX_TEST_DATA "/darknet/eagle.jpg");

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int filesBelow(const QString& dir)
{
    int n = 0;
    for (QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories); it.hasNext(); it.next())
        ++n;
    return n;
}
} // namespace

class TestDuplicatesDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void compareShowsKeeperAndDifferences();
    void trashedCopiesComeBackByteForByteOnUndo();
    void keepAllHidesTheGroupUntilUndone();

private:
    void findNear(DuplicatesDialog& dialog);
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_library;
    QString m_photos;
};

void TestDuplicatesDialog::initTestCase()
{
    if (!QFile::exists(kDog))
        QSKIP("darknet photos missing (scripts/fetch-test-photos.sh)");
    QStandardPaths::setTestModeEnabled(true);
}

// Every slot gets its own HOME (and so its own trash), photos and library.
void TestDuplicatesDialog::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    // Test mode puts the data location (and so the trash) under $HOME/.qttest.
    qputenv("HOME", QFile::encodeName(m_tmp->path()));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_tmp->filePath(QStringLiteral(".qttest/share"))));
    for (const char* var : { "XDG_CONFIG_HOME", "XDG_CACHE_HOME" }) {
        const QString dir = m_tmp->filePath(QString::fromLatin1(var));
        QVERIFY(QDir().mkpath(dir));
        qputenv(var, QFile::encodeName(dir));
    }
    QVERIFY(QDir().mkpath(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)));
    m_photos = m_tmp->filePath(QStringLiteral("photos"));
    QVERIFY(QDir().mkpath(m_photos));
    // The original, a byte-identical copy, a half-size PNG of it, and an unrelated photo.
    QVERIFY(QFile::copy(kDog, m_photos + QStringLiteral("/dog.jpg")));
    // (The copy's long name, as a phone backup gives, must not widen its column in the compare view.)
    QVERIFY(QFile::copy(kDog, m_photos + QStringLiteral("/dog copy saved again from the family chat backup.jpg")));
    const QImage dog(kDog);
    QVERIFY(dog.scaled(dog.size() / 2, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                .save(m_photos + QStringLiteral("/dog small.png")));
    QVERIFY(QFile::copy(kEagle, m_photos + QStringLiteral("/eagle.jpg")));
    m_library = m_tmp->filePath(QStringLiteral("library.db"));
    QString error;
    QVERIFY2(Database::open(m_library, &error), qPrintable(error));
    Scanner scanner(m_library);
    scanner.setWriteThumbnails(false);
    QCOMPARE(scanner.scan({ QFile::encodeName(m_photos) }).totals.added, 4);
}

void TestDuplicatesDialog::cleanup()
{
    Database::closeThreadConnection(m_library);
    m_tmp.reset();
}

void TestDuplicatesDialog::findNear(DuplicatesDialog& dialog)
{
    dialog.setLevel(DuplicateLevel::Near);
    dialog.find();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 60000);
    QCOMPARE(dialog.groups().size(), 1);
    QCOMPARE(dialog.groups().first().members.size(), 3);
    QTRY_VERIFY(dialog.isSettled());
}

void TestDuplicatesDialog::compareShowsKeeperAndDifferences()
{
    DuplicatesDialog dialog(m_library, { m_photos });
    dialog.show();
    findNear(dialog);
    const DuplicateGroup group = dialog.groups().first();
    DuplicateCompare* compare = dialog.compare();
    QCOMPARE(compare->keeper(), group.keeper);
    QVERIFY(QFileInfo(group.files[group.keeper]).fileName().startsWith(QStringLiteral("dog")));
    QVERIFY(!group.files[group.keeper].endsWith(QStringLiteral(".png"))); // full size wins
    const QStringList differences = compare->differences();
    for (const char* key : { "pixels", "size", "format" })
        QVERIFY2(differences.contains(QLatin1String(key)), qPrintable(differences.join(QLatin1Char(','))));

    // One width for every column, whatever the names: the pictures are compared at one scale.
    // (Laid out first: new views all start at one default size.)
    QCOMPARE(compare->views().size(), 3);
    const QList<ImageView*> views = compare->views();
    QTRY_VERIFY(views[0]->geometry().right() < views[1]->geometry().left()
        && views[1]->geometry().right() < views[2]->geometry().left());
    for (ImageView* v : views)
        QCOMPARE(v->width(), views[0]->width());

    // Synchronised zoom: zooming one picture zooms the others the same way.
    compare->views()[0]->zoomBy(2.0);
    for (ImageView* v : compare->views()) {
        QVERIFY(!v->isFitted());
        QCOMPARE(v->center(), compare->views()[0]->center());
    }
}

void TestDuplicatesDialog::trashedCopiesComeBackByteForByteOnUndo()
{
    const QString trash
        = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/Trash/files");
    QHash<QString, QByteArray> before;
    for (const QString& name : QDir(m_photos).entryList(QDir::Files))
        before.insert(name, readAll(m_photos + QLatin1Char('/') + name));

    DuplicatesDialog dialog(m_library, { m_photos });
    dialog.show();
    findNear(dialog);
    const DuplicateGroup group = dialog.groups().first();
    const QString keeper = group.files[group.keeper];
    QTest::mouseClick(dialog.findChild<QWidget*>(QStringLiteral("trashOthers")), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isBusy());
    QVERIFY2(dialog.undoCount() == 1, qPrintable(dialog.statusText()));
    QVERIFY(dialog.groups().isEmpty());
    for (const QString& f : group.files)
        QCOMPARE(QFile::exists(f), f == keeper);
    QCOMPARE(filesBelow(trash), 2);
    QCOMPARE(PhotoStore(m_library).photoIdsByDate().size(), 2);

    QTest::mouseClick(dialog.findChild<QWidget*>(QStringLiteral("undoDuplicateAction")), Qt::LeftButton);
    QTRY_COMPARE(dialog.undoCount(), 0);
    QCOMPARE(dialog.groups().size(), 1);
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QVERIFY2(readAll(m_photos + QLatin1Char('/') + it.key()) == it.value(), qPrintable(it.key()));
    QCOMPARE(filesBelow(trash), 0);
    QCOMPARE(PhotoStore(m_library).photoIdsByDate().size(), 4);
}

void TestDuplicatesDialog::keepAllHidesTheGroupUntilUndone()
{
    DuplicatesDialog dialog(m_library, { m_photos });
    dialog.show();
    findNear(dialog);
    dialog.keepAll();
    QTRY_COMPARE(dialog.undoCount(), 1);
    dialog.find();
    QTRY_VERIFY(!dialog.isBusy());
    QVERIFY(dialog.groups().isEmpty());
    dialog.undo();
    QTRY_COMPARE(dialog.undoCount(), 0);
    findNear(dialog);
}

QTEST_MAIN(TestDuplicatesDialog)
#include "tst_duplicatesdialog.moc"
