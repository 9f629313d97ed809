#include "catalog/photo.h"

namespace shoebox {

QString photoStateName(PhotoState s)
{
    switch (s) {
    case PhotoState::Ok:
        return QStringLiteral("ok");
    case PhotoState::Error:
        return QStringLiteral("error");
    case PhotoState::Unsupported:
        return QStringLiteral("unsupported");
    case PhotoState::Missing:
        return QStringLiteral("missing");
    }
    return QStringLiteral("error");
}

PhotoState photoStateFromName(const QString& s)
{
    if (s == QLatin1String("ok"))
        return PhotoState::Ok;
    if (s == QLatin1String("unsupported"))
        return PhotoState::Unsupported;
    if (s == QLatin1String("missing"))
        return PhotoState::Missing;
    return PhotoState::Error;
}

} // namespace shoebox
