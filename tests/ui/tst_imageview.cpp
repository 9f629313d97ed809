// The viewer's image view: decoding off the UI thread, and a camera RAW shown at half size first,
// then replaced by its full development.

#include "pages/imageview.h"
#include "support/dngfixture.h"
#include "support/exiffixture.h"
#include "support/heiffixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

class TestImageView : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void rawShowsHalfSizeDraftThenFullDevelopment_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("drafts");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("DNG: draft, then full") << "camera.dng" << 1 << 640 << 480;
        QTest::newRow("iPhone HEIC: one decode, upright") << "phone.heic" << 0 << 480 << 640;
    }
    void rawShowsHalfSizeDraftThenFullDevelopment()
    {
        QFETCH(QString, file);
        QFETCH(int, drafts);
        QFETCH(int, width);
        QFETCH(int, height);
        const QString path = m_tmp.filePath(file);
        QString error;
        if (file.endsWith(QLatin1String(".dng")))
            QVERIFY2(writeDng(path, bandedImage(640, 480), DngFields {}, &error), qPrintable(error));
        else
            QVERIFY(writeFile(path, iphoneStyleHeic(&error)));

        ImageView view;
        view.resize(800, 600);
        view.show();
        QSignalSpy draftShown(&view, &ImageView::draftShown);
        QSignalSpy loaded(&view, &ImageView::loaded);
        view.setFile(path);
        QVERIFY(view.isLoading()); // setFile returned before any decoding: the UI thread stays free
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
        QCOMPARE(loaded.first().first().toBool(), true);
        QCOMPARE(draftShown.count(), drafts);
        QVERIFY(!view.isLoading());
        QVERIFY(!view.isDraft());
        QCOMPARE(view.image().width(), width);
        QCOMPARE(view.image().height(), height);
        QVERIFY(view.isFitted());
    }
};

QTEST_MAIN(TestImageView)
#include "tst_imageview.moc"
