#pragma once
// When the tagging job clusters the faces it has stored so far (issue 12), so people appear while a
// long scan runs, without clustering eating the scan: a run is due once new faces were stored and
// both a minimum interval and ten times the last run's duration have passed (each run reads every
// face of the library, so its cost grows with the library and the pause grows with it). A value
// used by one thread (the inference thread); times are given, so it is tested without clocks.

#include <QtGlobal>

#include <algorithm>

namespace shoebox {

class ClusterCadence {
public:
    static constexpr qint64 kDefaultIntervalMs = 20000;
    static constexpr int kCostFactor = 10; // at most ~1/10 of the time goes to clustering

    explicit ClusterCadence(qint64 minIntervalMs = kDefaultIntervalMs)
        : m_minInterval(minIntervalMs)
    {
    }
    // Faces were stored (a tagging round).
    void stored(qint64 faces) { m_pending += faces; }
    // Whether a clustering run is due at nowMs (the job's clock, started at 0).
    bool due(qint64 nowMs) const
    {
        const qint64 wait = std::max(m_minInterval, kCostFactor * m_lastDuration);
        return m_pending > 0 && nowMs - m_lastEnd >= wait;
    }
    // A run ended at nowMs after durationMs; every face stored before it was seen.
    void ran(qint64 nowMs, qint64 durationMs)
    {
        m_pending = 0;
        m_lastEnd = nowMs;
        m_lastDuration = durationMs;
    }

private:
    qint64 m_minInterval;
    qint64 m_pending = 0;
    qint64 m_lastEnd = 0;
    qint64 m_lastDuration = 0;
};

} // namespace shoebox
