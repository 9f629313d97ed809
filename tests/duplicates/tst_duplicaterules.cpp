#include "duplicates/duplicaterules.h"

#include <QTest>

using namespace shoebox;

namespace {

SignalVerdict v(const char* signal, Verdict verdict, double value = 0)
{
    SignalVerdict s;
    s.signal = QLatin1String(signal);
    s.verdict = verdict;
    s.value = value;
    s.reason = QLatin1String(signal) + QStringLiteral(" reason");
    return s;
}

} // namespace

class TestDuplicateRules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameBytesAreExact()
    {
        const PairDecision d = DuplicateRules().decide({ v("content", Verdict::Same) });
        QCOMPARE(d.level, DuplicateLevel::Exact);
        QVERIFY(!d.reasons.isEmpty());
    }

    void alignedPictureIsNearWithItsReasons()
    {
        const PairDecision d = DuplicateRules().decide(
            { v("content", Verdict::Different), v("phash", Verdict::Near, 4), v("aligned", Verdict::Near, 0.99) });
        QCOMPARE(d.level, DuplicateLevel::Near);
        QVERIFY(d.reasons.contains(QStringLiteral("phash reason")));
        QVERIFY(d.reasons.contains(QStringLiteral("aligned reason")));
    }

    void thumbnailsOverruleACloseHash()
    {
        // Look-alike textures hash alike; the aligned thumbnails tell them apart.
        const PairDecision d
            = DuplicateRules().decide({ v("phash", Verdict::Same, 0), v("aligned", Verdict::Different, 0.2) });
        QCOMPARE(d.level, DuplicateLevel::None);
    }

    void hashesAloneDecideWithoutThumbnails()
    {
        QCOMPARE(DuplicateRules().decide({ v("phash", Verdict::Near, 5) }).level, DuplicateLevel::Near);
        QCOMPARE(DuplicateRules().decide({ v("phash", Verdict::Different, 30) }).level, DuplicateLevel::None);
    }

    void featurelessPicturesAreNeverNear()
    {
        const PairDecision d = DuplicateRules().decide(
            { v("detail", Verdict::Different, 1.0), v("phash", Verdict::Same), v("aligned", Verdict::Near, 0.99) });
        QCOMPARE(d.level, DuplicateLevel::None);
        QVERIFY(d.reasons.first().startsWith(QStringLiteral("detail")));
    }

    void burstFramesAreSimilarNotNear()
    {
        const PairDecision d = DuplicateRules().decide({ v("phash", Verdict::Near, 3),
            v("aligned", Verdict::Near, 0.98), v("time", Verdict::Similar, 0.3), v("camera", Verdict::Same) });
        QCOMPARE(d.level, DuplicateLevel::Similar);
    }

    void differentEmbeddingRefutesNear()
    {
        const PairDecision d = DuplicateRules().decide({ v("phash", Verdict::Near, 6),
            v("aligned", Verdict::Near, 0.97), v("embedding", Verdict::Different, 0.5) });
        QCOMPARE(d.level, DuplicateLevel::None);
    }

    void heavilyEditedCopyStaysNearDespiteModestEmbedding()
    {
        // Noise or blur lowers the object model's cosine for a true copy; the pictures still align.
        const PairDecision d = DuplicateRules().decide({ v("phash", Verdict::Near, 8),
            v("aligned", Verdict::Near, 0.95), v("embedding", Verdict::Different, 0.72) });
        QCOMPARE(d.level, DuplicateLevel::Near);
    }

    void embeddingAloneMakesSimilar()
    {
        const PairDecision d = DuplicateRules().decide({ v("phash", Verdict::Different, 30),
            v("aligned", Verdict::Different, 0.1), v("embedding", Verdict::Similar, 0.91) });
        QCOMPARE(d.level, DuplicateLevel::Similar);
    }
};

QTEST_GUILESS_MAIN(TestDuplicateRules)
#include "tst_duplicaterules.moc"
