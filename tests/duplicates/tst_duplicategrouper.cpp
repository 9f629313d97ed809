#include "duplicates/duplicategrouper.h"

#include <QTest>

#include <map>
#include <set>

using namespace shoebox;

namespace {

DecidedPair pair(int a, int b, DuplicateLevel level, double score = 2.5)
{
    DecidedPair p;
    p.a = a;
    p.b = b;
    p.decision.level = level;
    p.decision.score = score;
    return p;
}

bool together(const std::vector<std::vector<int>>& groups, int a, int b)
{
    for (const auto& g : groups) {
        const std::set<int> s(g.begin(), g.end());
        if (s.count(a) && s.count(b))
            return true;
    }
    return false;
}

} // namespace

class TestDuplicateGrouper : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void duplicatesNeverChainUnrelatedPhotos()
    {
        // 0 ~ 1 ~ 2 ~ 3: a chain of look-alikes where only neighbours match.
        const std::vector<DecidedPair> pairs
            = { pair(0, 1, DuplicateLevel::Near), pair(1, 2, DuplicateLevel::Near), pair(2, 3, DuplicateLevel::Near) };
        auto noMatch = [](int, int) { return PairDecision(); };
        const auto groups = DuplicateGrouper::group(pairs, DuplicateLevel::Near, noMatch, nullptr);
        QVERIFY(!together(groups, 0, 2));
        QVERIFY(!together(groups, 1, 3));
        QVERIFY(!together(groups, 0, 3));
        for (const auto& g : groups)
            QCOMPARE(int(g.size()), 2);
    }

    void editsThatAreOnlySimilarToEachOtherJoinThroughTheOriginal()
    {
        // 0 is the original; 1..4 are near copies of it and of each other; 5 is a crop that is near the
        // original but, against the noisy copies, only the same scene; 6 is near the original only and
        // unrelated to every other member (a look-alike): 5 joins, 6 does not.
        std::vector<DecidedPair> pairs;
        for (int a = 0; a < 5; ++a)
            for (int b = a + 1; b < 5; ++b)
                pairs.push_back(pair(a, b, DuplicateLevel::Near));
        pairs.push_back(pair(0, 5, DuplicateLevel::Near, 2.4));
        pairs.push_back(pair(0, 6, DuplicateLevel::Near, 2.3));
        for (int m = 1; m < 5; ++m)
            pairs.push_back(pair(m, 5, DuplicateLevel::Similar, 1.5));
        auto unrelated = [](int, int) { return PairDecision(); };
        const auto groups = DuplicateGrouper::group(pairs, DuplicateLevel::Near, unrelated, nullptr);
        QVERIFY(together(groups, 0, 5));
        QVERIFY(together(groups, 3, 5));
        QVERIFY(!together(groups, 0, 6));
    }

    void editsOfOnePhotoFormOneGroup()
    {
        // Five edits all match the original (0) and each other, as real edits do.
        std::vector<DecidedPair> pairs;
        for (int a = 0; a < 6; ++a)
            for (int b = a + 1; b < 6; ++b)
                pairs.push_back(pair(a, b, DuplicateLevel::Near));
        const auto groups = DuplicateGrouper::group(pairs, DuplicateLevel::Near, nullptr, nullptr);
        QCOMPARE(int(groups.size()), 1);
        QCOMPARE(int(groups.front().size()), 6);
    }

    void newcomerNeedsTheMajorityNotOneMember()
    {
        // 0,1,2 match each other; 3 matches only 0 (the representative).
        const std::vector<DecidedPair> pairs = { pair(0, 1, DuplicateLevel::Near), pair(0, 2, DuplicateLevel::Near),
            pair(1, 2, DuplicateLevel::Near), pair(0, 3, DuplicateLevel::Near) };
        const auto groups = DuplicateGrouper::group(pairs, DuplicateLevel::Near, nullptr, nullptr);
        QVERIFY(together(groups, 0, 1) && together(groups, 0, 2));
        QVERIFY(!together(groups, 0, 3));
    }

    void aCopyTurnedAwayEarlyJoinsOnceTheGroupHasGrown_data()
    {
        QTest::addColumn<int>("laterMembersAgreeing");
        QTest::addColumn<bool>("joins");
        // 5 is met third, when the group holds 0, 1 and 2 and only 0 agrees; the members that come
        // after it decide.
        QTest::newRow("the later members agree: a majority in the end") << 3 << true;
        QTest::newRow("one later member agrees: never a majority") << 1 << false;
    }

    void aCopyTurnedAwayEarlyJoinsOnceTheGroupHasGrown()
    {
        QFETCH(int, laterMembersAgreeing);
        QFETCH(bool, joins);
        const std::vector<int> members = { 1, 2, 3, 4, 6 };
        std::vector<DecidedPair> pairs;
        const std::map<int, double> score = { { 1, 2.9 }, { 2, 2.8 }, { 5, 2.7 }, { 3, 2.6 }, { 4, 2.5 }, { 6, 2.4 } };
        for (const auto& [m, s] : score)
            pairs.push_back(pair(0, m, DuplicateLevel::Near, s));
        for (size_t i = 0; i < members.size(); ++i)
            for (size_t j = i + 1; j < members.size(); ++j)
                pairs.push_back(pair(members[i], members[j], DuplicateLevel::Near));
        for (int k = 0; k < laterMembersAgreeing; ++k)
            pairs.push_back(pair(5, members[2 + k], DuplicateLevel::Similar, 1.5));
        auto unrelated = [](int, int) { return PairDecision(); };
        const auto groups = DuplicateGrouper::group(pairs, DuplicateLevel::Near, unrelated, nullptr);
        for (int m : members)
            QVERIFY(together(groups, 0, m));
        QCOMPARE(together(groups, 0, 5), joins);
    }

    void aCopyNearMostMembersJoinsWithoutTheRepresentative_data()
    {
        QTest::addColumn<int>("membersNear");
        QTest::addColumn<bool>("joins");
        // 0 represents 0..4 (near each other); 5 is only similar to 0 (a tight crop beside a blurred
        // copy) and near some of the others.
        QTest::newRow("near three of four other members: a majority of five") << 3 << true;
        QTest::newRow("near two of four: no majority") << 2 << false;
    }

    void aCopyNearMostMembersJoinsWithoutTheRepresentative()
    {
        QFETCH(int, membersNear);
        QFETCH(bool, joins);
        std::vector<DecidedPair> pairs;
        for (int i = 0; i < 5; ++i)
            for (int j = i + 1; j < 5; ++j)
                pairs.push_back(pair(i, j, DuplicateLevel::Near, i == 0 ? 2.9 : 2.5));
        pairs.push_back(pair(0, 5, DuplicateLevel::Similar, 1.5));
        // 6 and 7 match 0 alone (and join no group): 0 has the most matches, so it represents the group.
        pairs.push_back(pair(0, 6, DuplicateLevel::Near));
        pairs.push_back(pair(0, 7, DuplicateLevel::Near));
        for (int k = 1; k <= 4; ++k)
            pairs.push_back(pair(k, 5, k <= membersNear ? DuplicateLevel::Near : DuplicateLevel::Similar, 2.0));
        auto unrelated = [](int, int) { return PairDecision(); };
        const auto groups = DuplicateGrouper::group(pairs, DuplicateLevel::Near, unrelated, nullptr);
        for (int m = 1; m < 5; ++m)
            QVERIFY(together(groups, 0, m));
        QCOMPARE(together(groups, 0, 5), joins);
    }

    void aCopyTheKeypointsVerifiedNeedsOnlyTheRepresentative_data()
    {
        QTest::addColumn<bool>("keypointVerified");
        QTest::addColumn<bool>("cutVerified");
        QTest::addColumn<bool>("joins");
        // A one-sided cut of the original, matched by keypoints spread over it or by the window against
        // its cut side, is too far from the framed copies to agree with them; a copy that only looks
        // alike in the thumbnails is not.
        QTest::newRow("keypoint-verified copy joins") << true << false << true;
        QTest::newRow("cut-verified copy joins") << false << true << true;
        QTest::newRow("thumbnail likeness needs the majority") << false << false << false;
    }

    void aCopyTheKeypointsVerifiedNeedsOnlyTheRepresentative()
    {
        QFETCH(bool, keypointVerified);
        QFETCH(bool, cutVerified);
        QFETCH(bool, joins);
        // 0,1,2 match each other; 3 matches only 0 (the representative).
        std::vector<DecidedPair> pairs = { pair(0, 1, DuplicateLevel::Near), pair(0, 2, DuplicateLevel::Near),
            pair(1, 2, DuplicateLevel::Near), pair(0, 3, DuplicateLevel::Near) };
        pairs.back().decision.keypointVerified = keypointVerified;
        pairs.back().decision.cutVerified = cutVerified;
        const auto groups = DuplicateGrouper::group(pairs, DuplicateLevel::Near, nullptr, nullptr);
        QVERIFY(together(groups, 0, 1) && together(groups, 0, 2));
        QCOMPARE(together(groups, 0, 3), joins);
        QCOMPARE(together(groups, 1, 3), joins);
    }

    // A copy near one member with an overlay left out (a meme of the original) joins even where
    // another member represents the group and the copy is not near it (a framed copy, another shape).
    void aCopyVerifiedAgainstAnyMemberJoins_data()
    {
        QTest::addColumn<bool>("verified");
        QTest::newRow("verified against a member") << true;
        QTest::newRow("only alike to a member") << false;
    }

    void aCopyVerifiedAgainstAnyMemberJoins()
    {
        QFETCH(bool, verified);
        // 0..4 all match; 0 also matches 5 and represents the group; 6 matches 4 alone.
        std::vector<DecidedPair> pairs;
        for (int a = 0; a < 5; ++a)
            for (int b = a + 1; b < 5; ++b)
                pairs.push_back(pair(a, b, DuplicateLevel::Near));
        pairs.push_back(pair(0, 5, DuplicateLevel::Near, 2.9));
        pairs.back().decision.keypointVerified = true;
        for (int m = 1; m < 5; ++m)
            pairs.push_back(pair(m, 5, DuplicateLevel::Similar, 1.5));
        pairs.push_back(pair(4, 6, DuplicateLevel::Near, 2.4));
        pairs.back().decision.overlayVerified = verified;
        for (int m : { 0, 1, 2, 3, 5 }) // the same scene to the others, as a meme is to framed copies
            pairs.push_back(pair(m, 6, DuplicateLevel::Similar, 1.5));
        const auto groups = DuplicateGrouper::group(pairs, DuplicateLevel::Near, nullptr, nullptr);
        QVERIFY(together(groups, 0, 5) && together(groups, 0, 4));
        QCOMPARE(together(groups, 4, 6), verified);
    }

    void pairsOutsideTheCandidatesAreDecidedOnDemand()
    {
        // 1-2 was not a candidate pair, but they do match when asked.
        const std::vector<DecidedPair> pairs = { pair(0, 1, DuplicateLevel::Near), pair(0, 2, DuplicateLevel::Near) };
        int asked = 0;
        auto decide = [&](int, int) {
            ++asked;
            PairDecision d;
            d.level = DuplicateLevel::Near;
            return d;
        };
        const auto groups = DuplicateGrouper::group(pairs, DuplicateLevel::Near, decide, nullptr);
        QCOMPARE(int(groups.size()), 1);
        QCOMPARE(int(groups.front().size()), 3);
        QVERIFY(asked >= 1);
    }

    void rejectedPairIsNeverGroupedEvenThroughAThirdPhoto()
    {
        std::vector<DecidedPair> pairs
            = { pair(0, 1, DuplicateLevel::Near), pair(0, 2, DuplicateLevel::Near), pair(1, 2, DuplicateLevel::Near) };
        auto rejected = [](int a, int b) { return std::min(a, b) == 1 && std::max(a, b) == 2; };
        const auto groups = DuplicateGrouper::group(pairs, DuplicateLevel::Near, nullptr, rejected);
        QVERIFY(!together(groups, 1, 2));
    }

    void similarPairsStayOutOfNearGroups()
    {
        const std::vector<DecidedPair> pairs = { pair(0, 1, DuplicateLevel::Similar, 1.9) };
        QVERIFY(DuplicateGrouper::group(pairs, DuplicateLevel::Near, nullptr, nullptr).empty());
        QCOMPARE(int(DuplicateGrouper::group(pairs, DuplicateLevel::Similar, nullptr, nullptr).size()), 1);
    }
};

QTEST_GUILESS_MAIN(TestDuplicateGrouper)
#include "tst_duplicategrouper.moc"
