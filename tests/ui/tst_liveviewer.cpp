// A Live Photo in the viewer: one still with a Live button; the button plays its MOV (offscreen,
// the position advances) and brings the still back. Skips, saying why, only when ffmpeg or every
// Qt Multimedia back end is missing here.
#include "pages/videoview.h"
#include "pages/viewerpage.h"
#include "scan/scanner.h"
#include "support/exiffixture.h"
#include "support/testlibrary.h"
#include "support/videofixture.h"
#include "thumbnailview/photolistmodel.h"

#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

class TestLiveViewer : public QObject {
    Q_OBJECT
    std::unique_ptr<TestLibrary> m_lib;
    std::unique_ptr<PhotoListModel> m_model;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!VideoFixture::available())
            QSKIP(qPrintable(VideoFixture::skipReason()));
        m_lib = std::make_unique<TestLibrary>();
        QVERIFY2(m_lib->isOpen(), qPrintable(m_lib->error()));
        const QString folder = m_lib->filePath(QStringLiteral("live"));
        QVERIFY(QDir().mkpath(folder));
        ExifFields f;
        f.make = "Apple";
        f.model = "iPhone 12";
        f.dateTimeOriginal = "2024:05:01 10:00:00";
        f.makerNote = appleMakerNote("6F1B1C1E-LIVE-4A3F");
        QVERIFY(writeFile(folder + QStringLiteral("/IMG_0001.JPG"), jpegWithExif(markedImage(320, 240), f)));
        QString error;
        QVERIFY2(VideoFixture::clip(folder + QStringLiteral("/IMG_0001.MOV"), QStringLiteral("testsrc2"), 3, 320, 240,
                     { QStringLiteral("-an"), QStringLiteral("-movflags"), QStringLiteral("use_metadata_tags"),
                         QStringLiteral("-metadata"),
                         QStringLiteral("com.apple.quicktime.content.identifier=6F1B1C1E-LIVE-4A3F") },
                     &error),
            qPrintable(error));
        Scanner(m_lib->path()).scan({ QFile::encodeName(folder) });
        m_model = std::make_unique<PhotoListModel>();
        QSignalSpy loaded(m_model.get(), &PhotoListModel::loaded);
        m_model->setLibrary(m_lib->path());
        QTRY_VERIFY(loaded.count() > 0);
        QCOMPARE(m_model->rowCount(), 1); // the MOV is the still's motion, not an item of its own
        QTRY_VERIFY(m_model->index(0).data(PhotoListModel::DetailsLoadedRole).toBool());
        QVERIFY(m_model->index(0).data(PhotoListModel::IsLiveRole).toBool());
    }

    void liveButtonPlaysTheMotionAndReturnsToTheStill()
    {
        ViewerPage viewer;
        viewer.resize(640, 480);
        viewer.show();
        viewer.open(m_model.get(), 0);
        QVERIFY(!viewer.showsVideo());
        QVERIFY(viewer.liveButton()->isVisible());
        QTest::mouseClick(viewer.liveButton(), Qt::LeftButton);
        QTRY_VERIFY(viewer.showsVideo());
        VideoView* video = viewer.videoView();
        QTRY_VERIFY_WITH_TIMEOUT(video->position() > 300 || !video->errorText().isEmpty(), 15000);
        if (video->position() <= 300)
            QSKIP(qPrintable(QStringLiteral("no Qt Multimedia back end plays here: ") + video->errorText()));
        QTest::mouseClick(viewer.liveButton(), Qt::LeftButton);
        QVERIFY(!viewer.showsVideo());
        QVERIFY(!viewer.liveButton()->isChecked());
    }
};

QTEST_MAIN(TestLiveViewer)
#include "tst_liveviewer.moc"
