#pragma once
// The models.json manifest of a models folder: which TorchScript files it holds, their SHA-256, and
// the contract each model meets (input size and colour order, outputs, labels). The runtime loads only
// files listed here whose checksum matches. Torch-free; any thread.
//
// Contract of a "centernet" model: forward(images: float[N,3,S,S] RGB 0..255, S a multiple of
// "multipleOf") returns (heatmap float[N,C,S/stride,S/stride] in 0..1, box float[N,4,...] as
// left/top/right/bottom distances from the cell centre in input pixels, embedding float[N,D]).
// Contract of a "blazeface" model: forward(images: float[N,3,256,256] RGB scaled to -1..1) returns
// (logits [N,512,1], boxes [N,512,16], logits [N,384,1], boxes [N,384,16]) for the 16x16x2 and 8x8x6
// anchors (BlazeFaceDecoder); a box row is dx, dy, w, h and 6 keypoints (x, y), in input pixels.
// Contract of a "face-descriptor" model: see facedescriptornet.h (150x150 RGB 0..255 -> float[N,128]).
// Contract of a "classifier" model (a user's own, e.g. a scene model): forward(images: float[N,3,S,S]
// RGB 0..1, minus "mean", over "std" (default ImageNet's)) returns float[N,L] scores (logits) for its
// L labels; see imageclassifier.h. "labelNames" may give each label's names by language.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace shoebox {

struct ModelInfo {
    QString name; // e.g. "centernet-mobilenetv3-coco"
    QString file; // file name inside the folder
    QString sha256; // hex
    qint64 bytes = 0;
    QString task = QStringLiteral("centernet");
    int inputSize = 512;
    int multipleOf = 32;
    int stride = 4;
    QStringList labels;
    // classifier: input normalisation, and label -> {language: name} (optional translations).
    std::array<float, 3> mean { 0.485f, 0.456f, 0.406f };
    std::array<float, 3> stddev { 0.229f, 0.224f, 0.225f };
    QJsonObject labelNames;
    QString embeddingLayer; // graph node the embedding pools (documentation)
    QString source; // where the weights came from
    QString license;
    QString folder; // absolute folder the manifest was read from (not stored)

    QString path() const;
    static QStringList tasks(); // the tasks a manifest may list

    // A stable id of model + version, stored with every auto tag and embedding.
    QString modelId() const { return name + QLatin1Char('@') + sha256.left(12); }
    QJsonObject toJson() const;
    static std::optional<ModelInfo> fromJson(const QJsonObject& o, QString* error);
};

class ModelManifest {
public:
    // Reads folder/models.json. A missing manifest is an empty one (returns true).
    bool read(const QString& folder, QString* error);
    // Writes folder/models.json atomically.
    bool write(const QString& folder, QString* error) const;
    const QList<ModelInfo>& models() const { return m_models; }
    // Adds or replaces the model with the same name.
    void upsert(const ModelInfo& m);
    std::optional<ModelInfo> find(const QString& name) const; // empty name: the first tagger (centernet)
    std::optional<ModelInfo> findTask(const QString& task) const; // the first model of that task

    // Folders searched for models, most specific first: SHOEBOX_MODELS, the app data folder,
    // <prefix>/share/shoebox/models, the build tree.
    static QStringList searchPath();
    // The first model called name (empty: any) in the search path.
    static std::optional<ModelInfo> locate(const QString& name, QString* error);
    // The first model of that task (e.g. "blazeface") in the search path.
    static std::optional<ModelInfo> locateTask(const QString& task, QString* error);
    // The folder `models install` writes to: SHOEBOX_MODELS, else the app data folder.
    static QString defaultInstallFolder();
    // Checks that the file exists, has the listed size and SHA-256. Reason on failure.
    static bool verify(const ModelInfo& m, QString* error);
    static QString sha256Of(const QString& path, QString* error);

private:
    QList<ModelInfo> m_models;
};

} // namespace shoebox
