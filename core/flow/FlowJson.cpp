#include "flow/FlowJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <algorithm>

namespace wf {

QString FlowProblem::toString() const
{
    QString where;
    if (cardId == eventCardId())
        where = QStringLiteral("event card");
    else if (!cardId.isEmpty())
        where = QStringLiteral("card '%1'").arg(cardId);
    if (!field.isEmpty())
        where +=
            (where.isEmpty() ? QString() : QStringLiteral(", ")) + QStringLiteral("field '%1'").arg(field);
    return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
}

namespace flowjson {
namespace {

class Reader {
public:
    QList<FlowProblem> problems;

    void problem(const QString &cardId, const QString &field, const QString &message)
    {
        problems.append({cardId, field, message});
    }

    // A misspelt key ("input" for "inputs") would otherwise be ignored without a word.
    void onlyKeys(const QJsonObject &o, std::initializer_list<const char *> allowed, const QString &cardId,
                  const QString &where)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            const bool known = std::any_of(allowed.begin(), allowed.end(),
                                           [&](const char *key) { return it.key() == QLatin1String(key); });
            if (!known)
                problem(cardId, it.key(), QStringLiteral("unknown key in %1").arg(where));
        }
    }

    QString text(const QJsonObject &o, const char *key, const QString &cardId, bool required = false)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(cardId, QLatin1String(key), QStringLiteral("is required"));
            return {};
        }
        if (!v.isString()) {
            problem(cardId, QLatin1String(key), QStringLiteral("must be a string"));
            return {};
        }
        if (required && v.toString().isEmpty())
            problem(cardId, QLatin1String(key), QStringLiteral("is required"));
        return v.toString();
    }

    bool boolean(const QJsonObject &o, const char *key, bool fallback, const QString &cardId)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isBool()) {
            problem(cardId, QLatin1String(key), QStringLiteral("must be true or false"));
            return fallback;
        }
        return v.toBool();
    }

    QJsonArray array(const QJsonObject &o, const char *key, const QString &cardId)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            problem(cardId, QLatin1String(key), QStringLiteral("must be a list"));
            return {};
        }
        return v.toArray();
    }

    QList<FieldDecl> fields(const QJsonObject &o, const char *key, const QString &cardId)
    {
        QList<FieldDecl> result;
        const QJsonArray list = array(o, key, cardId);
        for (const QJsonValue &entry : list) {
            const QJsonObject field = entry.toObject();
            onlyKeys(field, {"name", "type"}, cardId, QLatin1String(key));
            const QString name = field.value(QLatin1String("name")).toString();
            if (!entry.isObject() || name.isEmpty()) {
                problem(cardId, QLatin1String(key), QStringLiteral("every entry needs a \"name\""));
                continue;
            }
            if (name.contains(QLatin1Char('.'))) {
                problem(cardId, name, QStringLiteral("field names cannot contain '.'"));
                continue;
            }
            const QString typeName = field.value(QLatin1String("type")).toString(QStringLiteral("any"));
            const auto type = ValueType::parse(typeName);
            if (!type) {
                problem(cardId, name, QStringLiteral("unknown type '%1'").arg(typeName));
                continue;
            }
            result.append({name, *type});
        }
        return result;
    }

    InputBinding input(const QJsonValue &entry, const QString &cardId)
    {
        InputBinding input;
        const QJsonObject o = entry.toObject();
        onlyKeys(o, {"name", "type", "ref", "value"}, cardId, QStringLiteral("an input"));
        input.name = o.value(QLatin1String("name")).toString();
        if (!entry.isObject() || input.name.isEmpty()) {
            problem(cardId, QString(), QStringLiteral("every input needs a \"name\""));
            return input;
        }
        if (o.contains(QLatin1String("type"))) {
            const QString typeName = o.value(QLatin1String("type")).toString();
            input.type = ValueType::parse(typeName);
            if (!input.type)
                problem(cardId, input.name, QStringLiteral("unknown type '%1'").arg(typeName));
        }
        const bool hasRef = o.contains(QLatin1String("ref"));
        const bool hasValue = o.contains(QLatin1String("value"));
        if (hasRef && hasValue) {
            problem(cardId, input.name, QStringLiteral("give either \"ref\" or \"value\", not both"));
        } else if (hasRef) {
            const QString ref = o.value(QLatin1String("ref")).toString();
            if (!Binding::parseReference(ref, &input.binding))
                problem(cardId, input.name,
                        QStringLiteral("reference '%1' is not of the form <cardId>.<output>").arg(ref));
        } else if (hasValue) {
            input.binding = Binding::fromConstant(o.value(QLatin1String("value")));
        }
        return input;
    }

    QList<InputBinding> inputs(const QJsonObject &o, const char *key, const QString &cardId)
    {
        QList<InputBinding> result;
        const QJsonArray list = array(o, key, cardId);
        for (const QJsonValue &entry : list) {
            InputBinding in = input(entry, cardId);
            if (in.name.isEmpty())
                continue;
            for (const InputBinding &existing : std::as_const(result)) {
                if (existing.name == in.name)
                    problem(cardId, in.name, QStringLiteral("input is given twice"));
            }
            result.append(std::move(in));
        }
        return result;
    }

    QList<CardNode> cards(const QJsonArray &list, int depth, int *count)
    {
        QList<CardNode> result;
        if (depth > kMaxBlockDepth) {
            problem(QString(), QStringLiteral("cards"),
                    QStringLiteral("blocks are nested more than %1 levels deep").arg(kMaxBlockDepth));
            return result;
        }
        for (const QJsonValue &entry : list) {
            if (++*count > kMaxCardsPerFlow) {
                problem(QString(), QStringLiteral("cards"),
                        QStringLiteral("a flow holds at most %1 cards").arg(kMaxCardsPerFlow));
                return result;
            }
            if (!entry.isObject()) {
                problem(QString(), QStringLiteral("cards"), QStringLiteral("every card must be an object"));
                continue;
            }
            result.append(card(entry.toObject(), depth, count));
        }
        return result;
    }

    CardNode card(const QJsonObject &o, int depth, int *count)
    {
        CardNode node;
        node.id = o.value(QLatin1String("id")).toString();
        if (node.id.isEmpty())
            problem(QString(), QStringLiteral("id"), QStringLiteral("every card needs an \"id\""));
        onlyKeys(o, {"id", "function", "name", "inputs", "outputs", "options", "blocks"}, node.id,
                 QStringLiteral("a card"));
        node.function = text(o, "function", node.id, true);
        node.name = text(o, "name", node.id);
        node.inputs = inputs(o, "inputs", node.id);
        node.outputs = fields(o, "outputs", node.id);
        const QJsonValue options = o.value(QLatin1String("options"));
        if (options.isObject())
            node.options = options.toObject();
        else if (!options.isUndefined() && !options.isNull())
            problem(node.id, QStringLiteral("options"), QStringLiteral("must be an object"));
        for (const QJsonValue &blockValue : array(o, "blocks", node.id)) {
            if (!blockValue.isObject()) {
                problem(node.id, QStringLiteral("blocks"), QStringLiteral("every block must be an object"));
                continue;
            }
            const QJsonObject blockObject = blockValue.toObject();
            onlyKeys(blockObject, {"label", "condition", "cards"}, node.id, QStringLiteral("a block"));
            Block block;
            block.label = text(blockObject, "label", node.id);
            block.condition = inputs(blockObject, "condition", node.id);
            block.cards = cards(array(blockObject, "cards", node.id), depth + 1, count);
            node.blocks.append(std::move(block));
        }
        return node;
    }

    EventCard event(const QJsonObject &o)
    {
        EventCard event;
        onlyKeys(o, {"type", "body", "query", "headers", "inputs"}, eventCardId(),
                 QStringLiteral("the event card"));
        const QString type = o.value(QLatin1String("type")).toString(QStringLiteral("apiEndpoint"));
        if (type == QLatin1String("helperFlow")) {
            event.type = EventType::HelperFlow;
            event.inputs = fields(o, "inputs", eventCardId());
        } else if (type == QLatin1String("apiEndpoint")) {
            event.body = fields(o, "body", eventCardId());
            event.query = fields(o, "query", eventCardId());
            event.headers = fields(o, "headers", eventCardId());
            for (FieldDecl &header : event.headers)
                header.name = header.name.toLower();
        } else {
            problem(eventCardId(), QStringLiteral("type"),
                    QStringLiteral("unknown event '%1' (expected apiEndpoint or helperFlow)").arg(type));
        }
        return event;
    }

    EndpointSettings endpoint(const QJsonObject &o)
    {
        EndpointSettings settings;
        onlyKeys(o, {"security", "apps", "corsOrigins", "clientTokenSha256"}, QString(),
                 QStringLiteral("endpoint"));
        const QString level = o.value(QLatin1String("security")).toString(QStringLiteral("none"));
        if (const auto parsed = parseSecurityLevel(level))
            settings.security = *parsed;
        else
            problem(QString(), QStringLiteral("endpoint.security"),
                    QStringLiteral("unknown security level '%1' (expected none, clientToken or oauth2)")
                        .arg(level));
        const QJsonValue apps = o.value(QLatin1String("apps"));
        if (apps.isArray()) {
            settings.anyApp = false;
            for (const QJsonValue &app : apps.toArray())
                settings.allowedApps.append(app.toString());
        } else if (!apps.isUndefined() && apps.toString() != QLatin1String("any")) {
            problem(QString(), QStringLiteral("endpoint.apps"),
                    QStringLiteral("must be \"any\" or a list of client ids"));
        }
        for (const QJsonValue &origin : o.value(QLatin1String("corsOrigins")).toArray())
            settings.corsOrigins.append(origin.toString());
        settings.clientTokenHash = o.value(QLatin1String("clientTokenSha256")).toString();
        return settings;
    }
};

QJsonArray fieldsToJson(const QList<FieldDecl> &fields)
{
    QJsonArray array;
    for (const FieldDecl &field : fields)
        array.append(QJsonObject{{QStringLiteral("name"), field.name},
                                 {QStringLiteral("type"), field.type.toString()}});
    return array;
}

QJsonArray inputsToJson(const QList<InputBinding> &inputs)
{
    QJsonArray array;
    for (const InputBinding &input : inputs) {
        QJsonObject o{{QStringLiteral("name"), input.name}};
        if (input.type)
            o.insert(QStringLiteral("type"), input.type->toString());
        if (input.binding.kind == Binding::Kind::Reference)
            o.insert(QStringLiteral("ref"), input.binding.reference);
        else if (input.binding.kind == Binding::Kind::Constant)
            o.insert(QStringLiteral("value"), input.binding.constant);
        array.append(o);
    }
    return array;
}

QJsonArray cardsToJson(const QList<CardNode> &cards)
{
    QJsonArray array;
    for (const CardNode &card : cards) {
        QJsonObject o{{QStringLiteral("id"), card.id}, {QStringLiteral("function"), card.function}};
        if (!card.name.isEmpty())
            o.insert(QStringLiteral("name"), card.name);
        if (!card.inputs.isEmpty())
            o.insert(QStringLiteral("inputs"), inputsToJson(card.inputs));
        if (!card.outputs.isEmpty())
            o.insert(QStringLiteral("outputs"), fieldsToJson(card.outputs));
        if (!card.options.isEmpty())
            o.insert(QStringLiteral("options"), card.options);
        if (!card.blocks.isEmpty()) {
            QJsonArray blocks;
            for (const Block &block : card.blocks) {
                QJsonObject b{{QStringLiteral("label"), block.label},
                              {QStringLiteral("cards"), cardsToJson(block.cards)}};
                if (!block.condition.isEmpty())
                    b.insert(QStringLiteral("condition"), inputsToJson(block.condition));
                blocks.append(b);
            }
            o.insert(QStringLiteral("blocks"), blocks);
        }
        array.append(o);
    }
    return array;
}

} // namespace

FlowParseResult parse(const QByteArray &json)
{
    FlowParseResult result;
    if (json.size() > kMaxFlowFileSize) {
        result.problems.append(
            {QString(), QString(),
             QStringLiteral("the flow file is larger than %1 MiB").arg(kMaxFlowFileSize >> 20)});
        return result;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        result.problems.append(
            {QString(), QString(),
             QStringLiteral("not valid JSON at offset %1: %2").arg(error.offset).arg(error.errorString())});
        return result;
    }
    if (!doc.isObject()) {
        result.problems.append({QString(), QString(), QStringLiteral("a flow file must hold a JSON object")});
        return result;
    }
    return parse(doc.object());
}

FlowParseResult parse(const QJsonObject &o)
{
    Reader reader;
    Flow flow;
    reader.onlyKeys(o,
                    {"format", "id", "name", "description", "alias", "active", "saveAllData", "endpoint",
                     "event", "cards"},
                    QString(), QStringLiteral("the flow"));
    const QJsonValue format = o.value(QLatin1String("format"));
    if (!format.isUndefined() && format.toInt(-1) != 1)
        reader.problem(QString(), QStringLiteral("format"),
                       QStringLiteral("unsupported flow format %1 (this version reads format 1)")
                           .arg(format.toVariant().toString()));
    flow.id = reader.text(o, "id", QString(), true);
    flow.name = reader.text(o, "name", QString(), true);
    flow.description = reader.text(o, "description", QString());
    flow.alias = reader.text(o, "alias", QString());
    flow.active = reader.boolean(o, "active", true, QString());
    flow.saveAllData = reader.boolean(o, "saveAllData", true, QString());
    for (const char *key : {"endpoint", "event"}) {
        const QJsonValue part = o.value(QLatin1String(key));
        if (!part.isUndefined() && !part.isNull() && !part.isObject())
            reader.problem(QString(), QLatin1String(key), QStringLiteral("must be an object"));
    }
    flow.endpoint = reader.endpoint(o.value(QLatin1String("endpoint")).toObject());
    flow.event = reader.event(o.value(QLatin1String("event")).toObject());
    int count = 0;
    flow.cards = reader.cards(reader.array(o, "cards", QString()), 0, &count);
    return FlowParseResult{std::move(flow), std::move(reader.problems)};
}

QJsonObject toJsonObject(const Flow &flow)
{
    QJsonObject event;
    if (flow.isHelper()) {
        event.insert(QStringLiteral("type"), QStringLiteral("helperFlow"));
        event.insert(QStringLiteral("inputs"), fieldsToJson(flow.event.inputs));
    } else {
        event.insert(QStringLiteral("type"), QStringLiteral("apiEndpoint"));
        event.insert(QStringLiteral("body"), fieldsToJson(flow.event.body));
        event.insert(QStringLiteral("query"), fieldsToJson(flow.event.query));
        event.insert(QStringLiteral("headers"), fieldsToJson(flow.event.headers));
    }
    QJsonObject endpoint{
        {QStringLiteral("security"), securityLevelId(flow.endpoint.security)},
        {QStringLiteral("corsOrigins"), QJsonArray::fromStringList(flow.endpoint.corsOrigins)}};
    endpoint.insert(QStringLiteral("apps"),
                    flow.endpoint.anyApp ? QJsonValue(QStringLiteral("any"))
                                         : QJsonValue(QJsonArray::fromStringList(flow.endpoint.allowedApps)));
    QJsonObject o{
        {QStringLiteral("format"), 1},           {QStringLiteral("id"), flow.id},
        {QStringLiteral("name"), flow.name},     {QStringLiteral("description"), flow.description},
        {QStringLiteral("active"), flow.active}, {QStringLiteral("saveAllData"), flow.saveAllData},
        {QStringLiteral("event"), event},        {QStringLiteral("cards"), cardsToJson(flow.cards)}};
    if (!flow.alias.isEmpty())
        o.insert(QStringLiteral("alias"), flow.alias);
    if (!flow.endpoint.clientTokenHash.isEmpty())
        endpoint.insert(QStringLiteral("clientTokenSha256"), flow.endpoint.clientTokenHash);
    if (!flow.isHelper())
        o.insert(QStringLiteral("endpoint"), endpoint);
    return o;
}

QByteArray toJson(const Flow &flow)
{
    // QJsonDocument writes object keys sorted, which gives the stable order diffs need.
    return QJsonDocument(toJsonObject(flow)).toJson(QJsonDocument::Indented);
}

bool save(const Flow &flow, const QString &path, QString *errorString)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (errorString)
            *errorString = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(toJson(flow));
    if (!file.commit()) {
        if (errorString)
            *errorString = QStringLiteral("cannot save %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace flowjson
} // namespace wf
