// Find Duplicates with a large group and framed copies, as a person sees it: each group in the list
// shows its keeper's thumbnail and member count, a group wider than the compare strip scrolls
// instead of hiding members, and a copy matched by the picture inside its frame has that region
// outlined. SHOEBOX_SCREENSHOT_DIR, when set, receives a picture of the dialog to look at.
#include "catalog/database.h"
#include "duplicates/duplicatecompare.h"
#include "duplicates/duplicategrouplist.h"
#include "duplicates/duplicatesdialog.h"
#include "duplicates/regionoutline.h"
#include "pages/imageview.h"
#include "scan/scanner.h"
#include "support/framefixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <memory>

using namespace shoebox;

namespace {
const QString kDog = QStringLiteral(SHOEBOX_TEST_DATA "/darknet/dog.jpg");
const QString kEagle = QStringLiteral(SHOEBOX_TEST_DATA "/darknet/eagle.jpg");

bool write(const QString& path, const cv::Mat& img, int quality = 92)
{
    return cv::imwrite(QFile::encodeName(path).toStdString(), img, { cv::IMWRITE_JPEG_QUALITY, quality });
}

cv::Mat scaled(const cv::Mat& img, double f)
{
    cv::Mat out;
    cv::resize(img, out, cv::Size(), f, f, cv::INTER_AREA);
    return out;
}

// The share of opaque pixels in an icon: a thumbnail fills most of its square, a blank icon none.
double opaqueShare(const QImage& image)
{
    if (image.isNull())
        return 0;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    int opaque = 0;
    for (int y = 0; y < argb.height(); ++y)
        for (int x = 0; x < argb.width(); ++x)
            opaque += qAlpha(argb.pixel(x, y)) > 200 ? 1 : 0;
    return double(opaque) / (argb.width() * argb.height());
}
} // namespace

class TestDuplicateStrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void groupListShowsKeeperThumbnailAndMemberCount();
    void largeGroupScrollsInsteadOfHidingMembers();
    void frameStrippedMatchOutlinesTheRegion_data();
    void frameStrippedMatchOutlinesTheRegion();
    void aMemberToCheckIsMarkedInTheListAndTheStrip();

private:
    int rowOfLargestGroup() const;
    QTemporaryDir m_tmp;
    QString m_library;
    QString m_photos;
    std::unique_ptr<DuplicatesDialog> m_dialog;
};

// One library for all slots (they only look): seven versions of the dog, two of the eagle.
void TestDuplicateStrip::initTestCase()
{
    if (!QFile::exists(kDog) || !QFile::exists(kEagle))
        QSKIP("darknet photos missing (scripts/fetch-test-photos.sh)");
    QVERIFY(m_tmp.isValid());
    QStandardPaths::setTestModeEnabled(true);
    for (const char* var : { "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME" }) {
        const QString dir = m_tmp.filePath(QString::fromLatin1(var));
        QVERIFY(QDir().mkpath(dir));
        qputenv(var, QFile::encodeName(dir));
    }
    m_photos = m_tmp.filePath(QStringLiteral("photos"));
    QVERIFY(QDir().mkpath(m_photos));
    const cv::Mat dog = cv::imread(QFile::encodeName(kDog).toStdString());
    QVERIFY(!dog.empty());
    QVERIFY(QFile::copy(kDog, m_photos + QStringLiteral("/dog.jpg")));
    QVERIFY(QFile::copy(kDog, m_photos + QStringLiteral("/dog copy.jpg")));
    QVERIFY(write(m_photos + QStringLiteral("/dog half.jpg"), scaled(dog, 0.5)));
    QVERIFY(write(m_photos + QStringLiteral("/dog three quarters.jpg"), scaled(dog, 0.75)));
    QVERIFY(write(m_photos + QStringLiteral("/dog resaved.jpg"), dog, 60));
    QVERIFY(
        write(m_photos + QStringLiteral("/dog framed.jpg"), test::withBorder(dog, 0.08, cv::Scalar(255, 255, 255))));
    QVERIFY(write(m_photos + QStringLiteral("/dog screenshot.jpg"), test::phoneScreenshot(dog, true)));
    QVERIFY(QFile::copy(kEagle, m_photos + QStringLiteral("/eagle.jpg")));
    const cv::Mat eagle = cv::imread(QFile::encodeName(kEagle).toStdString());
    QVERIFY(write(m_photos + QStringLiteral("/eagle small.jpg"), scaled(eagle, 0.6)));

    m_library = m_tmp.filePath(QStringLiteral("library.db"));
    QString error;
    QVERIFY2(Database::open(m_library, &error), qPrintable(error));
    Scanner scanner(m_library);
    scanner.setWriteThumbnails(false); // the list must make the keeper's thumbnail itself
    QCOMPARE(scanner.scan({ QFile::encodeName(m_photos) }).totals.added, 9);
}

// A fresh dialog per slot, with the near groups found and the largest group compared.
void TestDuplicateStrip::init()
{
    m_dialog = std::make_unique<DuplicatesDialog>(m_library, QStringList { m_photos });
    m_dialog->resize(1100, 720);
    m_dialog->show();
    m_dialog->setLevel(DuplicateLevel::Near);
    m_dialog->find();
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isBusy(), 60000);
    QCOMPARE(m_dialog->groups().size(), 2);
    m_dialog->selectGroup(rowOfLargestGroup());
    QTRY_VERIFY_WITH_TIMEOUT(m_dialog->isSettled(), 30000);
}

void TestDuplicateStrip::cleanupTestCase()
{
    m_dialog.reset();
    Database::closeThreadConnection(m_library);
}

int TestDuplicateStrip::rowOfLargestGroup() const
{
    const QList<DuplicateGroup>& groups = m_dialog->groups();
    return groups[0].members.size() >= groups[1].members.size() ? 0 : 1;
}

void TestDuplicateStrip::groupListShowsKeeperThumbnailAndMemberCount()
{
    DuplicateGroupList* list = m_dialog->groupList();
    QCOMPARE(list->count(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(list->thumbnailCount(), 2, 30000);
    for (int row = 0; row < list->count(); ++row) {
        const DuplicateGroup& group = m_dialog->groups()[row];
        const QString text = list->item(row)->text();
        QVERIFY2(text.startsWith(QStringLiteral("%1 photo").arg(group.members.size())), qPrintable(text));
        QVERIFY2(text.contains(QFileInfo(group.files[group.keeper]).fileName()), qPrintable(text));
        const QImage icon = list->item(row)->icon().pixmap(DuplicateGroupList::kThumbnailSize).toImage();
        // The dog and the eagle are 4:3 landscapes: about three quarters of the square is picture.
        QVERIFY2(opaqueShare(icon) > 0.6, qPrintable(QString::number(opaqueShare(icon))));
    }
    QCOMPARE(m_dialog->groups()[rowOfLargestGroup()].members.size(), 7);
}

void TestDuplicateStrip::largeGroupScrollsInsteadOfHidingMembers()
{
    DuplicateCompare* compare = m_dialog->compare();
    QCOMPARE(compare->views().size(), 7);
    QVERIFY2(!compare->reasonsText().contains(QStringLiteral("not shown")), qPrintable(compare->reasonsText()));
    QScrollBar* bar = compare->strip()->horizontalScrollBar();
    QVERIFY(bar->maximum() > 0);
    // The pictures keep most of the height; the reasons scroll below them.
    QVERIFY2(
        compare->views().first()->height() >= 200, qPrintable(QString::number(compare->views().first()->height())));
    // Every member can be scrolled into view, and then it is really on screen and drawn.
    for (ImageView* view : compare->views()) {
        compare->strip()->ensureWidgetVisible(view, 0, 0);
        const int left = view->mapTo(compare->strip()->viewport(), QPoint(0, 0)).x();
        QVERIFY2(
            left >= 0 && left + view->width() <= compare->strip()->viewport()->width(), qPrintable(view->objectName()));
        QVERIFY(!view->image().isNull());
    }
    // The two-member group has nothing to scroll.
    m_dialog->selectGroup(1 - rowOfLargestGroup());
    QTRY_VERIFY(m_dialog->isSettled());
    QCOMPARE(compare->views().size(), 2);
    QCOMPARE(compare->strip()->horizontalScrollBar()->maximum(), 0);
}

void TestDuplicateStrip::frameStrippedMatchOutlinesTheRegion_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("outlined");
    QTest::newRow("white border") << QStringLiteral("dog framed.jpg") << true;
    QTest::newRow("phone screenshot") << QStringLiteral("dog screenshot.jpg") << true;
    QTest::newRow("original") << QStringLiteral("dog.jpg") << false;
    QTest::newRow("half size") << QStringLiteral("dog half.jpg") << false;
}

void TestDuplicateStrip::frameStrippedMatchOutlinesTheRegion()
{
    QFETCH(QString, file);
    QFETCH(bool, outlined);
    const DuplicateGroup& group = m_dialog->groups()[rowOfLargestGroup()];
    const int member = group.files.indexOf(QDir(m_photos).filePath(file));
    QVERIFY2(member >= 0, qPrintable(group.files.join(QLatin1Char(','))));
    DuplicateCompare* compare = m_dialog->compare();
    ImageView* view = compare->views()[member];
    RegionOutline* outline = compare->outlines()[member];
    compare->strip()->ensureWidgetVisible(view, 0, 0);
    QCOMPARE(outline->isOutlined(), outlined);
    if (!outlined) {
        QVERIFY(outline->outlineRect().isEmpty());
        return;
    }
    // The outline lies inside the picture, around the dog and not around the frame.
    const QRectF inside = outline->outlineRect();
    const QRectF image = view->imageRect();
    QVERIFY(image.contains(inside));
    QVERIFY2(inside.width() < image.width() * 0.95 || inside.height() < image.height() * 0.95,
        qPrintable(outline->region().describe()));
    QVERIFY2(inside.width() > image.width() * 0.5, qPrintable(outline->region().describe()));
    const QString reasons = compare->reasonsText();
    QVERIFY2(reasons.contains(QStringLiteral("frame stripped")), qPrintable(reasons));
    QVERIFY2(reasons.contains(QStringLiteral("Dashed outline")), qPrintable(reasons));
    const QString shots = qEnvironmentVariable("SHOEBOX_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        QVERIFY(m_dialog->grab().save(QDir(shots).filePath(QStringLiteral("duplicates-%1.png").arg(member))));
}

// A member the engine could not confirm (DuplicateGroup::toCheck) is counted in the group's title, says
// "check" in the strip's Match row, and gets a line in the reasons; a group without one shows neither.
void TestDuplicateStrip::aMemberToCheckIsMarkedInTheListAndTheStrip()
{
    DuplicateGroup group = m_dialog->groups()[rowOfLargestGroup()];
    QVERIFY(!DuplicateGroupList::title(group).contains(QStringLiteral("to check")));
    DuplicateCompare* compare = m_dialog->compare();
    QVERIFY(!compare->reasonsText().contains(QStringLiteral("Check before trashing")));
    const int member = group.files.indexOf(QDir(m_photos).filePath(QStringLiteral("dog half.jpg")));
    QVERIFY(member >= 0 && member != group.keeper);
    group.toCheck = QVector<bool>(group.files.size(), false);
    group.toCheck[member] = true;
    QVERIFY2(DuplicateGroupList::title(group).contains(QStringLiteral("1 to check")),
        qPrintable(DuplicateGroupList::title(group)));
    compare->setGroup(group);
    QTRY_VERIFY(m_dialog->isSettled());
    const QString reasons = compare->reasonsText();
    QVERIFY2(
        reasons.contains(QStringLiteral("Check before trashing")) && reasons.contains(QStringLiteral("dog half.jpg")),
        qPrintable(reasons));
    const auto* cell = compare->findChild<QLabel*>(QStringLiteral("match_%1").arg(member));
    QVERIFY(cell);
    QVERIFY2(cell->text().contains(QStringLiteral("check")), qPrintable(cell->text()));
}

QTEST_MAIN(TestDuplicateStrip)
#include "tst_duplicatestrip.moc"
