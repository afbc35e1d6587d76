#pragma once

// Notices when another process (the command line, an editor, a second window) changes a workspace's
// workspace.json and reads it again, so that a running server applies revocations, new apps and flow
// edits at once. Changes are debounced; a file with problems is reported and the previous version
// stays in force.

#include "store/Workspace.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace wf {

class WorkspaceWatcher final : public QObject {
    Q_OBJECT

public:
    explicit WorkspaceWatcher(const QString &dir, QObject *parent = nullptr);

    static constexpr int kDebounceMs = 100;

signals:
    void reloaded(const wf::Workspace &workspace);
    void failed(const QString &message);

private:
    void schedule();
    void reload();
    void watch();

    QString m_dir;
    QString m_file;
    QByteArray m_lastContent;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
};

} // namespace wf
