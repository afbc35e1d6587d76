#include "Commands.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace wf::cli {

std::optional<int> parseVerbArguments(QCommandLineParser &parser, const QStringList &arguments,
                                      const char *verb)
{
    const QString name = QLatin1String(verb);
    if (!parser.parse(arguments)) {
        QTextStream(stderr) << "wfconsole " << name << ": " << parser.errorText() << Qt::endl;
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText().replace(QLatin1String("wfconsole [options]"),
                                                         QStringLiteral("wfconsole %1 [options]").arg(name));
        return Ok;
    }
    return std::nullopt;
}

} // namespace wf::cli
