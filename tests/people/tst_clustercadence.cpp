// ClusterCadence: when the tagging job clusters the faces it stored so far (issue 12).
#include "people/clustercadence.h"

#include <QTest>

using namespace shoebox;

class TestClusterCadence : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dueOnlyWithNewFacesAfterThePause_data();
    void dueOnlyWithNewFacesAfterThePause();
};

void TestClusterCadence::dueOnlyWithNewFacesAfterThePause_data()
{
    QTest::addColumn<qint64>("interval");
    QTest::addColumn<qint64>("lastEnd"); // -1: no run yet
    QTest::addColumn<qint64>("lastDuration");
    QTest::addColumn<qint64>("faces"); // stored since
    QTest::addColumn<qint64>("now");
    QTest::addColumn<bool>("due");
    QTest::newRow("no new face") << qint64(1000) << qint64(-1) << qint64(0) << qint64(0) << qint64(50000) << false;
    QTest::newRow("first run before the interval")
        << qint64(1000) << qint64(-1) << qint64(0) << qint64(5) << qint64(999) << false;
    QTest::newRow("first run after the interval")
        << qint64(1000) << qint64(-1) << qint64(0) << qint64(5) << qint64(1000) << true;
    QTest::newRow("interval 0: every round")
        << qint64(0) << qint64(300) << qint64(0) << qint64(1) << qint64(300) << true;
    QTest::newRow("slow run: ten times its duration")
        << qint64(1000) << qint64(10000) << qint64(2000) << qint64(5) << qint64(29999) << false;
    QTest::newRow("slow run, paused long enough")
        << qint64(1000) << qint64(10000) << qint64(2000) << qint64(5) << qint64(30000) << true;
    QTest::newRow("fast run: the interval counts")
        << qint64(1000) << qint64(10000) << qint64(10) << qint64(5) << qint64(10999) << false;
}

void TestClusterCadence::dueOnlyWithNewFacesAfterThePause()
{
    QFETCH(qint64, interval);
    QFETCH(qint64, lastEnd);
    QFETCH(qint64, lastDuration);
    QFETCH(qint64, faces);
    QFETCH(qint64, now);
    QFETCH(bool, due);
    ClusterCadence c(interval);
    if (lastEnd >= 0) {
        c.stored(3);
        c.ran(lastEnd, lastDuration); // clears what was stored before it
    }
    c.stored(faces);
    QCOMPARE(c.due(now), due);
}

QTEST_GUILESS_MAIN(TestClusterCadence)
#include "tst_clustercadence.moc"
