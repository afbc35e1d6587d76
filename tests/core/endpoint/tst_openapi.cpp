// The OpenAPI 3.0 document of a flow (PRODUCT.md §3, GET /api/flo/{alias}/openapi): every bundled
// sample and hand-made flows (every type, each security level, each way a flow answers) give a
// document that passes a structural OpenAPI 3.0 check of its own (required fields, every $ref
// resolves inside the document, every path parameter declared, security names known schemes), and
// the parts that come from the flow say what the flow does.
//
// Set WF_OPENAPI_DUMP_DIR to a folder to have every document the tests check written there, for an
// external validator (ctest does not need one).

#include "endpoint/OpenApi.h"
#include "flow/FlowJson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace wf;

namespace {

const QString kBase = QStringLiteral("http://127.0.0.1:8787");
const QString kAlias = QStringLiteral("0123456789abcdef0123456789abcdef");

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QString samplesDir()
{
    return QStringLiteral(WF_SOURCE_DIR "/resources/samples/flows");
}

// Any JSON value from its text ("{}", "[1]", "\"x\"", "true").
QJsonValue jsonValue(const QByteArray &text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in the test: %s", text.constData());
    return doc.array().at(0);
}

QJsonObject jsonObject(const QByteArray &text)
{
    return jsonValue(text).toObject();
}

QByteArray compact(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

// JSON Pointer (RFC 6901) of a path inside the document.
QString escapeToken(QString token)
{
    return token.replace(QLatin1Char('~'), QStringLiteral("~0"))
        .replace(QLatin1Char('/'), QStringLiteral("~1"));
}

QStringList pointerTokens(const QString &pointer)
{
    QStringList tokens = pointer.split(QLatin1Char('/'));
    tokens.removeFirst(); // before the leading '/'
    for (QString &token : tokens)
        token = token.replace(QStringLiteral("~1"), QStringLiteral("/"))
                    .replace(QStringLiteral("~0"), QStringLiteral("~"));
    return tokens;
}

QJsonValue at(const QJsonValue &root, const QString &pointer)
{
    if (pointer.isEmpty())
        return root;
    QJsonValue current = root;
    for (const QString &token : pointerTokens(pointer)) {
        if (current.isObject()) {
            if (!current.toObject().contains(token))
                return QJsonValue(QJsonValue::Undefined);
            current = current.toObject().value(token);
        } else if (current.isArray()) {
            bool ok = false;
            const int index = token.toInt(&ok);
            if (!ok || index < 0 || index >= current.toArray().size())
                return QJsonValue(QJsonValue::Undefined);
            current = current.toArray().at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return current;
}

// Sets (or, with an undefined value, removes) the member at `tokens` below `node`.
QJsonValue setAt(QJsonValue node, QStringList tokens, const QJsonValue &value)
{
    const QString token = tokens.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const int index = token.toInt();
        array[index] = tokens.isEmpty() ? value : setAt(array.at(index), tokens, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (tokens.isEmpty()) {
        if (value.isUndefined())
            object.remove(token);
        else
            object.insert(token, value);
    } else {
        object.insert(token, setAt(object.value(token), tokens, value));
    }
    return object;
}

QJsonObject withAt(const QJsonObject &document, const QString &pointer, const QJsonValue &value)
{
    return setAt(document, pointerTokens(pointer), value).toObject();
}

QString invokePath(const QString &alias = kAlias)
{
    return QStringLiteral("/api/flo/") + alias + QStringLiteral("/invoke");
}

QString resumePath(const QString &alias = kAlias)
{
    return QStringLiteral("/api/flo/") + alias + QStringLiteral("/resume/{executionId}");
}

// "@invoke/get" → "/paths/~1api~1flo~1<alias>~1invoke/get"; "@resume/post" likewise.
QString expandPointer(const QString &pointer, const QString &alias)
{
    QString result = pointer;
    result.replace(QStringLiteral("@invoke"), QStringLiteral("/paths/") + escapeToken(invokePath(alias)));
    result.replace(QStringLiteral("@resume"), QStringLiteral("/paths/") + escapeToken(resumePath(alias)));
    return result;
}

// ---- A structural OpenAPI 3.0 check ----

class OpenApiChecker {
public:
    explicit OpenApiChecker(const QJsonObject &document) : m_doc(document) {}

    QStringList problems()
    {
        checkTop();
        checkRefs(m_doc, QString());
        checkComponents();
        checkPaths();
        checkSecurity();
        return m_problems;
    }

private:
    void problem(const QString &where, const QString &what)
    {
        m_problems.append(where + QStringLiteral(": ") + what);
    }

    QJsonValue resolve(const QJsonValue &value) const
    {
        const QString target = value.toObject().value(QLatin1String("$ref")).toString();
        if (target.isEmpty())
            return value;
        return at(m_doc, target.mid(1));
    }

    void checkTop()
    {
        static const QSet<QString> allowed{QStringLiteral("openapi"),    QStringLiteral("info"),
                                           QStringLiteral("servers"),    QStringLiteral("paths"),
                                           QStringLiteral("components"), QStringLiteral("security"),
                                           QStringLiteral("tags"),       QStringLiteral("externalDocs")};
        for (const QString &key : m_doc.keys()) {
            if (!allowed.contains(key) && !key.startsWith(QLatin1String("x-")))
                problem(QStringLiteral("/"), QStringLiteral("unknown key '%1'").arg(key));
        }
        static const QRegularExpression version(QStringLiteral("^3\\.0\\.\\d+$"));
        if (!version.match(m_doc.value(QLatin1String("openapi")).toString()).hasMatch())
            problem(QStringLiteral("/openapi"), QStringLiteral("openapi must be 3.0.x"));
        const QJsonObject info = m_doc.value(QLatin1String("info")).toObject();
        if (info.value(QLatin1String("title")).toString().isEmpty())
            problem(QStringLiteral("/info"), QStringLiteral("info.title is required"));
        if (!info.value(QLatin1String("version")).isString())
            problem(QStringLiteral("/info"), QStringLiteral("info.version is required"));
        if (info.contains(QLatin1String("description")) &&
            !info.value(QLatin1String("description")).isString())
            problem(QStringLiteral("/info"), QStringLiteral("info.description must be a string"));
        const QJsonValue servers = m_doc.value(QLatin1String("servers"));
        if (!servers.isUndefined()) {
            for (const QJsonValue &server : servers.toArray()) {
                if (server.toObject().value(QLatin1String("url")).toString().isEmpty())
                    problem(QStringLiteral("/servers"), QStringLiteral("every server needs a url"));
            }
        }
        if (!m_doc.value(QLatin1String("paths")).isObject())
            problem(QStringLiteral("/paths"), QStringLiteral("paths is required"));
    }

    void checkRefs(const QJsonValue &node, const QString &where)
    {
        if (node.isArray()) {
            const QJsonArray array = node.toArray();
            for (qsizetype i = 0; i < array.size(); ++i)
                checkRefs(array.at(i), where + QLatin1Char('/') + QString::number(i));
            return;
        }
        if (!node.isObject())
            return;
        const QJsonObject object = node.toObject();
        if (object.contains(QLatin1String("$ref"))) {
            const QString target = object.value(QLatin1String("$ref")).toString();
            if (!target.startsWith(QLatin1String("#/components/")))
                problem(where, QStringLiteral("$ref '%1' does not point into components").arg(target));
            else if (at(m_doc, target.mid(1)).isUndefined())
                problem(where, QStringLiteral("$ref '%1' does not resolve").arg(target));
            if (object.size() > 1)
                problem(where, QStringLiteral("$ref has siblings (ignored by OpenAPI 3.0)"));
            return;
        }
        for (auto it = object.begin(); it != object.end(); ++it)
            checkRefs(it.value(), where + QLatin1Char('/') + escapeToken(it.key()));
    }

    void checkComponents()
    {
        static const QSet<QString> sections{
            QStringLiteral("schemas"),  QStringLiteral("responses"),       QStringLiteral("parameters"),
            QStringLiteral("examples"), QStringLiteral("requestBodies"),   QStringLiteral("headers"),
            QStringLiteral("links"),    QStringLiteral("securitySchemes"), QStringLiteral("callbacks")};
        static const QRegularExpression name(QStringLiteral("^[a-zA-Z0-9.\\-_]+$"));
        const QJsonObject components = m_doc.value(QLatin1String("components")).toObject();
        for (auto section = components.begin(); section != components.end(); ++section) {
            if (!sections.contains(section.key()))
                problem(QStringLiteral("/components"),
                        QStringLiteral("unknown section '%1'").arg(section.key()));
            const QJsonObject entries = section.value().toObject();
            for (auto entry = entries.begin(); entry != entries.end(); ++entry) {
                const QString where =
                    QStringLiteral("/components/") + section.key() + QLatin1Char('/') + entry.key();
                if (!name.match(entry.key()).hasMatch())
                    problem(where, QStringLiteral("component names must match ^[a-zA-Z0-9.-_]+$"));
                if (section.key() == QLatin1String("schemas"))
                    checkSchema(entry.value(), where);
                else if (section.key() == QLatin1String("responses"))
                    checkResponse(entry.value(), where);
                else if (section.key() == QLatin1String("headers"))
                    checkHeader(entry.value(), where);
                else if (section.key() == QLatin1String("securitySchemes"))
                    checkSecurityScheme(entry.value().toObject(), where);
            }
        }
    }

    void checkSchema(const QJsonValue &value, const QString &where)
    {
        if (!value.isObject()) {
            problem(where, QStringLiteral("a schema must be an object"));
            return;
        }
        const QJsonObject schema = value.toObject();
        if (schema.contains(QLatin1String("$ref")))
            return;
        static const QSet<QString> types{QStringLiteral("string"),  QStringLiteral("number"),
                                         QStringLiteral("integer"), QStringLiteral("boolean"),
                                         QStringLiteral("array"),   QStringLiteral("object")};
        const QJsonValue type = schema.value(QLatin1String("type"));
        if (!type.isUndefined() && !types.contains(type.toString()))
            problem(where, QStringLiteral("schema type must be one of the OpenAPI 3.0 types"));
        if (type.toString() == QLatin1String("array")) {
            if (!schema.value(QLatin1String("items")).isObject())
                problem(where, QStringLiteral("an array schema needs items"));
            else
                checkSchema(schema.value(QLatin1String("items")), where + QStringLiteral("/items"));
        }
        if (schema.contains(QLatin1String("nullable")) && !schema.value(QLatin1String("nullable")).isBool())
            problem(where, QStringLiteral("nullable must be true or false"));
        if (schema.contains(QLatin1String("required"))) {
            const QJsonArray required = schema.value(QLatin1String("required")).toArray();
            if (required.isEmpty())
                problem(where, QStringLiteral("required must be a non-empty list"));
            for (const QJsonValue &entry : required) {
                if (!entry.isString())
                    problem(where, QStringLiteral("required lists property names"));
            }
        }
        const QJsonValue properties = schema.value(QLatin1String("properties"));
        if (!properties.isUndefined() && !properties.isObject())
            problem(where, QStringLiteral("properties must be an object"));
        const QJsonObject props = properties.toObject();
        for (auto it = props.begin(); it != props.end(); ++it)
            checkSchema(it.value(), where + QStringLiteral("/properties/") + escapeToken(it.key()));
    }

    void checkMediaTypes(const QJsonValue &content, const QString &where)
    {
        if (!content.isObject() || content.toObject().isEmpty()) {
            problem(where, QStringLiteral("content must map media types"));
            return;
        }
        const QJsonObject media = content.toObject();
        for (auto it = media.begin(); it != media.end(); ++it) {
            const QJsonObject entry = it.value().toObject();
            if (entry.contains(QLatin1String("schema")))
                checkSchema(entry.value(QLatin1String("schema")),
                            where + QLatin1Char('/') + escapeToken(it.key()));
            const QJsonObject encoding = entry.value(QLatin1String("encoding")).toObject();
            const QJsonObject schema = resolve(entry.value(QLatin1String("schema"))).toObject();
            for (auto enc = encoding.begin(); enc != encoding.end(); ++enc) {
                if (!schema.value(QLatin1String("properties")).toObject().contains(enc.key()))
                    problem(
                        where,
                        QStringLiteral("encoding names '%1', not a property of the schema").arg(enc.key()));
            }
        }
    }

    void checkHeader(const QJsonValue &value, const QString &where)
    {
        const QJsonObject header = resolve(value).toObject();
        if (header.contains(QLatin1String("schema")) == header.contains(QLatin1String("content")))
            problem(where, QStringLiteral("a header needs exactly one of schema and content"));
        if (header.contains(QLatin1String("name")) || header.contains(QLatin1String("in")))
            problem(where, QStringLiteral("a header object has no name or in"));
    }

    void checkResponse(const QJsonValue &value, const QString &where)
    {
        const QJsonObject response = resolve(value).toObject();
        if (!response.value(QLatin1String("description")).isString())
            problem(where, QStringLiteral("a response needs a description"));
        if (response.contains(QLatin1String("content")))
            checkMediaTypes(response.value(QLatin1String("content")), where + QStringLiteral("/content"));
        const QJsonObject headers = response.value(QLatin1String("headers")).toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it)
            checkHeader(it.value(), where + QStringLiteral("/headers/") + it.key());
    }

    void checkParameter(const QJsonObject &parameter, const QString &where)
    {
        static const QSet<QString> places{QStringLiteral("query"), QStringLiteral("header"),
                                          QStringLiteral("path"), QStringLiteral("cookie")};
        if (parameter.value(QLatin1String("name")).toString().isEmpty())
            problem(where, QStringLiteral("a parameter needs a name"));
        const QString in = parameter.value(QLatin1String("in")).toString();
        if (!places.contains(in))
            problem(where, QStringLiteral("a parameter's in must be query, header, path or cookie"));
        if (in == QLatin1String("path") && parameter.value(QLatin1String("required")) != QJsonValue(true))
            problem(where, QStringLiteral("a path parameter must be required"));
        const bool hasSchema = parameter.contains(QLatin1String("schema"));
        const bool hasContent = parameter.contains(QLatin1String("content"));
        if (hasSchema == hasContent)
            problem(where, QStringLiteral("a parameter needs exactly one of schema and content"));
        if (hasSchema)
            checkSchema(parameter.value(QLatin1String("schema")), where + QStringLiteral("/schema"));
        if (hasContent) {
            if (parameter.value(QLatin1String("content")).toObject().size() != 1)
                problem(where, QStringLiteral("a parameter's content holds exactly one media type"));
            checkMediaTypes(parameter.value(QLatin1String("content")), where + QStringLiteral("/content"));
        }
    }

    void checkPaths()
    {
        static const QSet<QString> methods{QStringLiteral("get"),     QStringLiteral("put"),
                                           QStringLiteral("post"),    QStringLiteral("delete"),
                                           QStringLiteral("options"), QStringLiteral("head"),
                                           QStringLiteral("patch"),   QStringLiteral("trace")};
        static const QSet<QString> itemKeys{QStringLiteral("parameters"), QStringLiteral("summary"),
                                            QStringLiteral("description"), QStringLiteral("servers"),
                                            QStringLiteral("$ref")};
        static const QRegularExpression templateName(QStringLiteral("\\{([^}/]+)\\}"));
        static const QRegularExpression statusCode(QStringLiteral("^([1-5][0-9][0-9]|[1-5]XX|default)$"));
        QSet<QString> operationIds;
        const QJsonObject paths = m_doc.value(QLatin1String("paths")).toObject();
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            const QString where = QStringLiteral("/paths/") + escapeToken(path.key());
            if (!path.key().startsWith(QLatin1Char('/')))
                problem(where, QStringLiteral("paths start with /"));
            QSet<QString> templated;
            for (auto it = templateName.globalMatch(path.key()); it.hasNext();)
                templated.insert(it.next().captured(1));
            const QJsonObject item = path.value().toObject();
            const QJsonArray common = item.value(QLatin1String("parameters")).toArray();
            for (auto key = item.begin(); key != item.end(); ++key) {
                if (itemKeys.contains(key.key()) || key.key().startsWith(QLatin1String("x-")))
                    continue;
                if (!methods.contains(key.key())) {
                    problem(where, QStringLiteral("unknown key '%1' in a path item").arg(key.key()));
                    continue;
                }
                const QString opWhere = where + QLatin1Char('/') + key.key();
                const QJsonObject operation = key.value().toObject();
                const QString id = operation.value(QLatin1String("operationId")).toString();
                if (!id.isEmpty() && operationIds.contains(id))
                    problem(opWhere, QStringLiteral("operationId '%1' is not unique").arg(id));
                operationIds.insert(id);

                // Parameters: path-level ones, overridden by the operation's, unique by (name, in).
                QMap<QString, QJsonObject> byKey;
                QJsonArray all = common;
                for (const QJsonValue &value : operation.value(QLatin1String("parameters")).toArray())
                    all.append(value);
                QSet<QString> ownKeys;
                for (const QJsonValue &value : operation.value(QLatin1String("parameters")).toArray()) {
                    const QJsonObject parameter = resolve(value).toObject();
                    const QString k = parameter.value(QLatin1String("in")).toString() + QLatin1Char(':') +
                                      parameter.value(QLatin1String("name")).toString();
                    if (ownKeys.contains(k))
                        problem(opWhere, QStringLiteral("parameter %1 is given twice").arg(k));
                    ownKeys.insert(k);
                }
                for (const QJsonValue &value : all) {
                    const QJsonObject parameter = resolve(value).toObject();
                    checkParameter(parameter, opWhere + QStringLiteral("/parameters"));
                    byKey.insert(parameter.value(QLatin1String("in")).toString() + QLatin1Char(':') +
                                     parameter.value(QLatin1String("name")).toString(),
                                 parameter);
                }
                QSet<QString> declared;
                for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
                    if (it.value().value(QLatin1String("in")).toString() == QLatin1String("path"))
                        declared.insert(it.value().value(QLatin1String("name")).toString());
                }
                for (const QString &name : templated) {
                    if (!declared.contains(name))
                        problem(opWhere, QStringLiteral("path parameter '%1' is not declared").arg(name));
                }
                for (const QString &name : declared) {
                    if (!templated.contains(name))
                        problem(opWhere, QStringLiteral("path parameter '%1' is not in the path").arg(name));
                }

                if (operation.contains(QLatin1String("requestBody"))) {
                    if (key.key() == QLatin1String("get"))
                        problem(opWhere, QStringLiteral("a GET operation has no requestBody"));
                    checkMediaTypes(resolve(operation.value(QLatin1String("requestBody")))
                                        .toObject()
                                        .value(QLatin1String("content")),
                                    opWhere + QStringLiteral("/requestBody"));
                }
                const QJsonObject responses = operation.value(QLatin1String("responses")).toObject();
                if (responses.isEmpty())
                    problem(opWhere, QStringLiteral("an operation needs responses"));
                for (auto response = responses.begin(); response != responses.end(); ++response) {
                    if (!statusCode.match(response.key()).hasMatch())
                        problem(opWhere, QStringLiteral("'%1' is not a response code").arg(response.key()));
                    checkResponse(response.value(), opWhere + QStringLiteral("/responses/") + response.key());
                }
            }
        }
    }

    void checkSecurityScheme(const QJsonObject &scheme, const QString &where)
    {
        const QString type = scheme.value(QLatin1String("type")).toString();
        if (type == QLatin1String("apiKey")) {
            static const QSet<QString> places{QStringLiteral("query"), QStringLiteral("header"),
                                              QStringLiteral("cookie")};
            if (scheme.value(QLatin1String("name")).toString().isEmpty() ||
                !places.contains(scheme.value(QLatin1String("in")).toString()))
                problem(where, QStringLiteral("an apiKey scheme needs name and in (query, header, cookie)"));
        } else if (type == QLatin1String("oauth2")) {
            const QJsonObject flows = scheme.value(QLatin1String("flows")).toObject();
            if (flows.isEmpty())
                problem(where, QStringLiteral("an oauth2 scheme needs flows"));
            for (auto flow = flows.begin(); flow != flows.end(); ++flow) {
                const QJsonObject f = flow.value().toObject();
                if (flow.key() == QLatin1String("clientCredentials") &&
                    f.value(QLatin1String("tokenUrl")).toString().isEmpty())
                    problem(where, QStringLiteral("clientCredentials needs a tokenUrl"));
                if (!f.value(QLatin1String("scopes")).isObject())
                    problem(where, QStringLiteral("an OAuth flow needs scopes"));
            }
        } else if (type != QLatin1String("http") && type != QLatin1String("openIdConnect")) {
            problem(where, QStringLiteral("unknown security scheme type '%1'").arg(type));
        }
    }

    void checkSecurity()
    {
        const QJsonObject schemes = m_doc.value(QLatin1String("components"))
                                        .toObject()
                                        .value(QLatin1String("securitySchemes"))
                                        .toObject();
        for (const QJsonValue &requirement : m_doc.value(QLatin1String("security")).toArray()) {
            const QJsonObject names = requirement.toObject();
            for (auto it = names.begin(); it != names.end(); ++it) {
                if (!schemes.contains(it.key())) {
                    problem(QStringLiteral("/security"),
                            QStringLiteral("unknown security scheme '%1'").arg(it.key()));
                    continue;
                }
                const QJsonObject scheme = schemes.value(it.key()).toObject();
                const QJsonArray scopes = it.value().toArray();
                if (scheme.value(QLatin1String("type")).toString() != QLatin1String("oauth2")) {
                    if (!scopes.isEmpty())
                        problem(QStringLiteral("/security"),
                                QStringLiteral("only OAuth 2.0 requirements list scopes"));
                    continue;
                }
                const QJsonObject flows = scheme.value(QLatin1String("flows")).toObject();
                for (const QJsonValue &scope : scopes) {
                    bool known = false;
                    for (auto flow = flows.begin(); flow != flows.end(); ++flow)
                        known = known || flow.value()
                                             .toObject()
                                             .value(QLatin1String("scopes"))
                                             .toObject()
                                             .contains(scope.toString());
                    if (!known)
                        problem(QStringLiteral("/security"),
                                QStringLiteral("unknown scope '%1'").arg(scope.toString()));
                }
            }
        }
    }

    QJsonObject m_doc;
    QStringList m_problems;
};

QStringList checkOpenApi(const QJsonObject &document)
{
    return OpenApiChecker(document).problems();
}

// With WF_OPENAPI_DUMP_DIR set, writes the document to <dir>/<test function>-<data tag>.openapi.json.
void dumpForValidator(const QJsonObject &document)
{
    const QString dir = qEnvironmentVariable("WF_OPENAPI_DUMP_DIR");
    if (dir.isEmpty())
        return;
    QString name = s(QTest::currentTestFunction());
    if (const char *tag = QTest::currentDataTag())
        name += QLatin1Char('-') + s(tag);
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    name.replace(unsafe, QStringLiteral("_"));
    QFile out(dir + QLatin1Char('/') + name + QStringLiteral(".openapi.json"));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(out.fileName()));
    out.write(QJsonDocument(document).toJson());
}

// The structural check of a document a test made (written out for an external validator on request).
QStringList checkDocument(const QJsonObject &document)
{
    dumpForValidator(document);
    return checkOpenApi(document);
}

QByteArray describe(const QStringList &problems)
{
    return problems.isEmpty() ? QByteArray("(no problems)") : problems.join(QLatin1Char('\n')).toUtf8();
}

// ---- Flows ----

struct ParsedFlow {
    Flow flow;
    QString problems;
};

ParsedFlow parseFlow(const QJsonObject &object)
{
    const FlowParseResult parsed = flowjson::parse(object);
    ParsedFlow result;
    if (parsed.flow)
        result.flow = *parsed.flow;
    QStringList lines;
    for (const FlowProblem &problem : parsed.problems)
        lines.append(problem.toString());
    if (!parsed.flow)
        lines.append(QStringLiteral("no flow"));
    result.problems = lines.join(QLatin1Char('\n'));
    return result;
}

// A flow of the given security level, event card and cards (JSON texts).
ParsedFlow makeFlow(const QString &security, const QByteArray &event, const QByteArray &cards)
{
    return parseFlow(QJsonObject{
        {QStringLiteral("format"), 1},
        {QStringLiteral("id"), QStringLiteral("hand-made")},
        {QStringLiteral("name"), QStringLiteral("Hand-made flow")},
        {QStringLiteral("description"), QStringLiteral("Made by the test.")},
        {QStringLiteral("alias"), kAlias},
        {QStringLiteral("endpoint"), QJsonObject{{QStringLiteral("security"), security}}},
        {QStringLiteral("event"), jsonObject(event)},
        {QStringLiteral("cards"), jsonValue(cards).toArray()},
    });
}

const QByteArray kNoFields = R"({"type": "apiEndpoint", "body": [], "query": [], "headers": []})";

QJsonObject nullableSchema(QJsonObject schema)
{
    if (schema.contains(QLatin1String("type")))
        schema.insert(QStringLiteral("nullable"), true);
    return schema;
}

QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

} // namespace

class TestOpenApi final : public QObject {
    Q_OBJECT

private slots:
    void samples_data();
    void samples();
    void samplePointers_data();
    void samplePointers();
    void types_data();
    void types();
    void security_data();
    void security();
    void responseCodes_data();
    void responseCodes();
    void answers_data();
    void answers();
    void resume_data();
    void resume();
    void parameters_data();
    void parameters();
    void requestBody_data();
    void requestBody();
    void flowStatuses_data();
    void flowStatuses();
    void serversAndInfo_data();
    void serversAndInfo();
    void errorSchema();
    void helperFlowHasNoDocument();
    void flowWithoutAliasUsesTemplate();
    void sameFlowSameDocument();
    void checkerCatchesProblems_data();
    void checkerCatchesProblems();
};

void TestOpenApi::samples_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files =
        QDir(samplesDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 6);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << file;
}

void TestOpenApi::samples()
{
    QFETCH(QString, file);
    QFile input(samplesDir() + QLatin1Char('/') + file);
    QVERIFY(input.open(QIODevice::ReadOnly));
    const FlowParseResult parsed = flowjson::parse(input.readAll());
    QVERIFY(parsed.ok());
    const Flow &flow = *parsed.flow;
    const QJsonObject doc = openApiDocument(flow, kBase);

    dumpForValidator(doc);

    if (flow.isHelper()) {
        QVERIFY(doc.isEmpty());
        return;
    }
    const QStringList problems = checkOpenApi(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());

    QCOMPARE(doc.value(QLatin1String("openapi")).toString(), s("3.0.3"));
    QCOMPARE(at(doc, s("/info/title")).toString(), flow.name);
    QCOMPARE(at(doc, s("/info/description")).toString(), flow.description);
    QCOMPARE(at(doc, s("/info/version")).toString(), s("1"));
    QCOMPARE(at(doc, s("/servers")), jsonValue("[{\"url\": \"http://127.0.0.1:8787\"}]"));
    QCOMPARE(sortedKeys(doc.value(QLatin1String("paths")).toObject()),
             QStringList({invokePath(flow.alias), resumePath(flow.alias)}));
    QStringList operationIds;
    for (const char *pointer : {"@invoke/get", "@invoke/post", "@resume/get", "@resume/post"}) {
        const QJsonObject operation = at(doc, expandPointer(s(pointer), flow.alias)).toObject();
        operationIds.append(operation.value(QLatin1String("operationId")).toString());
        QCOMPARE(at(operation, s("/responses/200/headers/X-Execution-Id")),
                 jsonValue(R"({"$ref": "#/components/headers/ExecutionId"})"));
    }
    QCOMPARE(operationIds, QStringList({s("invokeGet"), s("invokePost"), s("resumeGet"), s("resumePost")}));

    const QJsonArray security = doc.value(QLatin1String("security")).toArray();
    switch (flow.endpoint.security) {
    case SecurityLevel::None:
        QVERIFY(!doc.contains(QLatin1String("security")));
        break;
    case SecurityLevel::ClientToken:
        QCOMPARE(security.size(), 2);
        break;
    case SecurityLevel::OAuth2:
        QCOMPARE(security.size(), 1);
        break;
    }
}

void TestOpenApi::samplePointers_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pointer"); // "@invoke" / "@resume" stand for the flow's two paths
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("hello: answer from the Return card")
        << s("hello-public.json") << s("/components/schemas/InvokeAnswer")
        << QByteArray(R"({"type": "object", "properties": {"greeting": {"type": "string", "nullable": true},
                          "nameLength": {"type": "number", "nullable": true}}})");
    QTest::newRow("hello: body field")
        << s("hello-public.json") << s("/components/schemas/InvokeBody")
        << QByteArray(R"({"type": "object", "properties": {"name": {"type": "string", "nullable": true}}})");
    QTest::newRow("hello: query field") << s("hello-public.json") << s("@invoke/get/parameters")
                                        << QByteArray(R"([{"name": "lang", "in": "query", "required": false,
                           "description": "Declared query field (Text).", "schema": {"type": "string"}}])");
    QTest::newRow("hello: POST takes JSON and forms")
        << s("hello-public.json") << s("@invoke/post/requestBody/content")
        << QByteArray(R"({"application/json": {"schema": {"$ref": "#/components/schemas/InvokeBody"}},
                          "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/InvokeBody"}}})");
    QTest::newRow("hello: no security")
        << s("hello-public.json") << s("/components/securitySchemes") << QByteArray("null");
    QTest::newRow("hello: no 401") << s("hello-public.json") << s("@invoke/get/responses/401")
                                   << QByteArray("null");
    QTest::newRow("hello: resume has no body")
        << s("hello-public.json") << s("@resume/post/requestBody") << QByteArray("null");

    QTest::newRow("approval: invoke answers with the Pause card's fields")
        << s("approval-pause.json") << s("/components/schemas/InvokeAnswer")
        << QByteArray(R"({"type": "object", "properties": {"status": {"type": "string", "nullable": true},
                          "summary": {"type": "string", "nullable": true},
                          "executionId": {"type": "string", "nullable": true}}})");
    QTest::newRow("approval: resume answers with the Return card's fields")
        << s("approval-pause.json") << s("/components/schemas/ResumeAnswer")
        << QByteArray(R"({"type": "object", "properties": {"decision": {"type": "string", "nullable": true},
                          "approver": {"type": "string", "nullable": true},
                          "summary": {"type": "string", "nullable": true}}})");
    QTest::newRow("approval: resume body from the Pause card's outputs")
        << s("approval-pause.json") << s("/components/schemas/ResumeBody")
        << QByteArray(R"({"type": "object", "properties": {"approved": {"type": "boolean", "nullable": true},
                          "approver": {"type": "string", "nullable": true}}})");
    QTest::newRow("approval: resume POST body")
        << s("approval-pause.json") << s("@resume/post/requestBody/content")
        << QByteArray(R"({"application/json": {"schema": {"$ref": "#/components/schemas/ResumeBody"}}})");
    QTest::newRow("approval: executionId path parameter")
        << s("approval-pause.json") << s("/components/parameters/ExecutionId/schema")
        << QByteArray(R"({"type": "string", "pattern": "^[0-9a-f]{32}$"})");
    QTest::newRow("approval: resume 404")
        << s("approval-pause.json") << s("@resume/post/responses/404")
        << QByteArray(R"({"$ref": "#/components/responses/ExecutionNotFound"})");
    QTest::newRow("approval: resume 409")
        << s("approval-pause.json") << s("@resume/get/responses/409")
        << QByteArray(R"({"$ref": "#/components/responses/ResumeConflict"})");

    QTest::newRow("order: typed list body")
        << s("order-total-token.json") << s("/components/schemas/InvokeBody")
        << QByteArray(R"({"type": "object", "properties": {
                          "items": {"type": "array", "items": {"type": "object"}, "nullable": true},
                          "currency": {"type": "string", "nullable": true}}})");
    QTest::newRow("order: list field of a form is JSON text")
        << s("order-total-token.json")
        << s("@invoke/post/requestBody/content/application~1x-www-form-urlencoded/encoding")
        << QByteArray(R"({"items": {"contentType": "application/json"}})");
    QTest::newRow("order: answer")
        << s("order-total-token.json") << s("/components/schemas/InvokeAnswer/properties/lines")
        << QByteArray(R"({"type": "array", "items": {"type": "number"}, "nullable": true})");
    QTest::newRow("order: client token in the query or the header")
        << s("order-total-token.json") << s("/security")
        << QByteArray(R"([{"clientTokenQuery": []}, {"clientTokenHeader": []}])");
    QTest::newRow("order: 401") << s("order-total-token.json") << s("@invoke/post/responses/401")
                                << QByteArray(R"({"$ref": "#/components/responses/Unauthorized"})");
    QTest::newRow("order: no 403") << s("order-total-token.json") << s("@invoke/post/responses/403")
                                   << QByteArray("null");

    QTest::newRow("customer: OAuth 2.0 client credentials")
        << s("customer-oauth.json") << s("/components/securitySchemes/oauth2/flows")
        << QByteArray("{\"clientCredentials\": {\"tokenUrl\": \"http://127.0.0.1:8787/oauth2/v1/token\", "
                      "\"scopes\": {\"okta.workflows.invoke.manage\": \"Invoke API endpoint flows\"}}}");
    QTest::newRow("customer: scope required")
        << s("customer-oauth.json") << s("/security")
        << QByteArray(R"([{"oauth2": ["okta.workflows.invoke.manage"]}])");
    QTest::newRow("customer: 403") << s("customer-oauth.json") << s("@invoke/get/responses/403")
                                   << QByteArray(R"({"$ref": "#/components/responses/Forbidden"})");
    QTest::newRow("customer: Return Error 404 shares the pipeline's 404")
        << s("customer-oauth.json") << s("@invoke/get/responses/404")
        << QByteArray(R"({"$ref": "#/components/responses/NotFound"})");
    QTest::newRow("customer: answer (tier from an untyped output is still typed by Return)")
        << s("customer-oauth.json") << s("/components/schemas/InvokeAnswer/properties/tier")
        << QByteArray(R"({"type": "string", "nullable": true})");

    QTest::newRow("echo: header field")
        << s("echo-raw.json") << s("@invoke/get/parameters")
        << QByteArray(R"([{"name": "x-request-id", "in": "header", "required": false,
                           "description": "Declared header field (Text).", "schema": {"type": "string"}}])");
    QTest::newRow("echo: Return Raw answers anything")
        << s("echo-raw.json") << s("@invoke/get/responses/200/content")
        << QByteArray(R"({"*/*": {"schema": {}}})");
    QTest::newRow("echo: Return Raw 422 in If Error")
        << s("echo-raw.json") << s("@invoke/get/responses/422")
        << QByteArray(R"({"$ref": "#/components/responses/FlowAnswer422"})");
    QTest::newRow("echo: reads the raw body") << s("echo-raw.json") << s("@invoke/post/requestBody/content")
                                              << QByteArray(R"({"*/*": {"schema": {}}})");

    QTest::newRow("line-total: helper flow") << s("line-total.json") << QString() << QByteArray("{}");
}

void TestOpenApi::samplePointers()
{
    QFETCH(QString, file);
    QFETCH(QString, pointer);
    QFETCH(QByteArray, expected);
    QFile input(samplesDir() + QLatin1Char('/') + file);
    QVERIFY(input.open(QIODevice::ReadOnly));
    const FlowParseResult parsed = flowjson::parse(input.readAll());
    QVERIFY(parsed.ok());
    const QJsonObject doc = openApiDocument(*parsed.flow, kBase);
    const QJsonValue actual = at(doc, expandPointer(pointer, parsed.flow->alias));
    const QJsonValue wanted = jsonValue(expected);
    if (wanted.isNull()) {
        QVERIFY2(actual.isUndefined(), compact(actual).constData());
        return;
    }
    QCOMPARE(compact(actual), compact(wanted));
}

void TestOpenApi::types_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("schema");
    QTest::addColumn<bool>("structured"); // travels as JSON text in the query, headers and forms

    QTest::newRow("text") << s("text") << QByteArray(R"({"type": "string"})") << false;
    QTest::newRow("number") << s("number") << QByteArray(R"({"type": "number"})") << false;
    QTest::newRow("boolean") << s("boolean") << QByteArray(R"({"type": "boolean"})") << false;
    QTest::newRow("datetime") << s("datetime") << QByteArray(R"({"type": "string", "format": "date-time"})")
                              << false;
    QTest::newRow("object") << s("object") << QByteArray(R"({"type": "object"})") << true;
    QTest::newRow("list") << s("list") << QByteArray(R"({"type": "array", "items": {}})") << true;
    QTest::newRow("list<text>") << s("list<text>")
                                << QByteArray(R"({"type": "array", "items": {"type": "string"}})") << true;
    QTest::newRow("list<number>") << s("list<number>")
                                  << QByteArray(R"({"type": "array", "items": {"type": "number"}})") << true;
    QTest::newRow("list<boolean>") << s("list<boolean>")
                                   << QByteArray(R"({"type": "array", "items": {"type": "boolean"}})")
                                   << true;
    QTest::newRow("list<datetime>")
        << s("list<datetime>")
        << QByteArray(R"({"type": "array", "items": {"type": "string", "format": "date-time"}})") << true;
    QTest::newRow("list<object>") << s("list<object>")
                                  << QByteArray(R"({"type": "array", "items": {"type": "object"}})") << true;
    QTest::newRow("list<any>") << s("list<any>") << QByteArray(R"({"type": "array", "items": {}})") << true;
    QTest::newRow("any") << s("any") << QByteArray("{}") << false;
}

void TestOpenApi::types()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, schema);
    QFETCH(bool, structured);
    const QJsonObject expected = jsonObject(schema);
    const auto parsedType = ValueType::parse(type);
    QVERIFY(parsedType);
    QCOMPARE(openApiSchema(*parsedType), expected);

    // The same type as a body, query and header field and as a Return field.
    const QByteArray field = "{\"name\": \"f\", \"type\": \"" + type.toUtf8() + "\"}";
    const QByteArray event = "{\"type\": \"apiEndpoint\", \"body\": [" + field + "], \"query\": [" + field +
                             "], \"headers\": [" + field + "]}";
    const QByteArray cards = "[{\"id\": \"r\", \"function\": \"flow.return\", \"inputs\": [{\"name\": \"f\", "
                             "\"type\": \"" +
                             type.toUtf8() + "\", \"value\": null}]}]";
    const ParsedFlow made = makeFlow(s("none"), event, cards);
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());

    QCOMPARE(at(doc, s("/components/schemas/InvokeBody/properties/f")).toObject(), nullableSchema(expected));
    QCOMPARE(at(doc, s("/components/schemas/InvokeAnswer/properties/f")).toObject(),
             nullableSchema(expected));
    const QJsonArray parameters = at(doc, expandPointer(s("@invoke/get/parameters"), kAlias)).toArray();
    QCOMPARE(parameters.size(), 2);
    for (const QJsonValue &value : parameters) {
        const QJsonObject parameter = value.toObject();
        QCOMPARE(parameter.value(QLatin1String("name")).toString(), s("f"));
        if (structured) {
            QVERIFY(!parameter.contains(QLatin1String("schema")));
            QCOMPARE(at(parameter, s("/content/application~1json/schema")).toObject(), expected);
        } else {
            QVERIFY(!parameter.contains(QLatin1String("content")));
            QCOMPARE(parameter.value(QLatin1String("schema")).toObject(), expected);
        }
    }
    const QJsonValue encoding =
        at(doc,
           expandPointer(s("@invoke/post/requestBody/content/application~1x-www-form-urlencoded/encoding/f"),
                         kAlias));
    QCOMPARE(encoding.isUndefined(), !structured);
}

void TestOpenApi::security_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<QByteArray>("security"); // "null": no security key
    QTest::addColumn<QByteArray>("schemes");  // "null": no securitySchemes
    QTest::addColumn<QString>("unauthorized");
    QTest::addColumn<QString>("forbidden");

    QTest::newRow("none") << s("none") << QByteArray("null") << QByteArray("null") << QString() << QString();
    QTest::newRow("clientToken")
        << s("clientToken") << QByteArray(R"([{"clientTokenQuery": []}, {"clientTokenHeader": []}])")
        << QByteArray(R"({"clientTokenQuery": {"type": "apiKey", "in": "query", "name": "clientToken",
                          "description": "The flow's client token (API endpoint settings)."},
                          "clientTokenHeader": {"type": "apiKey", "in": "header", "name": "x-api-client-token",
                          "description": "The flow's client token, as a header instead of the query."}})")
        << s("Unauthorized") << QString();
    QTest::newRow("oauth2")
        << s("oauth2") << QByteArray(R"([{"oauth2": ["okta.workflows.invoke.manage"]}])")
        << QByteArray(
               "{\"oauth2\": {\"type\": \"oauth2\", "
               "\"description\": \"Client credentials grant; the client authenticates with private_key_jwt "
               "(a JWT assertion signed with a key of its API Services app integration).\", "
               "\"flows\": {\"clientCredentials\": {\"tokenUrl\": \"http://127.0.0.1:8787/oauth2/v1/token\", "
               "\"scopes\": {\"okta.workflows.invoke.manage\": \"Invoke API endpoint flows\"}}}}}")
        << s("Unauthorized") << s("Forbidden");
}

void TestOpenApi::security()
{
    QFETCH(QString, level);
    QFETCH(QByteArray, security);
    QFETCH(QByteArray, schemes);
    QFETCH(QString, unauthorized);
    QFETCH(QString, forbidden);
    const ParsedFlow made = makeFlow(level, kNoFields, "[]");
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());

    const QJsonValue expectedSecurity = jsonValue(security);
    QCOMPARE(doc.contains(QLatin1String("security")), !expectedSecurity.isNull());
    if (!expectedSecurity.isNull())
        QCOMPARE(doc.value(QLatin1String("security")), expectedSecurity);
    const QJsonValue expectedSchemes = jsonValue(schemes);
    const QJsonValue actualSchemes = at(doc, s("/components/securitySchemes"));
    QCOMPARE(actualSchemes.isUndefined(), expectedSchemes.isNull());
    if (!expectedSchemes.isNull())
        QCOMPARE(actualSchemes, expectedSchemes);

    for (const char *route : {"@invoke/get", "@invoke/post", "@resume/get", "@resume/post"}) {
        const QJsonObject responses =
            at(doc, expandPointer(s(route), kAlias) + QStringLiteral("/responses")).toObject();
        QCOMPARE(at(responses, s("/401/$ref")).toString().section(QLatin1Char('/'), -1), unauthorized);
        QCOMPARE(at(responses, s("/403/$ref")).toString().section(QLatin1Char('/'), -1), forbidden);
        // Security is the document's: no operation overrides it.
        QVERIFY(!at(doc, expandPointer(s(route), kAlias)).toObject().contains(QLatin1String("security")));
    }
    // The description of each operation says how to authenticate.
    const QString description = at(doc, expandPointer(s("@invoke/get/description"), kAlias)).toString();
    QVERIFY2(description.contains(level == QLatin1String("none") ? s("Anyone")
                                  : level == QLatin1String("clientToken")
                                      ? s("x-api-client-token")
                                      : s("okta.workflows.invoke.manage")),
             qPrintable(description));
    if (level == QLatin1String("oauth2"))
        QCOMPARE(at(doc, s("/components/responses/Unauthorized/headers/WWW-Authenticate/$ref")).toString(),
                 s("#/components/headers/WwwAuthenticate"));
    else
        QVERIFY(at(doc, s("/components/headers/WwwAuthenticate")).isUndefined());
}

void TestOpenApi::responseCodes_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("codes"); // "code=component" of every response but 200, in order

    QTest::newRow("none, invoke") << s("none") << s("@invoke")
                                  << s("400=BadRequest 404=NotFound 405=MethodNotAllowed "
                                       "409=FlowInactive 413=PayloadTooLarge "
                                       "429=TooManyRequests 500=CardFailed "
                                       "503=Unavailable 504=Timeout");
    QTest::newRow("none, resume") << s("none") << s("@resume")
                                  << s("400=BadRequest 404=ExecutionNotFound 405=MethodNotAllowed "
                                       "409=ResumeConflict 413=PayloadTooLarge 429=TooManyRequests "
                                       "500=CardFailed 503=Unavailable 504=Timeout");
    QTest::newRow("clientToken, invoke")
        << s("clientToken") << s("@invoke")
        << s("400=BadRequest 401=Unauthorized 404=NotFound 405=MethodNotAllowed "
             "409=FlowInactive 413=PayloadTooLarge 429=TooManyRequests "
             "500=CardFailed 503=Unavailable 504=Timeout");
    QTest::newRow("oauth2, invoke") << s("oauth2") << s("@invoke")
                                    << s("400=BadRequest 401=Unauthorized 403=Forbidden 404=NotFound "
                                         "405=MethodNotAllowed 409=FlowInactive 413=PayloadTooLarge "
                                         "429=TooManyRequests 500=CardFailed 503=Unavailable 504=Timeout");
    QTest::newRow("oauth2, resume")
        << s("oauth2") << s("@resume")
        << s("400=BadRequest 401=Unauthorized 403=Forbidden 404=ExecutionNotFound "
             "405=MethodNotAllowed 409=ResumeConflict 413=PayloadTooLarge "
             "429=TooManyRequests 500=CardFailed 503=Unavailable 504=Timeout");
}

void TestOpenApi::responseCodes()
{
    QFETCH(QString, level);
    QFETCH(QString, route);
    QFETCH(QString, codes);
    const ParsedFlow made = makeFlow(level, kNoFields, "[]");
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    for (const char *method : {"/get", "/post"}) {
        const QJsonObject responses =
            at(doc, expandPointer(route, kAlias) + s(method) + QStringLiteral("/responses")).toObject();
        QStringList actual;
        for (const QString &code : sortedKeys(responses)) {
            if (code != QLatin1String("200"))
                actual.append(code + QLatin1Char('=') +
                              at(responses, QLatin1Char('/') + code + QStringLiteral("/$ref"))
                                  .toString()
                                  .section(QLatin1Char('/'), -1));
        }
        QCOMPARE(actual.join(QLatin1Char(' ')), codes);
    }
    // The headers the pipeline sends with them.
    QCOMPARE(at(doc, s("/components/responses/TooManyRequests/headers")),
             jsonValue(R"({"Retry-After": {"$ref": "#/components/headers/RetryAfter"}})"));
    QCOMPARE(at(doc, s("/components/headers/RetryAfter/schema")),
             jsonValue(R"({"type": "integer", "minimum": 1})"));
    QCOMPARE(at(doc, s("/components/responses/MethodNotAllowed/headers")),
             jsonValue(R"({"Allow": {"$ref": "#/components/headers/Allow"}})"));
    // X-Execution-Id where an execution was created, and only there.
    for (const char *name : {"BadRequest", "CardFailed", "Unavailable", "Timeout"})
        QCOMPARE(at(doc, s("/components/responses/") + s(name) + s("/headers/X-Execution-Id")),
                 jsonValue(R"({"$ref": "#/components/headers/ExecutionId"})"));
    for (const char *name : {"NotFound", "ExecutionNotFound", "MethodNotAllowed", "FlowInactive",
                             "ResumeConflict", "PayloadTooLarge", "TooManyRequests"})
        QVERIFY2(at(doc, s("/components/responses/") + s(name) + s("/headers/X-Execution-Id")).isUndefined(),
                 name);
    // Every error answer has the shared error shape.
    const QJsonObject responses = at(doc, s("/components/responses")).toObject();
    for (auto it = responses.begin(); it != responses.end(); ++it)
        QCOMPARE(at(it.value(), s("/content/application~1json/schema/$ref")).toString(),
                 s("#/components/schemas/Error"));
}

void TestOpenApi::answers_data()
{
    QTest::addColumn<QByteArray>("cards");
    QTest::addColumn<QByteArray>("content");  // of the invoke 200 response
    QTest::addColumn<QByteArray>("answer");   // components/schemas/InvokeAnswer, "null" when absent
    QTest::addColumn<QString>("description"); // a part of the 200 response's description

    const QByteArray generic = R"({"application/json": {"schema": {"type": "object"}}})";
    const QByteArray returned =
        R"({"application/json": {"schema": {"$ref": "#/components/schemas/InvokeAnswer"}}})";
    const QByteArray raw = R"({"*/*": {"schema": {}}})";

    QTest::newRow("no cards") << QByteArray("[]") << generic << QByteArray("null")
                              << s("without a Return card");
    QTest::newRow("no Return card")
        << QByteArray(
               R"([{"id": "c", "function": "flow.comment", "inputs": [{"name": "text", "value": "hi"}]}])")
        << generic << QByteArray("null") << s("Continue If");
    QTest::newRow("Return, typed and untyped fields")
        << QByteArray(R"([{"id": "r", "function": "flow.return", "inputs": [
                          {"name": "n", "type": "number", "value": 1},
                          {"name": "when", "type": "datetime", "ref": "event.context.execution_id"},
                          {"name": "loose", "value": 1}]}])")
        << returned
        << QByteArray(R"({"type": "object", "properties": {"n": {"type": "number", "nullable": true},
                          "when": {"type": "string", "format": "date-time", "nullable": true}, "loose": {}}})")
        << s("Return card 'r'");
    QTest::newRow("Return without fields")
        << QByteArray(R"([{"id": "r", "function": "flow.return", "name": "Done"}])") << returned
        << QByteArray(R"({"type": "object", "properties": {}})") << s("Return card 'Done'");
    QTest::newRow("Continue If, then Return")
        << QByteArray(R"([{"id": "go", "function": "branching.continueIf", "inputs": [
                          {"name": "a", "value": 1}, {"name": "operator", "value": "equal to"}, {"name": "b", "value": 1}]},
                          {"id": "r", "function": "flow.return", "inputs": [{"name": "t", "type": "text", "value": "x"}]}])")
        << returned
        << QByteArray(R"({"type": "object", "properties": {"t": {"type": "string", "nullable": true}}})")
        << s("Return card 'r'");
    QTest::newRow("Return only inside a block")
        << QByteArray(R"([{"id": "b", "function": "branching.ifElse", "inputs": [
                          {"name": "a", "value": 1}, {"name": "operator", "value": "equal to"}, {"name": "b", "value": 1}],
                          "blocks": [{"label": "if", "cards": [{"id": "r", "function": "flow.return",
                          "inputs": [{"name": "t", "type": "text", "value": "x"}]}]},
                          {"label": "else", "cards": []}]}])")
        << generic << QByteArray("null") << s("without a Return card");
    QTest::newRow("the first answering card counts")
        << QByteArray(
               R"([{"id": "r", "function": "flow.return", "inputs": [{"name": "t", "type": "text", "value": "x"}]},
                          {"id": "raw", "function": "flow.returnRaw", "inputs": [{"name": "body", "value": "y"}]}])")
        << returned
        << QByteArray(R"({"type": "object", "properties": {"t": {"type": "string", "nullable": true}}})")
        << s("Return card 'r'");
    QTest::newRow("Return Raw") << QByteArray(R"([{"id": "raw", "function": "flow.returnRaw",
                                                  "inputs": [{"name": "body", "value": "y"}]}])")
                                << raw << QByteArray("null") << s("'raw' sets");
    QTest::newRow("Close") << QByteArray(R"([{"id": "early", "function": "flow.close",
                                              "inputs": [{"name": "body", "value": "y"}]}])")
                           << raw << QByteArray("null") << s("'early' sets");
    QTest::newRow("Pause")
        << QByteArray(R"([{"id": "p", "function": "flow.pause",
                                              "inputs": [{"name": "state", "type": "text", "value": "waiting"}],
                                              "outputs": [{"name": "ok", "type": "boolean"}]}])")
        << returned
        << QByteArray(R"({"type": "object", "properties": {"state": {"type": "string", "nullable": true}}})")
        << s("paused at 'p'");
    QTest::newRow("Pause Raw") << QByteArray(R"([{"id": "pr", "function": "flow.pauseRaw",
                                                  "inputs": [{"name": "body", "value": "wait"}]}])")
                               << raw << QByteArray("null") << s("'pr' sets");
}

void TestOpenApi::answers()
{
    QFETCH(QByteArray, cards);
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, answer);
    QFETCH(QString, description);
    const ParsedFlow made = makeFlow(s("none"), kNoFields, cards);
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());

    for (const char *route : {"@invoke/get", "@invoke/post"}) {
        const QJsonObject ok =
            at(doc, expandPointer(s(route), kAlias) + QStringLiteral("/responses/200")).toObject();
        QCOMPARE(compact(ok.value(QLatin1String("content"))), compact(jsonValue(content)));
        QVERIFY2(ok.value(QLatin1String("description")).toString().contains(description),
                 qPrintable(ok.value(QLatin1String("description")).toString()));
        QCOMPARE(ok.value(QLatin1String("headers")),
                 jsonValue(R"({"X-Execution-Id": {"$ref": "#/components/headers/ExecutionId"}})"));
    }
    const QJsonValue expectedAnswer = jsonValue(answer);
    const QJsonValue actualAnswer = at(doc, s("/components/schemas/InvokeAnswer"));
    if (expectedAnswer.isNull())
        QVERIFY2(actualAnswer.isUndefined(), compact(actualAnswer).constData());
    else
        QCOMPARE(compact(actualAnswer), compact(expectedAnswer));
}

void TestOpenApi::resume_data()
{
    QTest::addColumn<QByteArray>("cards");
    QTest::addColumn<QByteArray>("body");     // resume POST requestBody content, "null" when none
    QTest::addColumn<QByteArray>("schema");   // components/schemas/ResumeBody, "null" when absent
    QTest::addColumn<QByteArray>("answer");   // resume 200 content
    QTest::addColumn<QString>("description"); // a part of the resume 200 description

    const QByteArray jsonBody =
        R"({"application/json": {"schema": {"$ref": "#/components/schemas/ResumeBody"}}})";
    const QByteArray resumeAnswer =
        R"({"application/json": {"schema": {"$ref": "#/components/schemas/ResumeAnswer"}}})";

    QTest::newRow("no Pause")
        << QByteArray(
               R"([{"id": "r", "function": "flow.return", "inputs": [{"name": "t", "type": "text", "value": "x"}]}])")
        << QByteArray("null") << QByteArray("null")
        << QByteArray(R"({"application/json": {"schema": {"$ref": "#/components/schemas/InvokeAnswer"}}})")
        << s("no Pause card");
    QTest::newRow("Pause, then Return")
        << QByteArray(
               R"([{"id": "p", "function": "flow.pause", "inputs": [{"name": "s", "type": "text", "value": "w"}],
                          "outputs": [{"name": "ok", "type": "boolean"}, {"name": "note", "type": "text"},
                                      {"name": "at", "type": "datetime"}, {"name": "tags", "type": "list<text>"},
                                      {"name": "extra", "type": "any"}]},
                          {"id": "r", "function": "flow.return", "inputs": [{"name": "done", "type": "boolean", "ref": "p.ok"}]}])")
        << jsonBody
        << QByteArray(R"({"type": "object", "properties": {"ok": {"type": "boolean", "nullable": true},
                          "note": {"type": "string", "nullable": true},
                          "at": {"type": "string", "format": "date-time", "nullable": true},
                          "tags": {"type": "array", "items": {"type": "string"}, "nullable": true}, "extra": {}}})")
        << resumeAnswer << s("Return card 'r'");
    QTest::newRow("Pause without outputs, no Return")
        << QByteArray(R"([{"id": "p", "function": "flow.pause"}])") << jsonBody
        << QByteArray(R"({"type": "object", "properties": {}})")
        << QByteArray(R"({"application/json": {"schema": {"type": "object"}}})")
        << s("without a Return card");
    QTest::newRow("two Pause cards: either may be waiting")
        << QByteArray(
               R"([{"id": "p1", "function": "flow.pause", "outputs": [{"name": "a", "type": "number"}]},
                          {"id": "p2", "function": "flow.pause", "inputs": [{"name": "step", "type": "number", "value": 2}],
                           "outputs": [{"name": "b", "type": "text"}, {"name": "a", "type": "text"}]}])")
        << jsonBody
        << QByteArray(R"({"type": "object", "properties": {"a": {"type": "number", "nullable": true},
                          "b": {"type": "string", "nullable": true}}})")
        << resumeAnswer << s("paused at 'p2'");
    QTest::newRow("Pause Raw")
        << QByteArray(
               R"([{"id": "pr", "function": "flow.pauseRaw", "inputs": [{"name": "body", "value": "wait"}]},
                          {"id": "raw", "function": "flow.returnRaw", "inputs": [{"name": "body", "ref": "pr.body"}]}])")
        << QByteArray(R"({"*/*": {"schema": {}}})") << QByteArray("null")
        << QByteArray(R"({"*/*": {"schema": {}}})") << s("'raw' sets");
}

void TestOpenApi::resume()
{
    QFETCH(QByteArray, cards);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, schema);
    QFETCH(QByteArray, answer);
    QFETCH(QString, description);
    const ParsedFlow made = makeFlow(s("clientToken"), kNoFields, cards);
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());

    const QJsonObject path = at(doc, expandPointer(s("@resume"), kAlias)).toObject();
    QCOMPARE(path.value(QLatin1String("parameters")),
             jsonValue(R"([{"$ref": "#/components/parameters/ExecutionId"}])"));
    QCOMPARE(at(doc, s("/components/parameters/ExecutionId")),
             jsonValue(R"({"name": "executionId", "in": "path", "required": true,
                           "description": "The id of the paused execution (its X-Execution-Id).",
                           "schema": {"type": "string", "pattern": "^[0-9a-f]{32}$"}})"));
    QVERIFY(!at(path, s("/get")).toObject().contains(QLatin1String("requestBody")));
    const QJsonValue expectedBody = jsonValue(body);
    const QJsonValue actualBody = at(path, s("/post/requestBody/content"));
    if (expectedBody.isNull())
        QVERIFY2(actualBody.isUndefined(), compact(actualBody).constData());
    else
        QCOMPARE(compact(actualBody), compact(expectedBody));
    const QJsonValue expectedSchema = jsonValue(schema);
    const QJsonValue actualSchema = at(doc, s("/components/schemas/ResumeBody"));
    if (expectedSchema.isNull())
        QVERIFY2(actualSchema.isUndefined(), compact(actualSchema).constData());
    else
        QCOMPARE(compact(actualSchema), compact(expectedSchema));
    for (const char *method : {"/get", "/post"}) {
        const QJsonObject ok = at(path, s(method) + QStringLiteral("/responses/200")).toObject();
        QCOMPARE(compact(ok.value(QLatin1String("content"))), compact(jsonValue(answer)));
        QVERIFY2(ok.value(QLatin1String("description")).toString().contains(description),
                 qPrintable(ok.value(QLatin1String("description")).toString()));
    }
}

void TestOpenApi::parameters_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QString>("expected"); // "in:name", in order

    QTest::newRow("none declared") << s("none") << kNoFields << QString();
    QTest::newRow("query then headers, lower-cased")
        << s("none")
        << QByteArray(
               R"({"body": [], "query": [{"name": "lang", "type": "text"}, {"name": "Page", "type": "number"}],
                          "headers": [{"name": "X-Trace", "type": "text"}]})")
        << s("query:lang query:Page header:x-trace");
    QTest::newRow("client token parameters belong to the security scheme")
        << s("clientToken")
        << QByteArray(
               R"({"body": [], "query": [{"name": "clientToken", "type": "text"}, {"name": "q", "type": "text"}],
                          "headers": [{"name": "x-api-client-token", "type": "text"}, {"name": "x-a", "type": "text"}]})")
        << s("query:q header:x-a");
    QTest::newRow("a public flow may read a query field named clientToken")
        << s("none") << QByteArray(R"({"body": [], "query": [{"name": "clientToken", "type": "text"}],
                          "headers": [{"name": "x-api-client-token", "type": "text"}]})")
        << s("query:clientToken header:x-api-client-token");
    QTest::newRow("headers OpenAPI ignores")
        << s("oauth2")
        << QByteArray(R"({"body": [], "query": [], "headers": [{"name": "Authorization", "type": "text"},
                          {"name": "content-type", "type": "text"}, {"name": "accept", "type": "text"},
                          {"name": "x-b", "type": "boolean"}]})")
        << s("header:x-b");
    QTest::newRow("reserved query names")
        << s("none")
        << QByteArray(R"({"body": [], "query": [{"name": "x-okta-workflows-debug", "type": "text"},
                          {"name": "ok", "type": "text"}], "headers": []})")
        << s("query:ok");
}

void TestOpenApi::parameters()
{
    QFETCH(QString, level);
    QFETCH(QByteArray, event);
    QFETCH(QString, expected);
    const ParsedFlow made = makeFlow(level, event, "[]");
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());
    for (const char *route : {"@invoke/get", "@invoke/post"}) {
        const QJsonObject operation = at(doc, expandPointer(s(route), kAlias)).toObject();
        QCOMPARE(operation.contains(QLatin1String("parameters")), !expected.isEmpty());
        QStringList actual;
        for (const QJsonValue &parameter : operation.value(QLatin1String("parameters")).toArray())
            actual.append(parameter.toObject().value(QLatin1String("in")).toString() + QLatin1Char(':') +
                          parameter.toObject().value(QLatin1String("name")).toString());
        QCOMPARE(actual.join(QLatin1Char(' ')), expected);
    }
    // The resume route reads no declared query or header field.
    for (const char *route : {"@resume/get", "@resume/post"})
        QVERIFY(!at(doc, expandPointer(s(route), kAlias)).toObject().contains(QLatin1String("parameters")));
}

void TestOpenApi::requestBody_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QByteArray>("cards");
    QTest::addColumn<QByteArray>("content"); // invoke POST requestBody content, "null" when none

    const QByteArray readsRaw =
        R"([{"id": "t", "function": "text.length", "inputs": [{"name": "text", "ref": "event.raw.body"}]}])";
    QTest::newRow("nothing read") << kNoFields << QByteArray("[]") << QByteArray("null");
    QTest::newRow("only the query read")
        << kNoFields
        << QByteArray(
               R"([{"id": "t", "function": "text.length", "inputs": [{"name": "text", "ref": "event.raw.query"}]}])")
        << QByteArray("null");
    QTest::newRow("raw body read") << kNoFields << readsRaw << QByteArray(R"({"*/*": {"schema": {}}})");
    QTest::newRow("raw object read in a block condition")
        << kNoFields << QByteArray(R"([{"id": "b", "function": "branching.ifElseIf", "blocks": [
                          {"label": "if", "condition": [{"name": "a", "ref": "event.raw"}, {"name": "operator", "value": "is empty"}],
                           "cards": []}, {"label": "else", "cards": []}]}])")
        << QByteArray(R"({"*/*": {"schema": {}}})");
    QTest::newRow("declared fields")
        << QByteArray(R"({"body": [{"name": "n", "type": "number"}], "query": [], "headers": []})")
        << QByteArray("[]")
        << QByteArray(R"({"application/json": {"schema": {"$ref": "#/components/schemas/InvokeBody"}},
                          "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/InvokeBody"}}})");
    QTest::newRow("declared fields and the raw body")
        << QByteArray(R"({"body": [{"name": "o", "type": "object"}], "query": [], "headers": []})")
        << readsRaw << QByteArray(R"({"*/*": {"schema": {}},
                          "application/json": {"schema": {"$ref": "#/components/schemas/InvokeBody"}},
                          "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/InvokeBody"},
                                                                "encoding": {"o": {"contentType": "application/json"}}}})");
}

void TestOpenApi::requestBody()
{
    QFETCH(QByteArray, event);
    QFETCH(QByteArray, cards);
    QFETCH(QByteArray, content);
    const ParsedFlow made = makeFlow(s("none"), event, cards);
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());
    QVERIFY(
        !at(doc, expandPointer(s("@invoke/get"), kAlias)).toObject().contains(QLatin1String("requestBody")));
    const QJsonValue body = at(doc, expandPointer(s("@invoke/post/requestBody"), kAlias));
    const QJsonValue expected = jsonValue(content);
    if (expected.isNull()) {
        QVERIFY2(body.isUndefined(), compact(body).constData());
        return;
    }
    QCOMPARE(body.toObject().value(QLatin1String("required")), QJsonValue(false));
    QVERIFY(!body.toObject().value(QLatin1String("description")).toString().isEmpty());
    QCOMPARE(compact(body.toObject().value(QLatin1String("content"))), compact(expected));
}

void TestOpenApi::flowStatuses_data()
{
    QTest::addColumn<QByteArray>("cards");
    QTest::addColumn<QString>("extra");   // responses beyond the pipeline's: "code=component"
    QTest::addColumn<QString>("content"); // media type of the flow's own responses

    QTest::newRow("Return Error 422")
        << QByteArray(R"([{"id": "e", "function": "error.returnError", "name": "Reject",
                          "inputs": [{"name": "statusCode", "value": 422}, {"name": "message", "value": "no"}]}])")
        << s("422=FlowError422") << s("application/json");
    QTest::newRow("Return Error without a status answers 400")
        << QByteArray(
               R"([{"id": "e", "function": "error.returnError", "inputs": [{"name": "message", "value": "no"}]}])")
        << QString() << QString();
    QTest::newRow("Return Error 404 is the pipeline's 404")
        << QByteArray(
               R"([{"id": "e", "function": "error.returnError", "inputs": [{"name": "statusCode", "value": 404}]}])")
        << QString() << QString();
    QTest::newRow("Return Error If with a computed status")
        << QByteArray(R"([{"id": "e", "function": "error.returnErrorIf", "inputs": [
                          {"name": "a", "value": 1}, {"name": "operator", "value": "equal to"}, {"name": "b", "value": 1},
                          {"name": "statusCode", "ref": "event.body.code"}]}])")
        << s("default=FlowDefault") << s("application/json");
    QTest::newRow("Return Raw 418 inside a block")
        << QByteArray(R"([{"id": "b", "function": "error.ifError", "blocks": [{"label": "try", "cards": []},
                          {"label": "if error", "cards": [{"id": "raw", "function": "flow.returnRaw",
                          "inputs": [{"name": "statusCode", "value": 418}]}]}]}])")
        << s("418=FlowAnswer418") << s("*/*");
    QTest::newRow("Close with a status given as text")
        << QByteArray(
               R"([{"id": "c", "function": "flow.close", "inputs": [{"name": "statusCode", "value": "451"}]}])")
        << s("451=FlowAnswer451") << s("*/*");
    QTest::newRow("a status the card refuses fails with 500")
        << QByteArray(
               R"([{"id": "raw", "function": "flow.returnRaw", "inputs": [{"name": "statusCode", "value": 302}]},
                          {"id": "e", "function": "error.returnError", "inputs": [{"name": "statusCode", "value": 200}]}])")
        << QString() << QString();
    QTest::newRow("Return Raw with a computed status")
        << QByteArray(
               R"([{"id": "raw", "function": "flow.returnRaw", "inputs": [{"name": "statusCode", "ref": "event.body.s"}]}])")
        << s("default=FlowDefault") << s("*/*");
    QTest::newRow("several")
        << QByteArray(
               R"([{"id": "e1", "function": "error.returnError", "inputs": [{"name": "statusCode", "value": 402}]},
                          {"id": "e2", "function": "error.returnError", "inputs": [{"name": "statusCode", "value": 599}]}])")
        << s("402=FlowError402 599=FlowError599") << s("application/json");
}

void TestOpenApi::flowStatuses()
{
    QFETCH(QByteArray, cards);
    QFETCH(QString, extra);
    QFETCH(QString, content);
    const ParsedFlow made = makeFlow(s("none"), kNoFields, cards);
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());
    static const QStringList pipeline{s("200"), s("400"), s("404"), s("405"), s("409"),
                                      s("413"), s("429"), s("500"), s("503"), s("504")};
    for (const char *route : {"@invoke/get", "@invoke/post", "@resume/get", "@resume/post"}) {
        const QJsonObject responses =
            at(doc, expandPointer(s(route), kAlias) + QStringLiteral("/responses")).toObject();
        QStringList actual;
        for (const QString &code : sortedKeys(responses)) {
            if (pipeline.contains(code))
                continue;
            const QString target =
                at(responses, QLatin1Char('/') + code + QStringLiteral("/$ref")).toString();
            actual.append(code + QLatin1Char('=') + target.section(QLatin1Char('/'), -1));
            const QJsonObject response = at(doc, target.mid(1)).toObject();
            QCOMPARE(sortedKeys(response.value(QLatin1String("content")).toObject()), QStringList{content});
            QCOMPARE(at(response, s("/headers/X-Execution-Id/$ref")).toString(),
                     s("#/components/headers/ExecutionId"));
        }
        QCOMPARE(actual.join(QLatin1Char(' ')), extra);
    }
}

void TestOpenApi::serversAndInfo_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("title");

    QTest::newRow("default") << kBase << s("Orders") << s("Takes orders.") << kBase << s("Orders");
    QTest::newRow("public URL with trailing slashes")
        << s("https://flows.example.com/base//") << s("Orders") << QString()
        << s("https://flows.example.com/base") << s("Orders");
    QTest::newRow("IPv6") << s("http://[::1]:8787") << s("Ünïcødé 😀") << s("ok") << s("http://[::1]:8787")
                          << s("Ünïcødé 😀");
    QTest::newRow("no name: the id") << kBase << QString() << QString() << kBase << s("hand-made");
    QTest::newRow("no base URL") << QString() << s("Orders") << QString() << s("/") << s("Orders");
}

void TestOpenApi::serversAndInfo()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, name);
    QFETCH(QString, description);
    QFETCH(QString, server);
    QFETCH(QString, title);
    ParsedFlow made = makeFlow(s("oauth2"), kNoFields, "[]");
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    made.flow.name = name;
    made.flow.description = description;
    const QJsonObject doc = openApiDocument(made.flow, baseUrl);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());
    QCOMPARE(at(doc, s("/servers")).toArray(), QJsonArray({QJsonObject{{QStringLiteral("url"), server}}}));
    QCOMPARE(at(doc, s("/info/title")).toString(), title);
    QCOMPARE(at(doc, s("/info/version")).toString(), s("1"));
    QCOMPARE(at(doc, s("/info/description")).isUndefined(), description.isEmpty());
    if (!description.isEmpty())
        QCOMPARE(at(doc, s("/info/description")).toString(), description);
    const QString tokenUrl =
        (server == QLatin1String("/") ? QString() : server) + QStringLiteral("/oauth2/v1/token");
    QCOMPARE(at(doc, s("/components/securitySchemes/oauth2/flows/clientCredentials/tokenUrl")).toString(),
             tokenUrl);
    QVERIFY(at(doc, expandPointer(s("@invoke/get/description"), kAlias)).toString().contains(title));
}

void TestOpenApi::errorSchema()
{
    const ParsedFlow made = makeFlow(s("none"), kNoFields, "[]");
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QJsonObject error = at(doc, s("/components/schemas/Error")).toObject();
    QCOMPARE(error.value(QLatin1String("required")), jsonValue(R"(["error"])"));
    QCOMPARE(error.value(QLatin1String("properties")),
             jsonValue(R"({"error": {"type": "string"}, "error_description": {"type": "string"},
                           "executionId": {"type": "string", "pattern": "^[0-9a-f]{32}$"}})"));
    QCOMPARE(error.value(QLatin1String("type")).toString(), s("object"));
    QCOMPARE(at(doc, s("/components/headers/ExecutionId/schema")),
             jsonValue(R"({"type": "string", "pattern": "^[0-9a-f]{32}$"})"));
}

void TestOpenApi::helperFlowHasNoDocument()
{
    const ParsedFlow made = makeFlow(
        s("none"), R"({"type": "helperFlow", "inputs": [{"name": "item", "type": "object"}]})",
        R"([{"id": "r", "function": "flow.return", "inputs": [{"name": "t", "type": "text", "value": "x"}]}])");
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    QVERIFY(made.flow.isHelper());
    QCOMPARE(openApiDocument(made.flow, kBase), QJsonObject());
}

void TestOpenApi::flowWithoutAliasUsesTemplate()
{
    ParsedFlow made = makeFlow(s("clientToken"), kNoFields, "[]");
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    made.flow.alias.clear();
    const QJsonObject doc = openApiDocument(made.flow, kBase);
    const QStringList problems = checkDocument(doc);
    QVERIFY2(problems.isEmpty(), describe(problems).constData());
    QCOMPARE(sortedKeys(doc.value(QLatin1String("paths")).toObject()),
             QStringList({s("/api/flo/{alias}/invoke"), s("/api/flo/{alias}/resume/{executionId}")}));
    QCOMPARE(at(doc, expandPointer(s("@invoke/parameters"), s("{alias}"))),
             jsonValue(R"([{"$ref": "#/components/parameters/Alias"}])"));
    QCOMPARE(
        at(doc, expandPointer(s("@resume/parameters"), s("{alias}"))),
        jsonValue(
            R"([{"$ref": "#/components/parameters/Alias"}, {"$ref": "#/components/parameters/ExecutionId"}])"));
    QCOMPARE(at(doc, s("/components/parameters/Alias/in")).toString(), s("path"));
    QCOMPARE(at(doc, s("/components/parameters/Alias/required")), QJsonValue(true));

    // With an alias, the paths name it and no alias parameter is left.
    made.flow.alias = kAlias;
    const QJsonObject named = openApiDocument(made.flow, kBase);
    QVERIFY(at(named, s("/components/parameters/Alias")).isUndefined());
    QVERIFY(at(named, expandPointer(s("@invoke/parameters"), kAlias)).isUndefined());
}

void TestOpenApi::sameFlowSameDocument()
{
    QFile input(samplesDir() + QStringLiteral("/approval-pause.json"));
    QVERIFY(input.open(QIODevice::ReadOnly));
    const FlowParseResult parsed = flowjson::parse(input.readAll());
    QVERIFY(parsed.ok());
    const QByteArray first =
        QJsonDocument(openApiDocument(*parsed.flow, kBase)).toJson(QJsonDocument::Compact);
    const QByteArray second =
        QJsonDocument(openApiDocument(*parsed.flow, kBase)).toJson(QJsonDocument::Compact);
    QCOMPARE(first, second);
    QVERIFY(first.size() > 1000);
}

void TestOpenApi::checkerCatchesProblems_data()
{
    QTest::addColumn<QString>("pointer");  // "@invoke" / "@resume" stand for the paths
    QTest::addColumn<QByteArray>("value"); // "undefined" removes the member
    QTest::addColumn<QString>("problem");

    QTest::newRow("no title") << s("/info/title") << QByteArray("undefined") << s("info.title is required");
    QTest::newRow("OpenAPI 3.1") << s("/openapi") << QByteArray(R"("3.1.0")") << s("openapi must be 3.0.x");
    QTest::newRow("dangling $ref") << s("@invoke/get/responses/404")
                                   << QByteArray(R"({"$ref": "#/components/responses/Gone"})")
                                   << s("does not resolve");
    QTest::newRow("$ref with siblings")
        << s("@invoke/get/responses/404")
        << QByteArray(R"({"$ref": "#/components/responses/NotFound", "description": "x"})") << s("siblings");
    QTest::newRow("undeclared path parameter")
        << s("/paths/~1api~1flo~1{x}~1invoke")
        << QByteArray(R"({"get": {"responses": {"200": {"description": "ok"}}}})")
        << s("path parameter 'x' is not declared");
    QTest::newRow("optional path parameter") << s("/components/parameters/ExecutionId/required")
                                             << QByteArray("false") << s("a path parameter must be required");
    QTest::newRow("duplicate operationId") << s("@invoke/post/operationId") << QByteArray(R"("invokeGet")")
                                           << s("operationId 'invokeGet' is not unique");
    QTest::newRow("unknown security scheme")
        << s("/security") << QByteArray(R"([{"apiKey": []}])") << s("unknown security scheme 'apiKey'");
    QTest::newRow("unknown scope") << s("/security") << QByteArray(R"([{"oauth2": ["admin"]}])")
                                   << s("unknown scope 'admin'");
    QTest::newRow("array without items")
        << s("/components/schemas/Error/properties/error") << QByteArray(R"({"type": "array"})")
        << s("an array schema needs items");
    QTest::newRow("unknown schema type")
        << s("/components/schemas/Error/type") << QByteArray(R"("null")") << s("schema type must be one of");
    QTest::newRow("schema and content")
        << s("@invoke/get/parameters")
        << QByteArray(R"([{"name": "q", "in": "query", "schema": {}, "content": {"application/json": {}}}])")
        << s("exactly one of schema and content");
    QTest::newRow("response without description")
        << s("@invoke/get/responses/200/description") << QByteArray("undefined")
        << s("a response needs a description");
    QTest::newRow("bad response code")
        << s("@invoke/get/responses/600") << QByteArray(R"({"description": "x"})")
        << s("'600' is not a response code");
    QTest::newRow("GET with a body") << s("@invoke/get/requestBody")
                                     << QByteArray(R"({"content": {"application/json": {"schema": {}}}})")
                                     << s("a GET operation has no requestBody");
    QTest::newRow("bad component name")
        << s("/components/schemas/Bad name") << QByteArray("{}") << s("component names must match");
    QTest::newRow("apiKey without a place")
        << s("/components/securitySchemes/key") << QByteArray(R"({"type": "apiKey", "name": "k"})")
        << s("an apiKey scheme needs name and in");
}

void TestOpenApi::checkerCatchesProblems()
{
    QFETCH(QString, pointer);
    QFETCH(QByteArray, value);
    QFETCH(QString, problem);
    const ParsedFlow made = makeFlow(
        s("oauth2"), R"({"body": [], "query": [{"name": "q", "type": "text"}], "headers": []})", "[]");
    QVERIFY2(made.problems.isEmpty(), qPrintable(made.problems));
    const QJsonObject clean = openApiDocument(made.flow, kBase);
    QVERIFY2(checkOpenApi(clean).isEmpty(), describe(checkOpenApi(clean)).constData());

    const QJsonValue replacement =
        value == "undefined" ? QJsonValue(QJsonValue::Undefined) : jsonValue(value);
    const QJsonObject broken = withAt(clean, expandPointer(pointer, kAlias), replacement);
    QVERIFY(broken != clean);
    const QStringList problems = checkOpenApi(broken);
    bool found = false;
    for (const QString &line : problems)
        found = found || line.contains(problem);
    QVERIFY2(found, describe(problems).constData());
}

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
