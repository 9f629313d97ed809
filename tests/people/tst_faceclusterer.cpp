// The clustering rules on synthetic descriptors: people found, core-point linking, same-photo faces
// never together, existing and rejected people respected, incremental runs search only new faces.

#include "people/faceclusterer.h"
#include "support/facefixture.h"

#include <QTest>

#include <map>
#include <set>

using namespace shoebox;
using namespace shoebox::test;

namespace {

struct Builder {
    ClusterInput input;
    qint64 nextPhoto = 1;
    // Adds a face in its own photo unless photo is given; returns the face id.
    qint64 add(const std::vector<float>& d, qint64 person = 0, qint64 photo = 0, std::vector<qint64> notPeople = {})
    {
        const qint64 id = qint64(input.faces.size()) + 1;
        input.faces.push_back({ id, photo > 0 ? photo : 1000 + nextPhoto++, person, -1, notPeople });
        input.descriptors.insert(input.descriptors.end(), d.begin(), d.end());
        return id;
    }
};

// face id -> person key ("p<id>" for an existing person, "n<index>" for a new one); absent: nobody.
std::map<qint64, QString> placement(const ClusterOutcome& out)
{
    std::map<qint64, QString> m;
    for (const FaceAssignment& a : out.assignments)
        m[a.faceId] = a.personId > 0 ? QStringLiteral("p%1").arg(a.personId) : QStringLiteral("n%1").arg(a.newPerson);
    return m;
}

// A descriptor at x along the first axis, with a little noise elsewhere (1-d layouts).
std::vector<float> onAxis(float x, std::mt19937& rng)
{
    std::normal_distribution<float> n(0.f, 0.002f);
    std::vector<float> d(SyntheticFaces::kDim);
    for (float& v : d)
        v = n(rng);
    d[0] += x;
    return d;
}

} // namespace

class TestFaceClusterer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findsSyntheticPeople_data();
    void findsSyntheticPeople();
    void facesOfOnePhotoNeverShareAPerson();
    void onlyCoreFacesLinkAChain();
    void newFacesJoinTheirExistingPerson();
    void existingPeopleAreNeverMerged();
    void rejectedPersonIsNeverJoined();
    void incrementalRunSearchesOnlyNewFaces();
};

void TestFaceClusterer::findsSyntheticPeople_data()
{
    QTest::addColumn<int>("people");
    QTest::addColumn<int>("facesEach");
    QTest::addColumn<int>("expectedPeople");
    QTest::addColumn<int>("expectedPlaced");
    QTest::newRow("three people of eight faces") << 3 << 8 << 3 << 24;
    QTest::newRow("five people of four faces") << 5 << 4 << 5 << 20;
    QTest::newRow("three faces make a person") << 1 << 3 << 1 << 3;
    QTest::newRow("two faces are nobody yet") << 1 << 2 << 0 << 0;
    QTest::newRow("forty people of twelve") << 40 << 12 << 40 << 480;
}

void TestFaceClusterer::findsSyntheticPeople()
{
    QFETCH(int, people);
    QFETCH(int, facesEach);
    QFETCH(int, expectedPeople);
    QFETCH(int, expectedPlaced);
    SyntheticFaces gen(7);
    Builder b;
    std::map<qint64, int> truth;
    for (int p = 0; p < people; ++p) {
        gen.addPerson();
        for (int i = 0; i < facesEach; ++i)
            truth[b.add(gen.face(p))] = p;
    }
    const ClusterOutcome out = FaceClusterer().cluster(b.input);
    QCOMPARE(out.newPeople, expectedPeople);
    QCOMPARE(int(out.assignments.size()), expectedPlaced);
    // Every cluster holds exactly one true person, and every person is one cluster.
    std::map<int, std::set<int>> truthOfCluster, clustersOfTruth;
    for (const FaceAssignment& a : out.assignments) {
        truthOfCluster[a.newPerson].insert(truth[a.faceId]);
        clustersOfTruth[truth[a.faceId]].insert(a.newPerson);
        QVERIFY(a.distance > 0.2f && a.distance <= 0.5f);
    }
    for (const auto& [cluster, truths] : truthOfCluster)
        QCOMPARE(int(truths.size()), 1);
    for (const auto& [t, clusters] : clustersOfTruth)
        QCOMPARE(int(clusters.size()), 1);
}

void TestFaceClusterer::facesOfOnePhotoNeverShareAPerson()
{
    // Twins on one photo: identical descriptors, one photo. The clusterer must keep them apart.
    SyntheticFaces gen(3);
    gen.addPerson();
    Builder b;
    for (int i = 0; i < 6; ++i)
        b.add(gen.face(0));
    const std::vector<float> twin = gen.face(0);
    const qint64 a = b.add(twin, 0, 77), c = b.add(twin, 0, 77);
    const auto placed = placement(FaceClusterer().cluster(b.input));
    QVERIFY(placed.count(a) + placed.count(c) >= 1); // one of them joins
    QVERIFY(!(placed.count(a) && placed.count(c) && placed.at(a) == placed.at(c)));
}

void TestFaceClusterer::onlyCoreFacesLinkAChain()
{
    // Two tight groups at x = 0 and x = 2.7, joined by a trail of faces 0.45 apart. With four faces
    // needed for a core face, the trail faces (two close faces each) are borders and link nothing:
    // single linkage would make one person of all of it.
    std::mt19937 rng(5);
    Builder b;
    std::vector<qint64> left, right;
    for (int i = 0; i < 4; ++i)
        left.push_back(b.add(onAxis(0, rng)));
    for (int i = 0; i < 4; ++i)
        right.push_back(b.add(onAxis(2.7f, rng)));
    for (int k = 1; k <= 5; ++k)
        b.add(onAxis(0.45f * float(k), rng));
    ClusterParams strict;
    strict.minCoreFaces = 4;
    const ClusterOutcome out = FaceClusterer(strict).cluster(b.input);
    const auto placed = placement(out);
    QCOMPARE(out.newPeople, 2);
    QVERIFY(placed.count(left[0]) && placed.count(right[0]));
    QVERIFY(placed.at(left[0]) != placed.at(right[0]));
    // The same set under single linkage (every face core) is one person: the rule is what splits it.
    ClusterParams loose = strict;
    loose.minCoreFaces = 1;
    QCOMPARE(FaceClusterer(loose).cluster(b.input).newPeople, 1);
}

void TestFaceClusterer::newFacesJoinTheirExistingPerson()
{
    SyntheticFaces gen(11);
    gen.addPerson();
    gen.addPerson();
    Builder b;
    for (int i = 0; i < 5; ++i) {
        b.add(gen.face(0), 41);
        b.add(gen.face(1), 42);
    }
    const qint64 a = b.add(gen.face(0)), c = b.add(gen.face(1));
    const ClusterOutcome out = FaceClusterer().cluster(b.input);
    const auto placed = placement(out);
    QCOMPARE(out.newPeople, 0);
    QCOMPARE(placed.at(a), QStringLiteral("p41"));
    QCOMPARE(placed.at(c), QStringLiteral("p42"));
}

void TestFaceClusterer::existingPeopleAreNeverMerged()
{
    // Faces right between two named siblings link to both; they join one, the siblings stay two.
    SyntheticFaces gen(13);
    gen.addPerson(0.015f);
    gen.addRelative(0, 0.45f, 0.015f);
    Builder b;
    for (int i = 0; i < 4; ++i) {
        b.add(gen.face(0), 51);
        b.add(gen.face(1), 52);
    }
    for (int i = 0; i < 3; ++i)
        b.add(gen.between(0, 1, 0.5f));
    const ClusterOutcome out = FaceClusterer().cluster(b.input);
    QCOMPARE(out.newPeople, 0);
    for (const FaceAssignment& a : out.assignments)
        QVERIFY(a.personId == 51 || a.personId == 52);
}

void TestFaceClusterer::rejectedPersonIsNeverJoined()
{
    SyntheticFaces gen(17);
    gen.addPerson();
    Builder b;
    for (int i = 0; i < 6; ++i)
        b.add(gen.face(0), 61);
    const qint64 rejected = b.add(gen.face(0), 0, 0, { 61 });
    const qint64 accepted = b.add(gen.face(0));
    const auto placed = placement(FaceClusterer().cluster(b.input));
    QCOMPARE(placed.count(rejected), size_t(0));
    QCOMPARE(placed.at(accepted), QStringLiteral("p61"));
}

void TestFaceClusterer::incrementalRunSearchesOnlyNewFaces()
{
    SyntheticFaces gen(19);
    Builder b;
    for (int p = 0; p < 10; ++p) {
        gen.addPerson();
        for (int i = 0; i < 10; ++i)
            b.add(gen.face(p), 100 + p);
    }
    for (auto& f : b.input.faces)
        f.neighbours = 9; // counted by an earlier run
    for (int i = 0; i < 3; ++i)
        b.add(gen.face(4));
    const ClusterOutcome out = FaceClusterer().cluster(b.input);
    QCOMPARE(out.queried, 3);
    QCOMPARE(int(out.assignments.size()), 3);
    for (const FaceAssignment& a : out.assignments)
        QCOMPARE(a.personId, qint64(104));
    QVERIFY(out.exact);
}

QTEST_GUILESS_MAIN(TestFaceClusterer)
#include "tst_faceclusterer.moc"
