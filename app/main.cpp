// wfconsole: starts the desktop console, or runs one command-line verb without a display.

#include "Commands.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

namespace {

const char *const kUsage = R"(Usage: wfconsole [VERB] [OPTIONS]

Without a verb, opens the Workflows Console window (wfconsole --workspace DIR for another
workspace than the last one).

Verbs:
  run FLOW.json     Run a flow locally and print the HTTP answer it would give
  cards             List the card catalogue
  flows             List the flows of a workspace with their Invoke and Resume URLs
  serve             Serve the flows of a workspace over HTTP without a window
  history           List the executions of a workspace
  apps              List and change the API Services app integrations and their keys
  signing-keys      List or rotate the keys that sign the workspace's access tokens
  token             Get an access token from a running server (OAuth 2.0 private_key_jwt)

Options:
  -h, --help        Show this help (wfconsole VERB --help for a verb's options)
  -v, --version     Show the version
)";

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("wfconsole"));
    QCoreApplication::setOrganizationName(QStringLiteral("wfconsole"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WF_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (first == QLatin1String("-h") || first == QLatin1String("--help")) {
        std::fputs(kUsage, stdout);
        return wf::cli::Ok;
    }
    if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        std::printf("wfconsole %s\n", WF_VERSION);
        return wf::cli::Ok;
    }
    using Verb = int (*)(const QStringList &);
    const std::pair<const char *, Verb> verbs[] = {{"run", wf::cli::runFlow},
                                                   {"cards", wf::cli::listCards},
                                                   {"flows", wf::cli::listFlows},
                                                   {"serve", wf::cli::serve},
                                                   {"history", wf::cli::listHistory},
                                                   {"apps", wf::cli::manageApps},
                                                   {"signing-keys", wf::cli::manageSigningKeys},
                                                   {"token", wf::cli::fetchToken}};
    for (const auto &[name, verb] : verbs) {
        if (first != QLatin1String(name))
            continue;
        QCoreApplication app(argc, argv);
        setIdentity();
        QStringList arguments = QCoreApplication::arguments();
        arguments.removeAt(1); // the verb; QCommandLineParser sees "wfconsole OPTIONS..."
        return verb(arguments);
    }
    if (!first.isEmpty() && !first.startsWith(QLatin1Char('-'))) {
        std::fprintf(stderr, "wfconsole: unknown verb '%s'\n\n%s", argv[1], kUsage);
        return wf::cli::Usage;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Workflows Console"));
    return wf::cli::runConsole(app);
}
