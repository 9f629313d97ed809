#include "support/facefixture.h"

#include "people/facestore.h"
#include "support/photofixture.h"

#include <cmath>

namespace shoebox::test {

SyntheticFaces::SyntheticFaces(unsigned seed)
    : m_rng(seed)
{
}

int SyntheticFaces::addPerson(float faceSigma)
{
    std::normal_distribution<float> n(0.f, kCentreSigma);
    std::vector<float> c(kDim);
    for (float& v : c)
        v = n(m_rng);
    m_centres.push_back(std::move(c));
    m_sigma.push_back(faceSigma);
    return people() - 1;
}

int SyntheticFaces::addRelative(int of, float distance, float faceSigma)
{
    std::normal_distribution<float> n(0.f, 1.f);
    std::vector<float> dir(kDim);
    double norm = 0;
    for (float& v : dir) {
        v = n(m_rng);
        norm += double(v) * double(v);
    }
    std::vector<float> c = m_centres[size_t(of)];
    for (int i = 0; i < kDim; ++i)
        c[size_t(i)] += float(double(distance) * double(dir[size_t(i)]) / std::sqrt(norm));
    m_centres.push_back(std::move(c));
    m_sigma.push_back(faceSigma);
    return people() - 1;
}

std::vector<float> SyntheticFaces::face(int person)
{
    std::normal_distribution<float> n(0.f, m_sigma[size_t(person)]);
    std::vector<float> f = m_centres[size_t(person)];
    for (float& v : f)
        v += n(m_rng);
    return f;
}

std::vector<float> SyntheticFaces::between(int a, int b, float t) const
{
    std::vector<float> f(kDim);
    for (int i = 0; i < kDim; ++i)
        f[size_t(i)] = (1 - t) * m_centres[size_t(a)][size_t(i)] + t * m_centres[size_t(b)][size_t(i)];
    return f;
}

FaceDetection syntheticFace(std::vector<float> descriptor, const QRectF& box)
{
    FaceDetection f;
    f.box = box;
    const QPointF c = box.center();
    const double w = box.width(), h = box.height();
    f.keypoints = { QPointF(c.x() - w / 4, c.y() - h / 5), QPointF(c.x() + w / 4, c.y() - h / 5), c,
        QPointF(c.x(), c.y() + h / 4), QPointF(box.left(), c.y()), QPointF(box.right(), c.y()) };
    f.score = 0.95f;
    f.sharpness = 120.f;
    f.descriptor = std::move(descriptor);
    return f;
}

qint64 savePhotoWithFaces(const QString& library, int i, const std::vector<FaceDetection>& faces, const QString& path)
{
    const QString file = path.isEmpty() ? QStringLiteral("/faces/IMG_%1.jpg").arg(i, 5, 10, QLatin1Char('0')) : path;
    const qint64 id = PhotoFixture(file).pixels(1000, 1000).saveTo(library);
    if (id == 0)
        return 0;
    FaceStore store(library);
    const QString model = QStringLiteral("fake-faces@1");
    return store.replaceFaces(id, model, faces) && store.markScanned(id, model) ? id : 0;
}

double descriptorDistance(const std::vector<float>& a, const std::vector<float>& b)
{
    double s = 0;
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        s += (double(a[i]) - double(b[i])) * (double(a[i]) - double(b[i]));
    return std::sqrt(s);
}

} // namespace shoebox::test
