#include "store/WorkspaceWatcher.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace wf {
namespace {

QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

} // namespace

WorkspaceWatcher::WorkspaceWatcher(const QString &dir, QObject *parent)
    : QObject(parent), m_dir(QDir(dir).absolutePath()), m_file(QDir(m_dir).filePath(Workspace::kFileName)),
      m_lastContent(fileDigest(m_file))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &WorkspaceWatcher::reload);
    // workspace.json is replaced on every save (written aside, then renamed), which ends a watch on
    // the file itself: the folder is watched too, and the file watched again after each change.
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &WorkspaceWatcher::schedule);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &WorkspaceWatcher::schedule);
    watch();
}

void WorkspaceWatcher::watch()
{
    if (!m_watcher.directories().contains(m_dir))
        m_watcher.addPath(m_dir);
    if (!m_watcher.files().contains(m_file) && QFile::exists(m_file))
        m_watcher.addPath(m_file);
}

void WorkspaceWatcher::schedule()
{
    m_debounce.start();
}

void WorkspaceWatcher::reload()
{
    watch();
    const QByteArray digest = fileDigest(m_file);
    if (digest.isEmpty() || digest == m_lastContent)
        return; // another file of the folder changed (history.db), or the save is not complete
    auto workspace = Workspace::open(m_dir);
    if (!workspace) {
        emit failed(workspace.error().message);
        return;
    }
    m_lastContent = digest;
    emit reloaded(*workspace);
}

} // namespace wf
