#pragma once
// Reads the small text files that come with a model: JSON objects (models.json, a classifier's label
// names by language) and label lists (one label a line). One reader for the manifest and for
// `models install`, so the CLI parses nothing itself. Pure functions; any thread.

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace shoebox {

class ModelFiles {
public:
    // The file's top-level JSON object, or nothing with a one-line reason naming the file (what says
    // what the file should hold, e.g. "a JSON object of label names").
    static std::optional<QJsonObject> readJsonObject(const QString& path, const QString& what, QString* error);
    // A classifier's label names: {"label": {"de": "...", "ja": "..."}, ...}; every value must be an
    // object of names.
    static std::optional<QJsonObject> readLabelNames(const QString& path, QString* error);
    // One label a line, blank lines skipped, surrounding spaces trimmed; UTF-8.
    static std::optional<QStringList> readLabels(const QString& path, QString* error);
};

} // namespace shoebox
