#include "places/placenames.h"

#include "places/reversegeocoder.h"

#include <QCoreApplication>

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace shoebox {

namespace {

QString icuLocaleName(const QString& lang)
{
    if (lang == QLatin1String("zh_CN"))
        return QStringLiteral("zh_Hans_CN");
    if (lang == QLatin1String("zh_TW"))
        return QStringLiteral("zh_Hant_TW");
    return lang;
}

} // namespace

const QStringList& PlaceNames::languages()
{
    static const QStringList langs { QStringLiteral("en"), QStringLiteral("zh_CN"), QStringLiteral("zh_TW"),
        QStringLiteral("ja"), QStringLiteral("ko"), QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("es"),
        QStringLiteral("it"), QStringLiteral("pt_BR"), QStringLiteral("ru") };
    return langs;
}

QString PlaceNames::matchLanguage(const QString& locale)
{
    QString l = locale;
    l.replace(QLatin1Char('-'), QLatin1Char('_'));
    l = l.section(QLatin1Char('.'), 0, 0);
    if (languages().contains(l))
        return l;
    const QString base = l.section(QLatin1Char('_'), 0, 0).toLower();
    if (base == QLatin1String("zh")) {
        const bool traditional = l.contains(QLatin1String("TW")) || l.contains(QLatin1String("HK"))
            || l.contains(QLatin1String("MO")) || l.contains(QLatin1String("Hant"));
        return traditional ? QStringLiteral("zh_TW") : QStringLiteral("zh_CN");
    }
    for (const QString& known : languages())
        if (known.section(QLatin1Char('_'), 0, 0) == base)
            return known;
    return QStringLiteral("en");
}

QString PlaceNames::country(const QString& isoCode, const QString& lang)
{
    if (isoCode.isEmpty())
        return QString();
    icu::UnicodeString out;
    const icu::Locale place("", isoCode.toLatin1().constData());
    place.getDisplayCountry(icu::Locale(icuLocaleName(matchLanguage(lang)).toLatin1().constData()), out);
    const QString name = QString::fromUtf16(reinterpret_cast<const char16_t*>(out.getBuffer()), out.length());
    return name.isEmpty() ? isoCode : name;
}

QString PlaceNames::region(const PlaceIndex& index, int regionId, const QString& lang)
{
    const QString n = index.regionName(regionId, matchLanguage(lang));
    return n.isEmpty() ? index.regionName(regionId, QStringLiteral("en")) : n;
}

QString PlaceNames::city(const PlaceIndex& index, qint64 cityId, const QString& lang)
{
    const QString n = index.cityName(cityId, matchLanguage(lang));
    if (!n.isEmpty())
        return n;
    const PlaceCity* c = index.city(cityId);
    return c ? index.nameOf(*c) : QString();
}

QString PlaceNames::label(const PlaceIndex& index, const PlaceMatch& m, const QString& lang)
{
    if (m.atSea)
        return QCoreApplication::translate("shoebox::PlaceNames", "At sea");
    QStringList parts;
    if (m.cityId)
        parts << city(index, m.cityId, lang);
    if (m.regionId)
        parts << region(index, m.regionId, lang);
    if (!m.country.isEmpty())
        parts << country(m.country, lang);
    parts.removeAll(QString());
    parts.removeDuplicates(); // city-states: "Singapore, Singapore"
    return parts.join(QStringLiteral(", "));
}

QStringList PlaceNames::allCountryNames(const QString& isoCode)
{
    QStringList out;
    for (const QString& lang : languages())
        out << country(isoCode, lang);
    out.removeDuplicates();
    return out;
}

QStringList PlaceNames::allRegionNames(const PlaceIndex& index, int regionId, bool withCode)
{
    QStringList out = index.regionNameList(regionId);
    if (const PlaceRegion* r = index.region(regionId); r && withCode)
        out << r->code;
    out.removeDuplicates();
    return out;
}

QStringList PlaceNames::allCityNames(const PlaceIndex& index, qint64 cityId)
{
    QStringList out = index.cityNameList(cityId);
    if (const PlaceCity* c = index.city(cityId))
        out << index.nameOf(*c);
    out.removeDuplicates();
    return out;
}

} // namespace shoebox
