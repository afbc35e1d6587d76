#pragma once

// For the tests that run the real wfconsole binary (WFCONSOLE_PATH, defined by their CMake target).

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStringList>

namespace wf::clitest {

struct Run {
    int exitCode = -1; // -1 when it did not finish in time
    QByteArray out;
    QByteArray err;
};

// Runs `wfconsole arguments...` to its end (at most a minute) and collects what it printed.
inline Run runWfconsole(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(WFCONSOLE_PATH), arguments);
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// Makes the workspace folder `workspace` with an empty secrets file (mode 0600), so that its secrets
// go there and never to the keychain of the machine running the tests.
inline bool makeWorkspaceKeepingSecretsInFile(const QString &workspace)
{
    QFile secrets(workspace + QStringLiteral("/secrets.json"));
    return QDir().mkpath(workspace) && secrets.open(QIODevice::WriteOnly) && secrets.write("{}\n") == 3 &&
           secrets.flush() && secrets.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

} // namespace wf::clitest
