#include "duplicates/keypointcut.h"

#include "duplicates/duplicaterules.h"
#include "duplicates/keypointmatcher.h"
#include "duplicates/thumbaligner.h"

#include <algorithm>
#include <cmath>

namespace shoebox {

namespace {

bool looseFit(const KeypointMatch& m, const DuplicateRules& r)
{
    return m.fitted && !m.perspective && m.inliers >= r.keypointMinInliers && m.inlierShare >= r.keypointMinInlierShare
        && m.coverage >= r.keypointMinCoverage && m.residual <= r.keypointCutResidual
        && std::abs(m.degrees) <= r.keypointCutDegrees;
}

// The window of the whole photo that a cut of depth d off cutSide (0 left, 1 top, 2 right, 3 bottom) leaves.
cv::Rect2d cutWindow(int cutSide, double d)
{
    const bool across = cutSide == 0 || cutSide == 2; // the width is cut
    return { cutSide == 0 ? d : 0, cutSide == 1 ? d : 0, across ? 1 - d : 1, across ? 1 : 1 - d };
}

} // namespace

std::optional<SignalVerdict> KeypointCut::confirm(
    const SignalVerdict& aligned, const Alignment& g, const KeypointMatch& m, const DuplicateRules& r)
{
    if (aligned.verdict == Verdict::Near || g.cutSide < 0 || g.cutCorrelation < r.alignedNear || !looseFit(m, r)
        || m.firstIsInner != g.firstIsCut)
        return std::nullopt;
    const cv::Rect2d expected = cutWindow(g.cutSide, g.cutDepth), &w = m.window;
    const double off = std::max({ std::abs(w.x - expected.x), std::abs(w.y - expected.y),
        std::abs(w.br().x - expected.br().x), std::abs(w.br().y - expected.br().y) });
    if (off > r.keypointCutTolerance)
        return std::nullopt;
    SignalVerdict v = aligned;
    v.verdict = Verdict::Near;
    v.value = g.cutCorrelation;
    v.cut = true;
    v.searched = true;
    v.window = false;
    v.reason = QStringLiteral("aligned grey correlation %1 with %2, where %3 of %4 keypoint matches put it (%5 px)")
                   .arg(g.cutCorrelation, 0, 'f', 3)
                   .arg(g.describeCut())
                   .arg(m.inliers)
                   .arg(m.matches)
                   .arg(m.residual, 0, 'f', 2);
    return v;
}

void KeypointCut::upgrade(
    QVector<SignalVerdict>& verdicts, const Alignment& alignment, const KeypointMatch* fit, const DuplicateRules& r)
{
    if (!fit)
        return;
    for (SignalVerdict& v : verdicts)
        if (v.signal == QLatin1String("aligned")) {
            if (const auto cut = confirm(v, alignment, *fit, r))
                v = *cut;
            return;
        }
}

} // namespace shoebox
