// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the search query parser (free words, tag:, camera:, year/month, marks, ratings,
// quoted phrases) on any UTF-8 text.
#include "fuzzsupport.h"
#include "search/searchengine.h"

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    shoebox::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString query = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const QList<shoebox::SearchTerm> terms = shoebox::SearchEngine::parse(query);
    for (const shoebox::SearchTerm& t : terms) {
        if (t.kind == shoebox::SearchTerm::Kind::YearMonth && (t.month < 1 || t.month > 12))
            __builtin_trap();
    }
    return 0;
}
