#include "duplicates/duplicatefinder.h"
#include "duplicates/keypointmatcher.h"
#include "duplicates/screenstates.h"
#include "support/duplicatefixture.h"

#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace shoebox;
using namespace shoebox::test;

namespace {

struct Dialog {
    QString title;
    QStringList labels; // one row each: a label on the left, a value on the right, a slider under both
    QStringList values;
};

void text(cv::Mat& img, const QString& s, cv::Point at, double size, int weight = 1)
{
    cv::putText(img, s.toStdString(), at, cv::FONT_HERSHEY_SIMPLEX, size, cv::Scalar(30, 30, 30), weight, cv::LINE_AA);
}

// A filter dialog of one app: the same window chrome, presets box and buttons for every filter; the
// title, the rows' labels and values are the filter's own.
// width: the window's; its rows reach across it and the values sit at its right.
cv::Mat dialog(const Dialog& d, int width = 560)
{
    cv::Mat img(420, width, CV_8UC3, cv::Scalar(236, 236, 236));
    cv::rectangle(img, { 0, 0, width, 56 }, cv::Scalar(214, 214, 214), cv::FILLED);
    cv::circle(img, { 28, 28 }, 16, cv::Scalar(90, 90, 90), 3, cv::LINE_AA);
    text(img, d.title, { 56, 42 }, 1.2, 2);
    text(img, QStringLiteral("Presets:"), { 12, 92 }, 0.6);
    cv::rectangle(img, { 110, 72, 300, 30 }, cv::Scalar(120, 120, 120), 1);
    for (int i = 0; i < d.labels.size(); ++i) {
        const int y = 130 + 62 * i;
        cv::rectangle(img, { 10, y, width - 20, 46 }, cv::Scalar(200, 200, 200), cv::FILLED);
        cv::rectangle(img, { 10, y, 180, 46 }, cv::Scalar(170, 170, 170), cv::FILLED);
        text(img, d.labels[i], { 18, y + 33 }, 0.95, 2);
        text(img, d.values[i], { width - 140, y + 33 }, 0.95, 2);
    }
    const QStringList buttons { QStringLiteral("Help"), QStringLiteral("Reset"), QStringLiteral("OK"),
        QStringLiteral("Cancel") };
    for (int i = 0; i < buttons.size(); ++i) {
        cv::rectangle(img, { 20 + 135 * i, 368, 115, 36 }, cv::Scalar(110, 110, 110), 1);
        text(img, buttons[i], { 40 + 135 * i, 393 }, 0.65);
    }
    return img;
}

Dialog neon()
{
    return { QStringLiteral("Neon"),
        { QStringLiteral("Radius"), QStringLiteral("Intensity"), QStringLiteral("Clipping") },
        { QStringLiteral("5,000"), QStringLiteral("0,000"), QStringLiteral("Adjust") } };
}

Dialog glassTile()
{
    return { QStringLiteral("Glass Tile"),
        { QStringLiteral("Tile Width"), QStringLiteral("Tile Height"), QStringLiteral("Clipping") },
        { QStringLiteral("25"), QStringLiteral("25"), QStringLiteral("Adjust") } };
}

// The same window on another page: its rows give way to a list of files (one block of other content).
cv::Mat otherPage(cv::Mat img)
{
    cv::rectangle(img, { 10, 120, img.cols - 20, 200 }, cv::Scalar(255, 255, 255), cv::FILLED);
    for (int i = 0; i < 7; ++i)
        text(img, QStringLiteral("photo_%1.jpg   %2 KB").arg(100 + 7 * i).arg(300 + 41 * i), { 20, 145 + 27 * i }, 0.6);
    return img;
}

// Resized to another shape, as a copy squeezed for a slot would be.
cv::Mat stretched(const cv::Mat& img, double widthFactor)
{
    cv::Mat out;
    cv::resize(img, out, {}, widthFactor, 1.0, cv::INTER_AREA);
    return out;
}

cv::Mat withArrow(cv::Mat img)
{
    cv::arrowedLine(img, { 480, 40 }, { 330, 150 }, cv::Scalar(0, 0, 230), 6, cv::LINE_AA, 0, 0.2);
    return img;
}

// An opaque patch over a fifth of the picture (a sticker, an emoji).
cv::Mat withSticker(cv::Mat img)
{
    const cv::Point c(img.cols * 2 / 3, img.rows / 2);
    const int r = int(std::sqrt(0.2 * img.cols * img.rows / CV_PI));
    cv::circle(img, c, r, cv::Scalar(30, 200, 250), cv::FILLED, cv::LINE_AA);
    cv::circle(img, c + cv::Point(-r / 3, -r / 4), r / 8, cv::Scalar(40, 40, 40), cv::FILLED, cv::LINE_AA);
    cv::circle(img, c + cv::Point(r / 3, -r / 4), r / 8, cv::Scalar(40, 40, 40), cv::FILLED, cv::LINE_AA);
    return img;
}

// A name hidden under a black box before the screenshot was shared.
cv::Mat blackedOut(cv::Mat img)
{
    cv::rectangle(img, { 0, 0, img.cols, 60 }, cv::Scalar(0, 0, 0), cv::FILLED);
    return img;
}

cv::Mat lighter(const cv::Mat& img)
{
    cv::Mat out;
    img.convertTo(out, -1, 0.8, 50);
    return out;
}

// Contrast stretched 2.5 times about mid-grey: faint shades become clear ones.
cv::Mat moreContrast(const cv::Mat& img)
{
    cv::Mat out;
    img.convertTo(out, -1, 2.5, -1.5 * 128);
    return out;
}

} // namespace

class TestScreenStates : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void twoStates_data();
    void twoStates();
    void finderKeepsStatesApart_data();
    void finderKeepsStatesApart();
};

void TestScreenStates::twoStates_data()
{
    QTest::addColumn<cv::Mat>("first");
    QTest::addColumn<cv::Mat>("second");
    QTest::addColumn<bool>("states");
    Dialog oneValue = neon();
    oneValue.values[0] = QStringLiteral("7,500");
    QTest::newRow("two filters' dialogs of one app") << dialog(neon()) << dialog(glassTile()) << true;
    QTest::newRow("one dialog, one value changed") << dialog(neon()) << dialog(oneValue) << false;
    QTest::newRow("a copy with an arrow drawn on it") << dialog(neon()) << withArrow(dialog(neon())) << false;
    QTest::newRow("a copy made lighter") << dialog(neon()) << lighter(dialog(neon())) << false;
    QTest::newRow("a photo with more contrast")
        << syntheticPhoto(5, 560, 420) << moreContrast(syntheticPhoto(5, 560, 420)) << false;
    QTest::newRow("a copy under a sticker") << dialog(neon()) << withSticker(dialog(neon())) << false;
    QTest::newRow("the dialog's other page") << dialog(neon()) << otherPage(dialog(neon())) << true;
    QTest::newRow("a copy with the title blacked out") << dialog(neon()) << blackedOut(dialog(neon())) << false;
    QTest::newRow("a photo and its copy") << syntheticPhoto(3, 560, 420) << syntheticPhoto(3, 560, 420) << false;
    QTest::newRow("two photos") << syntheticPhoto(3, 560, 420) << syntheticPhoto(4, 560, 420) << false;
    // A strip thinner than one cell at 256 px (a toolbar, a ruler): nothing to compare, no verdict.
    QTest::newRow("two thin strips") << syntheticPhoto(3, 1200, 20) << syntheticPhoto(4, 1200, 20) << false;
}

void TestScreenStates::twoStates()
{
    QFETCH(cv::Mat, first);
    QFETCH(cv::Mat, second);
    QFETCH(bool, states);
    const DuplicateRules rules;
    const ScreenDifference d = ScreenStates::compare(largeGray(first), largeGray(second), cv::Matx33d::eye(), rules);
    QVERIFY2(ScreenStates::twoStates(d, rules) == states,
        qPrintable(QStringLiteral("%1 places, %2 changed, %3 same, %4 same there")
                       .arg(d.places)
                       .arg(d.changedShare)
                       .arg(d.sameShare)
                       .arg(d.sameInChanged)));
}

void TestScreenStates::finderKeepsStatesApart_data()
{
    QTest::addColumn<cv::Mat>("second");
    QTest::addColumn<bool>("keypoints"); // stored; without them the pictures are laid over whole
    QTest::addColumn<bool>("near");
    QTest::newRow("another filter's dialog") << dialog(glassTile()) << true << false;
    QTest::newRow("the dialog with an arrow drawn on it") << withArrow(dialog(neon())) << true << true;
    QTest::newRow("the dialog under a sticker") << withSticker(dialog(neon())) << true << true;
    QTest::newRow("the dialog in a wider window") << dialog(neon(), 600) << true << false;
    QTest::newRow("the dialog in a wider window, no keypoints") << dialog(neon(), 600) << false << false;
    QTest::newRow("the dialog stretched, no keypoints") << stretched(dialog(neon()), 1.2) << false << true;
}

// Through the engine, from PNG files: the pair is near on the signals alone (checked with the rule
// switched off), and the rule is what keeps two states of one screen apart.
void TestScreenStates::finderKeepsStatesApart()
{
    QFETCH(cv::Mat, second);
    QFETCH(bool, keypoints);
    QFETCH(bool, near);
    QTemporaryDir dir;
    const QVector<PhotoSignals> photos
        = savedPhotos(dir.path(), { dialog(neon()), second }, QStringLiteral("png"), keypoints);
    QCOMPARE(photos.size(), 2);
    DuplicateRules off;
    off.screenMinChanged = 2; // never
    QCOMPARE(DuplicateFinder::findIn(photos, DuplicateLevel::Near, off, {}).size(), 1);
    const auto groups = DuplicateFinder::findIn(photos, DuplicateLevel::Near, DuplicateRules(), {});
    QCOMPARE(groups.size(), near ? 1 : 0);
    if (!near) {
        const QString why = similarReasons(photos);
        QVERIFY2(why.contains(QStringLiteral("one screen in two states")), qPrintable(why));
    }
}

QTEST_GUILESS_MAIN(TestScreenStates)
#include "tst_screenstates.moc"
