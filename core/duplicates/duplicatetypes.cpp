#include "duplicates/duplicatetypes.h"

#include <QRegularExpression>

namespace shoebox {

SignalVerdict SignalVerdict::of(const char* signal, Verdict verdict, double value, const QString& reason)
{
    SignalVerdict v;
    v.signal = QString::fromLatin1(signal);
    v.verdict = verdict;
    v.value = value;
    v.reason = reason;
    return v;
}

const SignalVerdict* SignalVerdict::in(const QVector<SignalVerdict>& v, const char* signal)
{
    for (const SignalVerdict& s : v)
        if (s.signal == QLatin1String(signal))
            return &s;
    return nullptr;
}

PairDecision PairDecision::similarBecause(const PairDecision& d, const QString& why)
{
    PairDecision out;
    out.level = DuplicateLevel::Similar;
    out.score = d.score;
    out.reasons = d.reasons;
    out.reasons << why;
    return out;
}

QStringList PairDecision::seenTheOtherWay(const QStringList& reasons)
{
    static const QRegularExpression which(QStringLiteral("\\bthe (first|second)\\b"));
    QStringList out;
    for (const QString& reason : reasons) {
        QString swapped;
        qsizetype at = 0;
        for (auto it = which.globalMatch(reason); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            swapped += reason.mid(at, m.capturedStart() - at);
            swapped
                += m.captured(1) == QLatin1String("first") ? QStringLiteral("the second") : QStringLiteral("the first");
            at = m.capturedEnd();
        }
        out << swapped + reason.mid(at);
    }
    return out;
}

bool PhotoSignals::lossless() const
{
    return format == QLatin1String("png") || format == QLatin1String("bmp") || format == QLatin1String("tiff")
        || format == QLatin1String("gif");
}

QString duplicateLevelName(DuplicateLevel level)
{
    switch (level) {
    case DuplicateLevel::Exact:
        return QStringLiteral("exact");
    case DuplicateLevel::Near:
        return QStringLiteral("near");
    case DuplicateLevel::Similar:
        return QStringLiteral("similar");
    case DuplicateLevel::None:
        return QStringLiteral("none");
    }
    return QStringLiteral("none");
}

std::optional<DuplicateLevel> duplicateLevelFromName(const QString& name)
{
    for (DuplicateLevel l : { DuplicateLevel::Exact, DuplicateLevel::Near, DuplicateLevel::Similar })
        if (duplicateLevelName(l) == name)
            return l;
    return std::nullopt;
}

} // namespace shoebox
