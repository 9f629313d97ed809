#include "scan/filewalker.h"

#include "metadata/sidecarfinder.h"

#include <QDir>
#include <QFile>
#include <QHash>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <set>
#include <utility>

namespace shoebox {

namespace {

using Inode = std::pair<dev_t, ino_t>;

QByteArray extensionOf(const QByteArray& name)
{
    const int dot = name.lastIndexOf('.');
    return dot < 0 ? QByteArray() : name.mid(dot + 1).toLower();
}

QString display(const QByteArray& path)
{
    return QFile::decodeName(path);
}

class Walk {
public:
    explicit Walk(const std::atomic_bool* cancel)
        : m_cancel(cancel)
    {
    }

    void root(const QByteArray& path)
    {
        struct stat st { };
        if (::stat(path.constData(), &st) != 0) {
            problem(path, QString::fromLocal8Bit(std::strerror(errno)));
            m_result.unreadableDirs.append(path);
            return;
        }
        if (S_ISDIR(st.st_mode))
            dir(path, st);
        else if (S_ISREG(st.st_mode))
            file(path, st, true);
    }

    WalkResult take() { return std::move(m_result); }

private:
    void problem(const QByteArray& path, const QString& reason)
    {
        m_result.problems.append(display(path) + QStringLiteral(": ") + reason);
    }

    void dir(const QByteArray& path, const struct stat& st)
    {
        if (!m_dirs.insert({ st.st_dev, st.st_ino }).second) {
            problem(path, QStringLiteral("folder already visited (symbolic link loop or duplicate link); skipped"));
            return;
        }
        DIR* d = ::opendir(path.constData());
        if (!d) {
            problem(path, QStringLiteral("cannot read folder: ") + QString::fromLocal8Bit(std::strerror(errno)));
            m_result.unreadableDirs.append(path);
            return;
        }
        std::vector<QByteArray> subdirs;
        QHash<QByteArray, qint64> sidecars; // name -> mtime of the .xmp files met in this folder
        const size_t firstFile = m_result.files.size();
        while (dirent* e = ::readdir(d)) {
            if (m_cancel && m_cancel->load())
                break;
            const char* name = e->d_name;
            if (name[0] == '.') // ".", "..", and hidden files and folders
                continue;
            QByteArray child = path;
            if (!child.endsWith('/'))
                child += '/';
            child += name;
            struct stat cs { };
            if (::stat(child.constData(), &cs) != 0) {
                if (errno != ENOENT || e->d_type != DT_LNK) // dangling links are not worth a line
                    problem(child, QString::fromLocal8Bit(std::strerror(errno)));
                continue;
            }
            if (S_ISDIR(cs.st_mode))
                subdirs.push_back(std::move(child));
            else if (S_ISREG(cs.st_mode) && SidecarFinder::isSidecarName(name))
                sidecars.insert(name, qint64(cs.st_mtim.tv_sec) * 1'000'000'000 + cs.st_mtim.tv_nsec);
            else if (S_ISREG(cs.st_mode))
                file(child, cs, false);
        }
        ::closedir(d);
        attachSidecars(path, sidecars, firstFile);
        std::sort(subdirs.begin(), subdirs.end());
        for (const QByteArray& sub : subdirs) {
            struct stat ss { };
            if (::stat(sub.constData(), &ss) == 0)
                dir(sub, ss);
        }
    }

    // The folder's listing already holds the sidecars: no extra stat per photo.
    void attachSidecars(const QByteArray& folder, const QHash<QByteArray, qint64>& sidecars, size_t first)
    {
        if (sidecars.isEmpty())
            return;
        const QByteArray prefix = folder.endsWith('/') ? folder : folder + '/';
        for (size_t i = first; i < m_result.files.size(); ++i) {
            FileEntry& f = m_result.files[i];
            for (const QByteArray& name : SidecarFinder::candidateNames(f.path.mid(f.path.lastIndexOf('/') + 1))) {
                const auto it = sidecars.constFind(name);
                if (it != sidecars.cend()) {
                    f.sidecar = prefix + name;
                    f.sidecarMtimeNs = *it;
                    break;
                }
            }
        }
    }

    void file(const QByteArray& path, const struct stat& st, bool explicitRoot)
    {
        const int slash = path.lastIndexOf('/');
        const QByteArray name = path.mid(slash + 1);
        const bool unsupported = FileWalker::isUnsupportedImageName(name);
        if (!explicitRoot && !unsupported && !FileWalker::isImageName(name) && !FileWalker::isVideoName(name))
            return;
        if (!m_files.insert({ st.st_dev, st.st_ino }).second)
            return; // the same file through another link
        FileEntry f;
        f.path = path;
        f.size = st.st_size;
        f.mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
        f.unsupportedByName = unsupported;
        if (explicitRoot) {
            const SidecarFile sidecar = SidecarFinder::find(path);
            f.sidecar = sidecar.path;
            f.sidecarMtimeNs = sidecar.mtimeNs;
        }
        m_result.files.push_back(std::move(f));
    }

    const std::atomic_bool* m_cancel;
    std::set<Inode> m_dirs, m_files;
    WalkResult m_result;
};

} // namespace

bool FileWalker::isImageName(const QByteArray& name)
{
    static const QSet<QByteArray> exts
        = { "jpg", "jpeg", "jpe", "jfif", "png", "webp", "tif", "tiff", "bmp", "dib", "gif", "heic", "heif", "hif",
              "avif", "cr2", "cr3", "crw", "nef", "nrw", "arw", "srf", "sr2", "dng", "raf", "orf", "rw2", "rwl", "pef",
              "srw", "x3f", "3fr", "fff", "erf", "kdc", "dcr", "mrw", "mos", "mef", "iiq", "raw" };
    return exts.contains(extensionOf(name));
}

bool FileWalker::isVideoName(const QByteArray& name)
{
    static const QSet<QByteArray> exts = { "mp4", "mov", "m4v", "3gp", "3g2", "mkv", "webm", "avi", "qt" };
    return exts.contains(extensionOf(name));
}

bool FileWalker::isUnsupportedImageName(const QByteArray& name)
{
    // Formats named by extension that Shoebox lists without decoding. HEIF/AVIF and camera RAW are
    // decoded since issue 10 and left this list; it stays for formats a later issue names.
    static const QSet<QByteArray> exts = {};
    return exts.contains(extensionOf(name));
}

QByteArray FileWalker::absolute(const QByteArray& path)
{
    if (path.startsWith('/'))
        return path;
    char cwd[4096];
    if (!::getcwd(cwd, sizeof cwd))
        return path;
    QByteArray p = path;
    while (p.startsWith("./"))
        p = p.mid(2);
    if (p == ".")
        return QByteArray(cwd);
    return QByteArray(cwd) + '/' + p;
}

WalkResult FileWalker::walk(const QList<QByteArray>& roots, const std::atomic_bool* cancel)
{
    Walk w(cancel);
    for (const QByteArray& r : roots) {
        QByteArray a = absolute(r);
        while (a.size() > 1 && a.endsWith('/'))
            a.chop(1);
        w.root(a);
    }
    return w.take();
}

} // namespace shoebox
