#pragma once

// A structural OpenAPI 3.0 check of a document, for tst_openapi and tst_openapioperations: required
// fields, every $ref resolves inside the document, every path parameter declared, security names
// known schemes, schemas, responses and component names well formed. Not a full validator: set
// WF_OPENAPI_DUMP_DIR to have the documents written out for one (see OpenApiTestSupport.h).

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace wf::openapitest {

// JSON Pointer (RFC 6901) of a path inside the document.
inline QString escapeToken(QString token)
{
    return token.replace(QLatin1Char('~'), QStringLiteral("~0"))
        .replace(QLatin1Char('/'), QStringLiteral("~1"));
}

inline QStringList pointerTokens(const QString &pointer)
{
    QStringList tokens = pointer.split(QLatin1Char('/'));
    tokens.removeFirst(); // before the leading '/'
    for (QString &token : tokens)
        token = token.replace(QStringLiteral("~1"), QStringLiteral("/"))
                    .replace(QStringLiteral("~0"), QStringLiteral("~"));
    return tokens;
}

inline QJsonValue at(const QJsonValue &root, const QString &pointer)
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

inline QStringList checkOpenApi(const QJsonObject &document)
{
    return OpenApiChecker(document).problems();
}

} // namespace wf::openapitest
