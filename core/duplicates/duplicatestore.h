#pragma once
// Remembers the user's verdicts on duplicate pairs ("not-duplicates", "keep-all"), keyed by the two
// files' content hashes so a verdict survives rescans, moves, renames and re-tagging. The finder
// consults it so a rejected pair is never proposed again. One instance per thread (it uses the
// calling thread's database connection).

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace shoebox {

class DuplicateStore {
public:
    static const QString kNotDuplicates; // "not-duplicates"
    static const QString kKeepAll; // "keep-all"

    explicit DuplicateStore(QString libraryPath);

    // Records a verdict for the pair (order does not matter). False on a database error or bad input.
    // hashA == hashB is allowed for kKeepAll only: keep every byte-identical copy of that file.
    bool setVerdict(const QByteArray& hashA, const QByteArray& hashB, const QString& verdict);
    // Records the verdict for every pair of a group.
    bool setGroupVerdict(const QList<QByteArray>& hashes, const QString& verdict);
    bool forget(const QByteArray& hashA, const QByteArray& hashB);
    std::optional<QString> verdict(const QByteArray& hashA, const QByteArray& hashB) const;
    // Every pair the user decided, as pairKey() values.
    QSet<QByteArray> decidedPairs() const;
    // Order-independent key of a pair of content hashes.
    static QByteArray pairKey(const QByteArray& hashA, const QByteArray& hashB);

private:
    QString m_path;
};

} // namespace shoebox
