// A video opened in the viewer plays (offscreen): the viewer switches to its video page, the position
// advances, pause stops it, the slider seeks and mute mutes. Skips, saying why, only when no Qt
// Multimedia back end can play here.
#include "pages/videoview.h"
#include "pages/viewerpage.h"
#include "scan/scanner.h"
#include "support/testlibrary.h"
#include "support/videofixture.h"
#include "thumbnailview/photolistmodel.h"

#include <QDir>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

class TestVideoView : public QObject {
    Q_OBJECT
private:
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
        const QString folder = m_lib->filePath(QStringLiteral("clips"));
        QVERIFY(QDir().mkpath(folder));
        QString error;
        // Ten seconds, no audio track: playback needs no sound device.
        QVERIFY2(VideoFixture::clip(folder + QStringLiteral("/clip.mp4"), QStringLiteral("testsrc2"), 10, 320, 240,
                     { QStringLiteral("-an") }, &error),
            qPrintable(error));
        Scanner(m_lib->path()).scan({ QFile::encodeName(folder) });
        m_model = std::make_unique<PhotoListModel>();
        QSignalSpy loaded(m_model.get(), &PhotoListModel::loaded);
        m_model->setLibrary(m_lib->path());
        QTRY_VERIFY(loaded.count() > 0 && m_model->rowCount() == 1);
        QTRY_VERIFY(m_model->index(0).data(PhotoListModel::DetailsLoadedRole).toBool());
        QVERIFY(m_model->index(0).data(PhotoListModel::IsVideoRole).toBool());
        QVERIFY(m_model->index(0).data(PhotoListModel::DurationRole).toLongLong() >= 9900);
    }

    void videoPlaysInTheViewer()
    {
        ViewerPage viewer;
        viewer.resize(640, 480);
        viewer.show();
        viewer.open(m_model.get(), 0);
        QVERIFY(viewer.showsVideo());
        VideoView* video = viewer.videoView();
        QVERIFY(video->isVisible());
        // Either it plays or it says why not (a back end without codecs reports an error).
        QTRY_VERIFY_WITH_TIMEOUT(video->position() > 500 || !video->errorText().isEmpty(), 15000);
        if (!video->errorText().isEmpty())
            QSKIP(qPrintable(QStringLiteral("no Qt Multimedia back end plays here: ") + video->errorText()));
        QVERIFY(video->isPlaying());
        QTRY_VERIFY(video->duration() >= 9900);

        // Pause: the position stops moving.
        auto* play = video->findChild<QToolButton*>(QStringLiteral("playButton"));
        QVERIFY(play);
        QTest::mouseClick(play, Qt::LeftButton);
        QTRY_VERIFY(!video->isPlaying());
        const qint64 paused = video->position();
        QTest::qWait(300); // proving that nothing happens needs a wait
        QCOMPARE(video->position(), paused);

        // Seek with the slider, then play on from there.
        auto* seek = video->findChild<QSlider*>(QStringLiteral("seekSlider"));
        QVERIFY(seek);
        seek->setSliderPosition(7000);
        seek->triggerAction(QAbstractSlider::SliderMove);
        QTRY_VERIFY(video->position() >= 6900);
        QTest::mouseClick(play, Qt::LeftButton);
        QTRY_VERIFY(video->isPlaying());
        QTRY_VERIFY(video->position() > 7200);

        auto* mute = video->findChild<QToolButton*>(QStringLiteral("muteButton"));
        QVERIFY(mute && !video->isMuted());
        QTest::mouseClick(mute, Qt::LeftButton);
        QVERIFY(video->isMuted());

        // Escape goes back and stops the video.
        QTest::keyClick(&viewer, Qt::Key_Escape);
        QTRY_VERIFY(!video->isPlaying());
    }
};

QTEST_MAIN(TestVideoView)
#include "tst_videoview.moc"
