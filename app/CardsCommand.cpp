// wfconsole cards: the card catalogue, as text or JSON.

#include "Commands.h"
#include "engine/CardCatalogue.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace wf::cli {
namespace {

QJsonArray portsToJson(const QList<PortSpec> &ports)
{
    QJsonArray array;
    for (const PortSpec &port : ports) {
        QJsonObject o{{QStringLiteral("name"), port.name},
                      {QStringLiteral("type"), port.type.toString()},
                      {QStringLiteral("required"), port.required},
                      {QStringLiteral("description"), port.description}};
        if (!port.defaultValue.isNull())
            o.insert(QStringLiteral("default"), port.defaultValue);
        array.append(o);
    }
    return array;
}

QString kindName(CardKind kind)
{
    switch (kind) {
    case CardKind::Control:
        return QStringLiteral("control");
    case CardKind::Block:
        return QStringLiteral("block");
    case CardKind::Function:
        break;
    }
    return QStringLiteral("function");
}

QString portsToText(const QList<PortSpec> &ports, bool dynamic)
{
    QStringList parts;
    for (const PortSpec &port : ports)
        parts.append(port.name + QLatin1Char(':') + port.type.displayName() +
                     (port.required ? QStringLiteral("*") : QString()));
    if (dynamic)
        parts.append(QStringLiteral("…"));
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral(", "));
}

} // namespace

int listCards(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists the card catalogue."));
    parser.addHelpOption();
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the catalogue as JSON."));
    parser.addOption(json);
    QTextStream out(stdout);
    if (const auto done = parseVerbArguments(parser, arguments, "cards"))
        return *done;
    const auto &cards = CardCatalogue::builtIn().cards();
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const CardSpec &spec : cards) {
            array.append(QJsonObject{{QStringLiteral("functionId"), spec.functionId},
                                     {QStringLiteral("category"), spec.category},
                                     {QStringLiteral("name"), spec.name},
                                     {QStringLiteral("description"), spec.description},
                                     {QStringLiteral("kind"), kindName(spec.kind)},
                                     {QStringLiteral("inputs"), portsToJson(spec.inputs)},
                                     {QStringLiteral("outputs"), portsToJson(spec.outputs)},
                                     {QStringLiteral("dynamicInputs"), spec.dynamicInputs},
                                     {QStringLiteral("dynamicOutputs"), spec.dynamicOutputs}});
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Ok;
    }
    QString category;
    for (const CardSpec &spec : cards) {
        if (spec.category != category) {
            category = spec.category;
            out << '\n' << category << '\n';
        }
        out << "  " << spec.name.leftJustified(18) << ' ' << spec.functionId.leftJustified(26)
            << " in: " << portsToText(spec.inputs, spec.dynamicInputs)
            << "  out: " << portsToText(spec.outputs, spec.dynamicOutputs) << '\n';
    }
    out << "\n(* required, … the flow declares more)\n";
    return Ok;
}

} // namespace wf::cli
