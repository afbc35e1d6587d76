#pragma once

// Where packaging_cpack (BuildPackages.cmake) left the packages and their unpacked trees, and a way
// to run a program and keep what it printed.

#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace wf::packagingtest {

inline const QString kAppId = QStringLiteral("dev.wfconsole.WorkflowsConsole");

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    // Everything it printed, for failure messages.
    QByteArray printed() const { return out + err; }
};

inline Run run(const QString &program, const QStringList &arguments,
               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(120000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    if (process.exitStatus() == QProcess::NormalExit)
        result.exitCode = process.exitCode();
    return result;
}

inline QString scratch(const QString &path = {})
{
    return QDir(QStringLiteral(WF_PACKAGING_SCRATCH)).filePath(path);
}

// The one file cpack made with this suffix, or an empty string.
inline QString packageFile(const QString &suffix)
{
    const QStringList found =
        QDir(scratch(QStringLiteral("packages"))).entryList({QStringLiteral("*") + suffix}, QDir::Files);
    return found.size() == 1 ? scratch(QStringLiteral("packages/") + found.first()) : QString();
}

inline QString debFile()
{
    return packageFile(QStringLiteral(".deb"));
}

inline QString tarball()
{
    return packageFile(QStringLiteral(".tar.gz"));
}

// The .deb's files as dpkg installs them: usr/bin/wfconsole and so on below it.
inline QString debRoot(const QString &path = {})
{
    return QDir(scratch(QStringLiteral("deb-root"))).filePath(path);
}

// The tarball's top folder (wfconsole-VERSION-linux-ARCH): bin/wfconsole and so on below it.
inline QString tarRoot(const QString &path = {})
{
    const QDir root(scratch(QStringLiteral("tar-root")));
    const QStringList top = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    return top.size() == 1 ? QDir(root.filePath(top.first())).filePath(path) : QString();
}

} // namespace wf::packagingtest
