#pragma once
// Per-class score thresholds for automatic tags, in one place. A detection becomes a tag when its
// score reaches the threshold of its class.
//
// Why 0.35 and not the 0.30 of the upstream reference run: that run approximated TF's legacy
// ResizeBilinear with half-pixel sampling; the exact import scores the same true objects about 0.04
// higher and lifts two weak false positives (a "stop sign" in dog.jpg at 0.31, a "sheep" in
// person.jpg at 0.28-0.30) over 0.30. BENCHMARKS.md (## Tagging) lists tags found per threshold.

#include <QHash>
#include <QString>

namespace shoebox::tagging {

constexpr float kDefaultThreshold = 0.35f;
// Detections kept per image before thresholds (CenterNet's top-K).
constexpr int kTopK = 100;
// Tags stored per image at most (strongest first), so a crowd does not flood the catalog.
constexpr int kMaxTagsPerImage = 20;

// Class key -> threshold, for classes that need another value than the default.
inline const QHash<QString, float>& classThresholds()
{
    static const QHash<QString, float> overrides = {};
    return overrides;
}

inline float thresholdFor(const QString& classKey)
{
    return classThresholds().value(classKey, kDefaultThreshold);
}

} // namespace shoebox::tagging
