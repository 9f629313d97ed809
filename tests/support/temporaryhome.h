#pragma once
// An isolated home for one test: HOME and the XDG data, cache and config folders point into a folder
// of the test's own, so the thumbnails, system trash, settings and user models of the test, and of
// every shoebox-cli it starts, never touch the user's. Used on the test's own thread.

#include <QMap>
#include <QProcessEnvironment>
#include <QString>

namespace shoebox::test {

// Creates dir/.qttest/{share,cache,config} and returns HOME (dir) and XDG_DATA_HOME, XDG_CACHE_HOME,
// XDG_CONFIG_HOME (those folders), for a child process's environment (runCli); empty if a folder
// could not be made. The folders are where QStandardPaths' test mode looks, so this process (after
// useTemporaryHome) and its children share them.
QMap<QString, QString> temporaryHome(const QString& dir);

// The system environment with temporaryHome(dir) on top, for a QProcess the test starts itself.
QProcessEnvironment temporaryHomeEnvironment(const QString& dir);

// Points this process at temporaryHome(dir) and turns on Qt's test mode, so the system trash of the
// test lives on the same file system as its photos, never in the user's.
bool useTemporaryHome(const QString& dir);

} // namespace shoebox::test
