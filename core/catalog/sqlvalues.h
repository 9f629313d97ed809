#pragma once
// Conversions between optional C++ values and SQL NULLs, for the stores that read and write rows.

#include <QString>
#include <QVariant>

#include <optional>

namespace shoebox::sqlvalues {

// photos.taken_at: the wall time, to the millisecond, without an offset (taken_offset holds it).
constexpr const char* kTakenAtFormat = "yyyy-MM-ddTHH:mm:ss.zzz";

// NULL reads as nullopt.
template <typename T> std::optional<T> opt(const QVariant& v)
{
    if (v.isNull())
        return std::nullopt;
    return v.value<T>();
}

// nullopt writes as NULL.
template <typename T> QVariant var(const std::optional<T>& v)
{
    return v ? QVariant::fromValue(*v) : QVariant();
}

// An empty string writes as NULL.
inline QVariant text(const QString& s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

} // namespace shoebox::sqlvalues
