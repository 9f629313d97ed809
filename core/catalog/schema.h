#pragma once
// The library's schema as a list of forward migrations: entry N takes user_version N to N+1.
// Never edit a released step; append a new one.

#include <QStringList>

#include <vector>

namespace shoebox {

const std::vector<QStringList>& schemaMigrations();

} // namespace shoebox
