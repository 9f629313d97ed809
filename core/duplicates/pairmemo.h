#pragma once
// What a closer look found for a pair of photos, kept by the pair's raw paths so the grouper and the
// similar pass asking again get the same answer without the work (at most kMaxPairs, then emptied).
// Any thread.

#include "duplicates/duplicatetypes.h"

#include <QHash>

#include <mutex>
#include <optional>

namespace shoebox {

template <typename T> class PairMemo {
public:
    // The key of a pair in the order given.
    static QByteArray keyOf(const PhotoSignals& a, const PhotoSignals& b) { return a.rawPath + '\n' + b.rawPath; }
    // The key of a pair whichever way round it is asked (for an answer that does not depend on it).
    static QByteArray keyEitherWay(const PhotoSignals& a, const PhotoSignals& b)
    {
        return a.rawPath < b.rawPath ? keyOf(a, b) : keyOf(b, a);
    }

    // The value kept for key, if any.
    std::optional<T> find(const QByteArray& key) const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const auto it = m_kept.constFind(key);
        return it == m_kept.constEnd() ? std::nullopt : std::optional<T>(*it);
    }

    // Keeps value for key; returns it.
    T keep(const QByteArray& key, const T& value)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_kept.size() >= kMaxPairs)
            m_kept.clear();
        m_kept.insert(key, value);
        return value;
    }

private:
    static constexpr int kMaxPairs = 16384;
    mutable std::mutex m_mutex;
    QHash<QByteArray, T> m_kept;
};

} // namespace shoebox
