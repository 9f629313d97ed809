// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the model manifest (models.json), read from a folder the way the runtime finds
// installed models; the input is the file's content.
#include "fuzzsupport.h"
#include "modelmanifest.h"

#include <QFile>
#include <QTemporaryDir>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    shoebox::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("models.json")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 0;
    file.write(reinterpret_cast<const char*>(data), qint64(size));
    file.close();
    shoebox::ModelManifest manifest;
    QString error;
    if (!manifest.read(dir.path(), &error) && error.isEmpty())
        __builtin_trap(); // a refusal always says why
    for (const shoebox::ModelInfo& m : manifest.models()) {
        (void)m.path();
        (void)m.modelId();
        (void)m.toJson();
    }
    (void)manifest.find(QString());
    return 0;
}
