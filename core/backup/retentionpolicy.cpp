#include "backup/retentionpolicy.h"

#include <algorithm>
#include <numeric>

namespace shoebox {

namespace {

// Keeps the newest time of each of the first count distinct buckets, walking newest first.
template <typename Bucket>
void keepNewestPerBucket(
    const QList<QDateTime>& times, const QList<int>& newestFirst, int count, Bucket bucketOf, QList<bool>* keep)
{
    qint64 last = -1;
    int kept = 0;
    for (const int i : newestFirst) {
        if (kept >= count)
            return;
        const qint64 bucket = bucketOf(times[i].toLocalTime().date());
        if (bucket == last)
            continue;
        last = bucket;
        (*keep)[i] = true;
        ++kept;
    }
}

} // namespace

QList<bool> RetentionPolicy::keep(const QList<QDateTime>& times) const
{
    QList<bool> result(times.size(), false);
    QList<int> order(times.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return times[a] > times[b]; });
    if (order.isEmpty())
        return result;
    result[order.first()] = true;
    keepNewestPerBucket(
        times, order, daily, [](const QDate& d) { return d.toJulianDay(); }, &result);
    keepNewestPerBucket(
        times, order, weekly,
        [](const QDate& d) {
            int year = 0;
            const int week = d.weekNumber(&year);
            return qint64(year) * 100 + week;
        },
        &result);
    keepNewestPerBucket(
        times, order, monthly, [](const QDate& d) { return qint64(d.year()) * 100 + d.month(); }, &result);
    return result;
}

} // namespace shoebox
