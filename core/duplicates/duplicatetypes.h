#pragma once
// Value types of the duplicate engine: per-photo signals, per-signal verdicts, pair decisions and the
// groups handed to the CLI and the GUI. Plain values, safe to copy across threads.

#include "image/contentregion.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace shoebox {

struct KeypointSet;

// Ordered from strongest to weakest; None means "not duplicates".
enum class DuplicateLevel { Exact, Near, Similar, None };

QString duplicateLevelName(DuplicateLevel level);
std::optional<DuplicateLevel> duplicateLevelFromName(const QString& name);

// Everything the engine knows about one photo, loaded from the catalog in one pass.
struct PhotoSignals {
    qint64 id = 0;
    QString path; // absolute, for people and JSON
    QByteArray rawPath; // absolute, raw file-system bytes
    QByteArray contentHash; // 16 bytes; equal hashes are exact duplicates
    qint64 size = 0;
    qint64 mtimeNs = 0;
    int width = 0, height = 0;
    QString format; // "jpeg", "png", ...
    qint64 takenAtMs = -1; // capture wall time in ms since the epoch (-1: unknown)
    bool takenFromExif = false; // takenAtMs came from the camera, not the file time
    QString camera; // "make model", empty when unknown
    bool hasExif = false;
    bool hasPhash = false;
    uint64_t phash = 0;
    std::vector<uint64_t> variants; // "phash-variants"
    QByteArray gray; // "gray" thumbnail, empty when absent
    float sharpness = -1.f; // variance of the Laplacian, -1 when unknown
    float noise = -1.f; // noise floor in grey levels, -1 when unknown
    int jpegQuality = 0; // 1..100 from the quantisation table; 0 when not a JPEG or unknown
    double detail = -1; // ThumbAligner::detail(gray), -1 when unknown
    // "region": the frame around the picture (whole when none, or when the scan predates it) and
    // the pHash and grey thumbnail of the picture inside it (hasInner).
    ContentRegion region;
    bool hasInner = false;
    uint64_t innerPhash = 0;
    QByteArray innerGray;
    std::vector<float> embedding; // L2-normalised, empty when the photo is not tagged
    // "keypoints", decoded; loaded from the catalog only for the photos whose pairs need them
    // (a few KB each: a library's worth would not fit in memory). Null when absent or not loaded.
    std::shared_ptr<const KeypointSet> keypoints;

    double aspect() const { return height > 0 ? double(width) / height : 1.0; }
    // Saved in a format that keeps every pixel (PNG, BMP, TIFF, GIF), as screenshots are: its size,
    // detail and noise say what the picture shows, not what was lost.
    bool lossless() const;
    double innerAspect() const { return aspect() * region.widthShare() / region.heightShare(); }
    qint64 pixels() const { return qint64(width) * height; }
};

enum class Verdict { Same, Near, Similar, Different, Unknown };

// One matcher's opinion on one signal of a pair, with the reason people read.
struct SignalVerdict {
    // "content", "phash", "aligned", "region", "keypoints", "embedding", "time", "camera", "detail"
    QString signal;
    Verdict verdict = Verdict::Unknown;
    double value = 0; // distance, correlation, cosine or seconds, by signal
    QString reason; // "pHash 4/64 bits"
    // The verdict rests on a crop/rotation found by searching for the best fit, which can also fit
    // two overlapping framings of one scene: the keypoints should confirm the geometry.
    bool searched = false;
    // "region" only: both photos are framed, so only what lies inside the frames is evidence.
    bool insideOnly = false;
    // "region" only: both photos are framed and the frames are unlike (not one app's screen or one
    // border style), or one frame alone makes them different: a keypoint fit may show the frames to be
    // the picture's own margins (OwnMargins).
    bool framesDiffer = false;
    // "region" only: near because a keypoint fit showed those unlike frames to be the pictures' own
    // margins (OwnMargins).
    bool ownMargins = false;
    // "aligned" only: the shapes differ as a one-sided cut or a stretch makes them; the thumbnails,
    // squeezed to squares, cannot align that, the keypoints can.
    bool reshaped = false;
    // "keypoints" only: the fitted matches span the picture, not one patch of it (a shared sticker).
    bool spread = false;
    // "aligned" only: near on a one-sided cut's window (correlating to JPEG noise), not on a crop.
    bool cut = false;
    // "region" only: near on PaddingMatcher's geometry (a picture centred in a blurred square), which
    // the keypoints can confirm (as an edit inside padding) or refute (as a reframing).
    bool padded = false;
    // "aligned" and "region": near only on a window the search moved over the other thumbnail (a crop
    // or a turn), not on the whole pictures, a stretch or a one-sided cut. On a picture with little in
    // it (a gradient and one shape at an edge) such a window fits another framing as well.
    bool window = false;

    // A verdict of one signal, every flag false (named, so the fields' order does not matter).
    static SignalVerdict of(const char* signal, Verdict verdict, double value, const QString& reason);
    // The verdict of the named signal among v, or null.
    static const SignalVerdict* in(const QVector<SignalVerdict>& v, const char* signal);
};

struct PairDecision {
    DuplicateLevel level = DuplicateLevel::None;
    double score = 0; // higher is more alike, for ordering pairs
    QStringList reasons; // the verdicts that decided it
    // Not near on the signals at hand, but nothing rules it out and the keypoints were not compared:
    // worth loading them and deciding again.
    bool verifiable = false;
    // Near on the keypoints' own fit, its matches spread over the picture: the one photo is an edit
    // of the other, whatever the thumbnails say.
    bool keypointVerified = false;
    // Near on a one-sided cut's window, correlating to JPEG noise, and no keypoints against it: a
    // reshape of the other, as surely as a keypoint fit over the picture.
    bool cutVerified = false;
    // Near in place with an overlay left out (caption bands, one patch): as surely an edit of the
    // other, and of whatever group that other belongs to.
    bool overlayVerified = false;
    // Near on evidence two different pictures cannot share by chance: the same bytes, one of the
    // verified fits above, or the thumbnails alike without a window moved over them, with no keypoint
    // fit that confines the likeness to one patch (a sticker both carry). Near but not confirmed: a
    // person should look before a copy goes (DuplicateGroup::toCheck).
    bool confirmed = false;
    // Near where the frames found on the two photos proved to be their own margins (OwnMargins): the
    // suggested keeper should compare them as unframed.
    bool ownMargins = false;

    // The similar level, d's score and reasons, and why a closer look finds the pair is not one picture.
    static PairDecision similarBecause(const PairDecision& d, const QString& why);
    // Reasons of a pair decided as (a, b), worded for (b, a): "the first" and "the second" swapped.
    static QStringList seenTheOtherWay(const QStringList& reasons);
};

struct DuplicateGroup {
    DuplicateLevel level = DuplicateLevel::Near;
    QVector<qint64> members; // photo ids; members[keeper] is the suggested keeper
    QStringList files; // absolute paths, same order as members
    QVector<QByteArray> contentHashes;
    int keeper = 0;
    QString keeperReason; // "largest pixel count (4000x3000 vs 2000x1500)"
    QStringList reasons; // "b.jpg ~ a.jpg: pHash 4/64 bits, aligned correlation 0.987, ..."
    // Per member, the part of its picture that was compared: inside its frame, or the band of a square
    // that padding fills around the picture (PaddingMatcher); whole otherwise. Empty when not known.
    QVector<ContentRegion> compared;
    // Per member of a near group: not joined to the keeper by a chain of confirmed pairs
    // (PairDecision::confirmed), so a person should look before it goes. Empty for other levels.
    QVector<bool> toCheck;
};

// Fills PhotoSignals::keypoints of photos[i] for each i given (DuplicateSignals::loadKeypoints).
using KeypointLoader = std::function<void(QVector<PhotoSignals>& photos, const QVector<int>& which)>;

} // namespace shoebox
