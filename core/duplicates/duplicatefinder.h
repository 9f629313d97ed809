#pragma once
// The duplicate engine's entry point for the CLI and the GUI: loads the signals, finds candidate
// pairs through FAISS, lets the matchers and DuplicateRules decide each pair, groups without chaining,
// leaves out pairs the user rejected, and suggests a keeper per group with its reason.
// find() blocks: call it from a worker thread (QtConcurrent::run) with its own instance; cancel()
// may be called from any thread.
//
// For a duplicates dialog: run find() on a worker, show each DuplicateGroup (files, keeper with
// keeperReason, reasons); what the person then does with a group (move the others to the trash,
// undo, "keep all", "not duplicates") is DuplicateActions, created on the thread that uses it.

#include "duplicates/candidatefinder.h"
#include "duplicates/duplicaterules.h"
#include "duplicates/duplicatetypes.h"

#include <QList>
#include <QSet>
#include <QString>

#include <atomic>
#include <functional>

namespace shoebox {

struct DuplicateStats {
    int photos = 0;
    CandidateStats candidates;
    size_t pairsCompared = 0; // candidate pairs decided, plus pairs checked while growing groups
    size_t pairsMatched = 0; // candidate pairs that reached the level asked for
    size_t pairsVerified = 0; // pairs decided again with keypoints loaded for them, or loaded for a review
    size_t pairsReviewed = 0; // near pairs looked at closer (PairReviews)
    int keypointsLoaded = 0; // photos whose keypoints were read from the catalog or computed for it
    double secondsLoad = 0, secondsCandidates = 0, secondsCompare = 0, secondsGroup = 0, secondsTotal = 0;
};

class DuplicateFinder {
public:
    explicit DuplicateFinder(QString libraryPath, DuplicateRules rules = DuplicateRules());

    // Groups at `level` among photos below folder (whole library when empty):
    //  Exact:   byte-identical files.
    //  Near:    the same picture (edited, re-saved, resized, cropped...); a group whose members are
    //           all byte-identical reports level "exact". A near group holds at least one confirmed
    //           pair (PairDecision::confirmed); photos linked by unconfirmed matches alone are left
    //           to the similar level, whose group says so.
    //  Similar: the same scene shot again; each member stands for a different picture, so a similar
    //           group never contains two near duplicates.
    // Pairs the user marked "not duplicates" or "keep all" are never proposed.
    QList<DuplicateGroup> find(DuplicateLevel level, const QString& folder = QString(), QString* error = nullptr);
    void cancel() { m_cancel.store(true); }
    const DuplicateStats& stats() const { return m_stats; }

    using KeypointLoader = shoebox::KeypointLoader;

    // The engine on signals already in memory (tests, benchmarks). decidedPairs holds
    // DuplicateStore::pairKey() values. Photos without keypoints are loaded through loadKeypoints,
    // when given, for the pairs that need them.
    static QList<DuplicateGroup> findIn(QVector<PhotoSignals> photos, DuplicateLevel level, const DuplicateRules& rules,
        const QSet<QByteArray>& decidedPairs, DuplicateStats* stats = nullptr, const std::atomic_bool* cancel = nullptr,
        const KeypointLoader& loadKeypoints = KeypointLoader());

private:
    QString m_path;
    DuplicateRules m_rules;
    std::atomic_bool m_cancel { false };
    DuplicateStats m_stats;
};

} // namespace shoebox
