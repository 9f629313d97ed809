#include "duplicates/duplicaterules.h"
#include "duplicates/overlaymatcher.h"

#include <QTest>

using namespace shoebox;

using Verdicts = QVector<SignalVerdict>;
Q_DECLARE_METATYPE(Verdicts)
Q_DECLARE_METATYPE(shoebox::DuplicateLevel)

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

// Both photos framed; their insides correlate `inside`.
SignalVerdict frames(double inside)
{
    SignalVerdict s = v("region", Verdict::Different, inside);
    s.insideOnly = true;
    return s;
}

// Keypoints near, in place over `spread` (at least the rules' spread area) or not.
SignalVerdict keypointsInPlace(bool spread)
{
    SignalVerdict s = v("keypoints", Verdict::Near, 40);
    s.spread = spread;
    return s;
}

// The thumbnails of two pictures whose shapes differ as a one-sided cut makes them.
SignalVerdict reshaped(double correlation)
{
    SignalVerdict s = v("aligned", Verdict::Different, correlation);
    s.reshaped = true;
    return s;
}

// The thumbnails near only on a window the search moved (a crop or a turn), `verdictOf` signal.
SignalVerdict byWindow(const char* signal, double correlation)
{
    SignalVerdict s = v(signal, Verdict::Near, correlation);
    s.searched = s.window = true;
    return s;
}

// PaddingMatcher's verdict: the picture centred in a blurred square, near at `correlation`.
SignalVerdict padded(double correlation)
{
    SignalVerdict s = v("region", Verdict::Near, correlation);
    s.padded = s.searched = true;
    return s;
}

} // namespace

class TestDuplicateRules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Each row: the matchers' verdicts on one pair, the level the rules must give it, the reasons
    // it must cite, and what the first reason must start with (empty: any).
    void decidesLevelAndCitesReasons_data()
    {
        QTest::addColumn<Verdicts>("verdicts");
        QTest::addColumn<DuplicateLevel>("level");
        QTest::addColumn<QStringList>("cited");
        QTest::addColumn<QString>("firstReason");

        QTest::newRow("same bytes are exact") << Verdicts { v("content", Verdict::Same) } << DuplicateLevel::Exact
                                              << QStringList { QStringLiteral("content reason") } << QString();
        QTest::newRow("aligned picture is near, with its reasons")
            << Verdicts { v("content", Verdict::Different), v("phash", Verdict::Near, 4),
                   v("aligned", Verdict::Near, 0.99) }
            << DuplicateLevel::Near << QStringList { QStringLiteral("phash reason"), QStringLiteral("aligned reason") }
            << QString();
        // Look-alike textures hash alike; the aligned thumbnails tell them apart.
        QTest::newRow("thumbnails overrule a close hash")
            << Verdicts { v("phash", Verdict::Same, 0), v("aligned", Verdict::Different, 0.2) } << DuplicateLevel::None
            << QStringList() << QString();
        QTest::newRow("near hash alone decides without thumbnails")
            << Verdicts { v("phash", Verdict::Near, 5) } << DuplicateLevel::Near << QStringList() << QString();
        QTest::newRow("far hash alone decides without thumbnails")
            << Verdicts { v("phash", Verdict::Different, 30) } << DuplicateLevel::None << QStringList() << QString();
        QTest::newRow("featureless pictures are never near") << Verdicts {
            v("detail", Verdict::Different, 1.0), v("phash", Verdict::Same), v("aligned", Verdict::Near, 0.99)
        } << DuplicateLevel::None << QStringList() << QStringLiteral("detail");
        QTest::newRow("burst frames are similar, not near") << Verdicts { v("phash", Verdict::Near, 3),
            v("aligned", Verdict::Near, 0.98), v("time", Verdict::Similar, 0.3), v("camera", Verdict::Same) }
                                                            << DuplicateLevel::Similar << QStringList() << QString();
        QTest::newRow("different embedding refutes near") << Verdicts { v("phash", Verdict::Near, 6),
            v("aligned", Verdict::Near, 0.97), v("embedding", Verdict::Different, 0.5) }
                                                          << DuplicateLevel::None << QStringList() << QString();
        // Noise or blur lowers the object model's cosine for a true copy; the pictures still align.
        QTest::newRow("heavily edited copy stays near despite a modest embedding") << Verdicts {
            v("phash", Verdict::Near, 8), v("aligned", Verdict::Near, 0.95), v("embedding", Verdict::Different, 0.72)
        } << DuplicateLevel::Near << QStringList() << QString();
        // A frame is never evidence; a sticker inside the same frame lowers the inside's correlation,
        // and keypoints in place over much of the picture keep such a copy near.
        QTest::newRow("framed alike, insides differ")
            << Verdicts { v("aligned", Verdict::Near, 0.95), frames(0.3), keypointsInPlace(true) }
            << DuplicateLevel::None << QStringList() << QStringLiteral("region");
        QTest::newRow("framed alike, insides half alike, keypoints in a corner")
            << Verdicts { v("aligned", Verdict::Near, 0.95), frames(0.7), keypointsInPlace(false) }
            << DuplicateLevel::None << QStringList() << QStringLiteral("region");
        QTest::newRow("framed alike, insides half alike, keypoints in place")
            << Verdicts { v("aligned", Verdict::Different, 0.5), frames(0.7), keypointsInPlace(true) }
            << DuplicateLevel::Near << QStringList { QStringLiteral("keypoints reason") } << QString();
        // A sticker both carry: keypoints in place inside it alone do not make two pictures one.
        QTest::newRow("keypoints in place in one patch, thumbnails unrelated")
            << Verdicts { v("aligned", Verdict::Different, 0.5), keypointsInPlace(false) } << DuplicateLevel::None
            << QStringList() << QString();
        QTest::newRow("keypoints in place over the picture, thumbnails unrelated")
            << Verdicts { v("aligned", Verdict::Different, 0.5), keypointsInPlace(true) } << DuplicateLevel::Near
            << QStringList { QStringLiteral("keypoints reason") } << QString();
        // Two framings of one scene: the thumbnails as they are say near, the keypoints see the move.
        QTest::newRow("keypoints refute a reframing, the scene stays similar")
            << Verdicts { v("phash", Verdict::Near, 9), v("aligned", Verdict::Near, 0.94),
                   v("keypoints", Verdict::Different, 56) }
            << DuplicateLevel::Similar << QStringList { QStringLiteral("keypoints reason") } << QString();
        // A sticker over a copy: the pictures around one patch decide, as around caption bands.
        QTest::newRow("alike but for one patch is near")
            << Verdicts { v("aligned", Verdict::Different, 0.3), v("parts", Verdict::Similar, 3),
                   v("patch", Verdict::Near, 0.99) }
            << DuplicateLevel::Near << QStringList { QStringLiteral("patch reason") } << QString();
        QTest::newRow("keypoints in one patch, the pictures around it alike")
            << Verdicts { v("aligned", Verdict::Different, 0.6), v("overlay", Verdict::Different, 0.07),
                   v("patch", Verdict::Near, 0.99) }
            << DuplicateLevel::Near << QStringList { QStringLiteral("patch reason") } << QString();
        QTest::newRow("keypoints in one caption band, the rows between alike")
            << Verdicts { v("aligned", Verdict::Near, 0.95), v("keypoints", Verdict::Near, 23),
                   v("overlay", Verdict::Different, -0.09), v("captions", Verdict::Near, 1.0) }
            << DuplicateLevel::Near << QStringList { QStringLiteral("captions reason") } << QString();
        QTest::newRow("keypoints in one patch, nothing alike around it")
            << Verdicts { v("aligned", Verdict::Different, 0.6), v("overlay", Verdict::Different, 0.07) }
            << DuplicateLevel::None << QStringList { QStringLiteral("overlay reason") } << QStringLiteral("overlay");
        QTest::newRow("a patch alike does not outweigh refuting keypoints")
            << Verdicts { v("aligned", Verdict::Different, 0.3), v("patch", Verdict::Near, 0.99),
                   v("keypoints", Verdict::Different, 40) }
            << DuplicateLevel::None << QStringList() << QString();
        QTest::newRow("embedding alone makes similar") << Verdicts { v("phash", Verdict::Different, 30),
            v("aligned", Verdict::Different, 0.1), v("embedding", Verdict::Similar, 0.91) }
                                                       << DuplicateLevel::Similar << QStringList() << QString();
    }

    void decidesLevelAndCitesReasons()
    {
        QFETCH(Verdicts, verdicts);
        QFETCH(DuplicateLevel, level);
        QFETCH(QStringList, cited);
        QFETCH(QString, firstReason);
        const PairDecision d = DuplicateRules().decide(verdicts);
        QCOMPARE(d.level, level);
        for (const QString& reason : cited)
            QVERIFY2(d.reasons.contains(reason), qPrintable(d.reasons.join(QStringLiteral("; "))));
        if (!firstReason.isEmpty()) {
            QVERIFY(!d.reasons.isEmpty());
            QVERIFY2(d.reasons.first().startsWith(firstReason), qPrintable(d.reasons.first()));
        }
    }

    // A framed copy the keypoints rescue is near without the frame's "pictures differ" among its reasons.
    void aRescuedFrameIsNotCitedAsDifferent()
    {
        const PairDecision d = DuplicateRules().decide(
            Verdicts { v("aligned", Verdict::Different, 0.5), frames(0.7), keypointsInPlace(true) });
        QCOMPARE(d.level, DuplicateLevel::Near);
        QVERIFY2(
            !d.reasons.contains(QStringLiteral("region reason")), qPrintable(d.reasons.join(QStringLiteral("; "))));
    }

    // Copies verified as edits of one picture join a group on the representative's word alone: a
    // keypoint fit spread over the picture, or the picture alike around one patch.
    void verifiedEdits_data()
    {
        QTest::addColumn<Verdicts>("verdicts");
        QTest::addColumn<bool>("verified");
        QTest::newRow("keypoints spread")
            << Verdicts { v("aligned", Verdict::Different, 0.5), keypointsInPlace(true) } << true;
        QTest::newRow("keypoints in one patch")
            << Verdicts { v("aligned", Verdict::Similar, 0.85), keypointsInPlace(false) } << false;
        QTest::newRow("alike around a patch")
            << Verdicts { v("aligned", Verdict::Different, 0.3), v("patch", Verdict::Near, 0.99) } << true;
        QTest::newRow("alike between caption bands")
            << Verdicts { v("aligned", Verdict::Different, 0.6), v("captions", Verdict::Near, 0.99) } << true;
        QTest::newRow("thumbnails alone") << Verdicts { v("aligned", Verdict::Near, 0.97) } << false;
    }
    void verifiedEdits()
    {
        QFETCH(Verdicts, verdicts);
        QFETCH(bool, verified);
        const PairDecision d = DuplicateRules().decide(verdicts);
        QCOMPARE(d.level, DuplicateLevel::Near);
        QCOMPARE(d.keypointVerified || d.overlayVerified, verified);
    }

    // A near pair is confirmed on evidence two different pictures cannot share by chance; near on a
    // moved window of the thumbnails alone, or on keypoints that agree inside one patch, it is not
    // (the moved frame of a near-empty picture; one sticker on two of them).
    void confirmsNearPairs_data()
    {
        QTest::addColumn<Verdicts>("verdicts");
        QTest::addColumn<bool>("confirmed");
        QTest::newRow("same bytes") << Verdicts { v("content", Verdict::Same) } << true;
        QTest::newRow("whole thumbnails") << Verdicts { v("aligned", Verdict::Near, 0.97) } << true;
        QTest::newRow("a moved window alone") << Verdicts { byWindow("aligned", 0.98) } << false;
        QTest::newRow("a moved window, keypoints over the picture")
            << Verdicts { byWindow("aligned", 0.98), keypointsInPlace(true) } << true;
        QTest::newRow("whole thumbnails, keypoints in one patch")
            << Verdicts { v("aligned", Verdict::Near, 0.97), keypointsInPlace(false) } << false;
        QTest::newRow("a frame's inside without a search")
            << Verdicts { v("aligned", Verdict::Different, 0.3), v("region", Verdict::Near, 0.97) } << true;
        QTest::newRow("a frame's inside by a moved window")
            << Verdicts { v("aligned", Verdict::Different, 0.3), byWindow("region", 0.97) } << false;
        QTest::newRow("alike between caption bands")
            << Verdicts { byWindow("aligned", 0.96), v("captions", Verdict::Near, 0.99) } << true;
        QTest::newRow("hashes alone, no thumbnails") << Verdicts { v("phash", Verdict::Near, 4) } << false;
    }
    void confirmsNearPairs()
    {
        QFETCH(Verdicts, verdicts);
        QFETCH(bool, confirmed);
        const PairDecision d = DuplicateRules().decide(verdicts);
        QVERIFY(d.level == DuplicateLevel::Near || d.level == DuplicateLevel::Exact);
        QCOMPARE(d.confirmed, confirmed);
    }

    // Whether a pair not yet matched by keypoints asks for them: a searched or open alignment does,
    // a correlation too low to hope does not, unless parts of the pictures agree (a sticker's copy).
    void asksForKeypoints_data()
    {
        QTest::addColumn<Verdicts>("verdicts");
        QTest::addColumn<bool>("verifiable");
        QTest::newRow("open correlation") << Verdicts { v("aligned", Verdict::Different, 0.5) } << true;
        QTest::newRow("hopeless correlation") << Verdicts { v("aligned", Verdict::Different, 0.1) } << false;
        QTest::newRow("hopeless correlation, parts alike")
            << Verdicts { v("aligned", Verdict::Different, 0.1), v("parts", Verdict::Similar, 3) } << true;
        QTest::newRow("hopeless correlation, shapes of a one-sided cut") << Verdicts { reshaped(0.1) } << true;
        QTest::newRow("parts alike, keypoints already matched") << Verdicts { v("aligned", Verdict::Different, 0.1),
            v("parts", Verdict::Similar, 3), v("keypoints", Verdict::Different, 2) }
                                                                << false;
        // Framed alike with insides half alike: a sticker inside the same frame, the keypoints may tell.
        QTest::newRow("framed alike, insides half alike")
            << Verdicts { v("aligned", Verdict::Different, 0.5), frames(0.7) } << true;
        QTest::newRow("framed alike, insides unrelated")
            << Verdicts { v("aligned", Verdict::Different, 0.5), frames(0.3) } << false;
        QTest::newRow("parts alike, separate shots") << Verdicts { v("aligned", Verdict::Different, 0.1),
            v("parts", Verdict::Similar, 3), v("time", Verdict::Different, 3600) }
                                                     << false;
    }
    void asksForKeypoints()
    {
        QFETCH(Verdicts, verdicts);
        QFETCH(bool, verifiable);
        const PairDecision d = DuplicateRules().decide(verdicts);
        QCOMPARE(d.verifiable, verifiable);
        QVERIFY(d.level != DuplicateLevel::Near); // parts alike are never evidence of their own
    }

    // Near on the whole thumbnails short of certainty, where the region leaves the pair to them (no
    // frame, or one photo framed with its inside short of near), asks the keypoints: a shared sticker
    // can carry whole thumbnails (the fresh set's wallpapers, one with dark bars found as a frame).
    void aWholeNearPairAsksTheKeypoints_data()
    {
        QTest::addColumn<Verdicts>("verdicts");
        QTest::addColumn<bool>("verifiable");
        const SignalVerdict whole = v("aligned", Verdict::Near, 0.91);
        QTest::newRow("no frame") << Verdicts { whole } << true;
        QTest::newRow("one framed, its inside short of near")
            << Verdicts { whole, v("region", Verdict::Similar, 0.895) } << true;
        QTest::newRow("one framed, its inside unlike")
            << Verdicts { whole, v("region", Verdict::Different, 0.3) } << true;
        QTest::newRow("one framed, beyond doubt as a whole")
            << Verdicts { v("aligned", Verdict::Near, 0.99), v("region", Verdict::Similar, 0.895) } << false;
        QTest::newRow("one framed, its inside near") << Verdicts { whole, v("region", Verdict::Near, 0.97) } << false;
    }
    void aWholeNearPairAsksTheKeypoints()
    {
        QFETCH(Verdicts, verdicts);
        QFETCH(bool, verifiable);
        const PairDecision d = DuplicateRules().decide(verdicts);
        QCOMPARE(d.level, DuplicateLevel::Near);
        QCOMPARE(d.verifiable, verifiable);
    }

    // A picture found in a blurred square by the padding's geometry is near, and asks the keypoints,
    // which confirm it as an edit inside padding (verified, for the grouper) or refute it as a
    // reframing; a frame's inside found without a search does not ask.
    void aPaddedMatchAsksTheKeypoints_data()
    {
        QTest::addColumn<Verdicts>("verdicts");
        QTest::addColumn<bool>("near");
        QTest::addColumn<bool>("verifiable");
        QTest::addColumn<bool>("verified");
        const SignalVerdict whole = v("aligned", Verdict::Different, 0.77);
        QTest::newRow("padded, no keypoints yet") << Verdicts { whole, padded(0.97) } << true << true << false;
        QTest::newRow("padded, keypoints agree")
            << Verdicts { whole, padded(0.97), keypointsInPlace(true) } << true << false << true;
        QTest::newRow("padded, keypoints see a reframing")
            << Verdicts { whole, padded(0.97), v("keypoints", Verdict::Different, 30) } << false << false << false;
        QTest::newRow("inside a frame, no keypoints")
            << Verdicts { whole, v("region", Verdict::Near, 0.97) } << true << false << false;
    }
    void aPaddedMatchAsksTheKeypoints()
    {
        QFETCH(Verdicts, verdicts);
        QFETCH(bool, near);
        QFETCH(bool, verifiable);
        QFETCH(bool, verified);
        const PairDecision d = DuplicateRules().decide(verdicts);
        QCOMPARE(d.level == DuplicateLevel::Near, near);
        QCOMPARE(d.verifiable, verifiable);
        QCOMPARE(d.keypointVerified, verified);
    }

    // Parts make two pictures alike at two windows, or at one that agrees almost exactly (a sticker
    // nearer the middle leaves one window whole); one window merely close is a pattern shared.
    void partsAgree_data()
    {
        QTest::addColumn<int>("windows");
        QTest::addColumn<float>("best");
        QTest::addColumn<bool>("alike");
        QTest::newRow("none") << 0 << 0.9f << false;
        QTest::newRow("one window, close") << 1 << 0.975f << false;
        QTest::newRow("one window, just short") << 1 << 0.989f << false;
        QTest::newRow("one window, whole") << 1 << 0.995f << true;
        QTest::newRow("two windows") << 2 << 0.975f << true;
        QTest::newRow("no window at the bar, best high") << 0 << 0.999f << false;
    }
    void partsAgree()
    {
        QFETCH(int, windows);
        QFETCH(float, best);
        QFETCH(bool, alike);
        QCOMPARE(DuplicateRules().partsAgree(windows, best), alike);
    }

    // The pictures around a sticker's patch: every part with detail agreeing, or every part untouched
    // to JPEG noise however little detail it has; never a featureless rest or too little of it.
    void patchAgrees_data()
    {
        QTest::addColumn<double>("correlation");
        QTest::addColumn<double>("detail");
        QTest::addColumn<double>("worstCell");
        QTest::addColumn<int>("cells");
        QTest::addColumn<double>("worstResidual");
        QTest::addColumn<bool>("agrees");
        QTest::newRow("detailed, every part agrees") << 0.99 << 20.0 << 0.9 << 6 << 4.0 << true;
        QTest::newRow("detailed, one part differs") << 0.99 << 20.0 << 0.3 << 6 << 6.0 << false;
        QTest::newRow("too few parts with detail") << 0.99 << 20.0 << 0.9 << 2 << 4.0 << false;
        QTest::newRow("smooth, untouched to noise") << 0.10 << 9.0 << 1.0 << 1 << 0.4 << true;
        QTest::newRow("smooth, another picture") << 0.10 << 9.0 << 1.0 << 1 << 5.2 << false;
        QTest::newRow("featureless, untouched") << 0.10 << 1.0 << 1.0 << 0 << 0.2 << false;
        QTest::newRow("too little left") << -2.0 << 9.0 << 1.0 << 0 << 0.2 << false;
    }
    void patchAgrees()
    {
        QFETCH(double, correlation);
        QFETCH(double, detail);
        QFETCH(double, worstCell);
        QFETCH(int, cells);
        QFETCH(double, worstResidual);
        QFETCH(bool, agrees);
        OutsideCorrelation o;
        o.correlation = correlation;
        o.detailA = o.detailB = detail;
        o.worstCell = worstCell;
        o.cellsCompared = cells;
        o.worstResidual = worstResidual;
        QCOMPARE(DuplicateRules().patchAgrees(o), agrees);
    }
};

QTEST_GUILESS_MAIN(TestDuplicateRules)
#include "tst_duplicaterules.moc"
