// wfconsole: starts the desktop console, or runs one command-line verb without a display.

#include "Commands.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

namespace {

const char *const kUsage = R"(Usage: wfconsole [VERB] [OPTIONS]

Without a verb, opens the Workflows Console window.

Verbs:
  run FLOW.json     Run a flow locally and print the HTTP answer it would give
  cards             List the card catalogue

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
    if (first == QLatin1String("run") || first == QLatin1String("cards")) {
        QCoreApplication app(argc, argv);
        setIdentity();
        QStringList arguments = QCoreApplication::arguments();
        arguments.removeAt(1); // the verb; QCommandLineParser sees "wfconsole OPTIONS..."
        return first == QLatin1String("run") ? wf::cli::runFlow(arguments) : wf::cli::listCards(arguments);
    }
    if (!first.isEmpty() && !first.startsWith(QLatin1Char('-'))) {
        std::fprintf(stderr, "wfconsole: unknown verb '%s'\n\n%s", argv[1], kUsage);
        return wf::cli::Usage;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Workflows Console"));
    wf::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
