// The grid's item model over the catalog: every id in date order at once, details only for the
// pages a view asks for, read off the UI thread; filters keep date order; new photos merge in place.
#include "catalog/photostore.h"
#include "support/photofixture.h"
#include "support/testlibrary.h"
#include "thumbnailview/photolistmodel.h"
#include "tuning.h"

#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace shoebox;
using namespace shoebox::test;

namespace {
constexpr int kPhotos = 3000;

PhotoFixture syntheticPhoto(int i)
{
    // Newest capture is photo 0; every 100th photo has no capture time.
    PhotoFixture photo = numberedPhoto(i);
    if (i % 100 != 99)
        photo.takenAt(QDateTime(QDate(2020, 1, 1), QTime(0, 0)).addSecs(qint64(kPhotos - i) * 3600));
    return photo;
}
} // namespace

class TestPhotoListModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void rowsAreAllIdsNewestFirstUndatedLast();
    void detailsArriveOnlyForTheRequestedPage();
    void filterKeepsDateOrder();
    void refreshMergesNewPhotosInPlace();
    void dragCarriesTheOriginalsAsFileUrls();

private:
    std::unique_ptr<TestLibrary> m_tmp;
    QString m_library;
};

void TestPhotoListModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

// Every slot gets its own library of kPhotos photos.
void TestPhotoListModel::init()
{
    m_tmp = std::make_unique<TestLibrary>();
    QVERIFY2(m_tmp->isOpen(), qPrintable(m_tmp->error()));
    m_library = m_tmp->path();
    PhotoStore store(m_library);
    QVERIFY(store.begin());
    for (int i = 0; i < kPhotos; ++i)
        QVERIFY(syntheticPhoto(i).saveTo(store) > 0);
    QVERIFY(store.commit());
}

void TestPhotoListModel::cleanup()
{
    m_tmp.reset();
}

void TestPhotoListModel::rowsAreAllIdsNewestFirstUndatedLast()
{
    PhotoListModel model;
    QSignalSpy loaded(&model, &PhotoListModel::loaded);
    model.setLibrary(m_library);
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), kPhotos);
    QCOMPARE(model.ids(), PhotoStore(m_library).photoIdsByDate());
    QCOMPARE(model.buckets().last().year, 0);
    QCOMPARE(model.buckets().last().count, qint64(kPhotos / 100));
    QCOMPARE(model.rowOfId(model.photoId(1234)), 1234);
}

void TestPhotoListModel::detailsArriveOnlyForTheRequestedPage()
{
    PhotoListModel model;
    QSignalSpy loaded(&model, &PhotoListModel::loaded);
    model.setLibrary(m_library);
    QVERIFY(loaded.wait());
    const int row = 2 * tuning::kDetailPageSize + 7;
    QSignalSpy arrived(&model, &PhotoListModel::detailsArrived);
    QVERIFY(model.record(row) == nullptr); // asks for its page
    QVERIFY(arrived.wait());
    QCOMPARE(arrived.first().at(0).toInt(), 2 * tuning::kDetailPageSize);
    QCOMPARE(arrived.first().at(1).toInt(), 3 * tuning::kDetailPageSize - 1);
    const PhotoRecord* record = model.record(row);
    QVERIFY(record);
    QCOMPARE(record->id, model.photoId(row));
    QCOMPARE(model.data(model.index(row), PhotoListModel::PhotoIdRole).toLongLong(), model.photoId(row));
    QVERIFY(model.record(0) == nullptr); // another page: not read until asked
}

void TestPhotoListModel::filterKeepsDateOrder()
{
    PhotoListModel model;
    QSignalSpy loaded(&model, &PhotoListModel::loaded);
    model.setLibrary(m_library);
    QVERIFY(loaded.wait());
    const QVector<qint64> all = model.ids();
    model.setIdFilter(QSet<qint64> { all[900], all[5], all[2999], all[42] });
    QVERIFY(loaded.wait());
    QCOMPARE(model.ids(), (QVector<qint64> { all[5], all[42], all[900], all[2999] }));
    model.setIdFilter(std::nullopt);
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), kPhotos);
}

void TestPhotoListModel::refreshMergesNewPhotosInPlace()
{
    PhotoListModel model;
    QSignalSpy loaded(&model, &PhotoListModel::loaded);
    model.setLibrary(m_library);
    QVERIFY(loaded.wait());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const qint64 id = syntheticPhoto(kPhotos).takenAt(QDateTime(QDate(2030, 1, 1), QTime(0, 0))).saveTo(m_library);
    QVERIFY(id > 0);
    model.refreshSoon();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(model.rowCount(), kPhotos + 1);
    QCOMPARE(model.photoId(0), id);
    QVERIFY(!inserted.isEmpty());
    QVERIFY(reset.isEmpty()); // the view keeps its place
}

// Dragged out of the grid onto a file manager, photos are the originals' files (text/uri-list), rows
// whose details were never loaded included; onto an album, their ids.
void TestPhotoListModel::dragCarriesTheOriginalsAsFileUrls()
{
    PhotoListModel model;
    QSignalSpy loaded(&model, &PhotoListModel::loaded);
    model.setLibrary(m_library);
    QVERIFY(loaded.wait());
    const QModelIndexList rows { model.index(0), model.index(1500), model.index(kPhotos - 1) };
    std::unique_ptr<QMimeData> mime(model.mimeData(rows));
    QVERIFY(mime->hasUrls());
    QStringList files;
    for (const QUrl& url : mime->urls()) {
        QVERIFY(url.isLocalFile());
        files << url.toLocalFile();
    }
    files.sort();
    QStringList expected;
    for (const QModelIndex& i : rows)
        expected << PhotoStore(m_library).photoById(model.photoId(i.row()))->displayPath;
    expected.sort();
    QCOMPARE(files, expected);
    QVERIFY(mime->hasFormat(PhotoListModel::photoIdsMimeType()));
    QCOMPARE(mime->data(PhotoListModel::photoIdsMimeType()).count('\n'), 3);
}

QTEST_MAIN(TestPhotoListModel)
#include "tst_photolistmodel.moc"
