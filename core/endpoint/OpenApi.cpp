#include "endpoint/OpenApi.h"

#include "engine/CardIds.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>
#include <cmath>

namespace wf {
namespace {

const QString kOAuthScope = QStringLiteral("okta.workflows.invoke.manage");
const QString kHexIdPattern = QStringLiteral("^[0-9a-f]{32}$");
const QString kJson = QStringLiteral("application/json");
const QString kForm = QStringLiteral("application/x-www-form-urlencoded");
const QString kAnyMedia = QStringLiteral("*/*");

QJsonObject ref(const QString &section, const QString &name)
{
    return {{QStringLiteral("$ref"),
             QString(QStringLiteral("#/components/") + section + QLatin1Char('/') + name)}};
}

QJsonObject schemaRef(const QString &name)
{
    return ref(QStringLiteral("schemas"), name);
}

QJsonObject typed(const char *type)
{
    return {{QStringLiteral("type"), QLatin1String(type)}};
}

// Null is the empty value of every type (docs/flow-format.md), so fields and answers may hold null.
QJsonObject nullable(QJsonObject schema)
{
    if (schema.contains(QLatin1String("type")))
        schema.insert(QStringLiteral("nullable"), true);
    return schema;
}

bool isStructured(ValueType type)
{
    return type.base == BaseType::Object || type.base == BaseType::List;
}

QJsonObject objectSchema(const QList<FieldDecl> &fields)
{
    QJsonObject properties;
    for (const FieldDecl &field : fields) {
        if (!properties.contains(field.name))
            properties.insert(field.name, nullable(openApiSchema(field.type)));
    }
    return {{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), properties}};
}

// A Return or Pause card answers with an object of its inputs, typed where the flow declares a type.
QList<FieldDecl> inputFields(const CardNode &card)
{
    QList<FieldDecl> fields;
    for (const InputBinding &input : card.inputs)
        fields.append({input.name, input.type.value_or(ValueType::any())});
    return fields;
}

QJsonObject mediaMap(const QString &mediaType, const QJsonObject &schema)
{
    return {{mediaType, QJsonObject{{QStringLiteral("schema"), schema}}}};
}

QJsonObject header(const QString &description, const QJsonObject &schema)
{
    return {{QStringLiteral("description"), description}, {QStringLiteral("schema"), schema}};
}

// ---- What the flow's cards say about its answers ----

bool isAnsweringCard(const QString &function)
{
    return function == cardid::kReturn || function == cardid::kReturnRaw || function == cardid::kPause ||
           function == cardid::kPauseRaw || function == cardid::kClose;
}

bool isPauseCard(const QString &function)
{
    return function == cardid::kPause || function == cardid::kPauseRaw;
}

// The first top-level card from `from` on that answers the caller (Return, Return Raw, Pause, Pause Raw,
// Close); nested cards only leave their block or cannot be known statically.
const CardNode *answeringCard(const QList<CardNode> &cards, qsizetype from)
{
    for (qsizetype i = from; i < cards.size(); ++i) {
        if (isAnsweringCard(cards.at(i).function))
            return &cards.at(i);
    }
    return nullptr;
}

qsizetype firstPauseIndex(const QList<CardNode> &cards)
{
    for (qsizetype i = 0; i < cards.size(); ++i) {
        if (isPauseCard(cards.at(i).function))
            return i;
    }
    return -1;
}

QString cardLabel(const CardNode &card)
{
    return card.name.isEmpty() ? card.id : card.name;
}

// What a card's statusCode input says statically: the status, "computed" (a reference), or "invalid"
// (a constant the card refuses: the execution fails with 500, which every operation documents).
struct StatusInput {
    enum class Kind { Constant, Computed, Invalid };
    Kind kind = Kind::Constant;
    int status = 0;
};

StatusInput statusInput(const CardNode &card, int absentDefault, bool raw)
{
    const InputBinding *input = card.findInput(QStringLiteral("statusCode"));
    if (!input || input->binding.kind == Binding::Kind::Unset ||
        (input->binding.kind == Binding::Kind::Constant && input->binding.constant.isNull()))
        return {StatusInput::Kind::Constant, absentDefault};
    if (input->binding.kind != Binding::Kind::Constant)
        return {StatusInput::Kind::Computed, 0};
    const QJsonValue value = input->binding.constant;
    bool ok = value.isDouble();
    double number = value.toDouble();
    if (value.isString())
        number = value.toString().trimmed().toDouble(&ok);
    const bool inRange = (number >= 400 && number <= 599) || (raw && number == 200);
    if (!ok || !inRange || number != std::floor(number))
        return {StatusInput::Kind::Invalid, 0};
    return {StatusInput::Kind::Constant, static_cast<int>(number)};
}

// Status codes the flow's own cards may answer with, wherever they sit, and whether it reads the raw body.
struct FlowScan {
    QMap<int, QString> errors; // Return Error / Return Error If: the shared error shape
    QMap<int, QString> raw;    // Return Raw, Pause Raw, Close: what the card sets
    bool computedError = false;
    bool computedRaw = false;
    bool readsRawBody = false;

    void scan(const QList<CardNode> &cards)
    {
        for (const CardNode &card : cards) {
            noteReferences(card.inputs);
            const bool error =
                card.function == cardid::kReturnError || card.function == cardid::kReturnErrorIf;
            const bool rawCard = card.function == cardid::kReturnRaw || card.function == cardid::kPauseRaw ||
                                 card.function == cardid::kClose;
            if (error || rawCard) {
                const StatusInput status = statusInput(card, error ? 400 : 200, rawCard);
                if (status.kind == StatusInput::Kind::Computed)
                    (error ? computedError : computedRaw) = true;
                else if (status.kind == StatusInput::Kind::Constant && status.status != 200)
                    (error ? errors : raw).insert(status.status, cardLabel(card));
            }
            for (const Block &block : card.blocks) {
                noteReferences(block.condition);
                scan(block.cards);
            }
        }
    }

    void noteReferences(const QList<InputBinding> &inputs)
    {
        for (const InputBinding &input : inputs) {
            const Binding &binding = input.binding;
            if (binding.kind == Binding::Kind::Reference && binding.sourceCard == eventCardId() &&
                binding.path.value(0) == QLatin1String("raw") &&
                (binding.path.size() == 1 || binding.path.at(1) == QLatin1String("body")))
                readsRawBody = true;
        }
    }
};

// ---- The document ----

class DocumentBuilder {
public:
    DocumentBuilder(const Flow &flow, const QString &baseUrl) : m_flow(flow), m_baseUrl(baseUrl)
    {
        while (m_baseUrl.endsWith(QLatin1Char('/')))
            m_baseUrl.chop(1);
        m_statuses.scan(flow.cards);
    }

    QJsonObject build()
    {
        addSharedComponents();
        const QString prefix =
            QStringLiteral("/api/flo/") + (m_flow.alias.isEmpty() ? QStringLiteral("{alias}") : m_flow.alias);
        QJsonObject paths;
        paths.insert(QString(prefix + QStringLiteral("/invoke")), invokePath());
        paths.insert(QString(prefix + QStringLiteral("/resume/{executionId}")), resumePath());

        QJsonObject info{{QStringLiteral("title"), title()},
                         {QStringLiteral("version"), QStringLiteral("1")}};
        if (!m_flow.description.isEmpty())
            info.insert(QStringLiteral("description"), m_flow.description);

        QJsonObject document{
            {QStringLiteral("openapi"), QStringLiteral("3.0.3")},
            {QStringLiteral("info"), info},
            {QStringLiteral("servers"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("url"), m_baseUrl.isEmpty() ? QStringLiteral("/") : m_baseUrl}}}},
            {QStringLiteral("paths"), paths},
        };
        addSecurity(&document);
        QJsonObject components;
        const std::pair<const char *, const QJsonObject *> sections[] = {
            {"schemas", &m_schemas},
            {"responses", &m_responses},
            {"parameters", &m_parameters},
            {"headers", &m_headers},
            {"securitySchemes", &m_securitySchemes},
        };
        for (const auto &[name, section] : sections) {
            if (!section->isEmpty())
                components.insert(QLatin1String(name), *section);
        }
        document.insert(QStringLiteral("components"), components);
        return document;
    }

private:
    QString title() const
    {
        if (!m_flow.name.trimmed().isEmpty())
            return m_flow.name;
        return m_flow.id.isEmpty() ? QStringLiteral("Flow") : m_flow.id;
    }

    SecurityLevel security() const { return m_flow.endpoint.security; }

    void addSharedComponents()
    {
        m_schemas.insert(
            QStringLiteral("Error"),
            QJsonObject{
                {QStringLiteral("type"), QStringLiteral("object")},
                {QStringLiteral("description"),
                 QStringLiteral("Every error answer. Return Error cards answer with error and executionId.")},
                {QStringLiteral("required"), QJsonArray{QStringLiteral("error")}},
                {QStringLiteral("properties"),
                 QJsonObject{
                     {QStringLiteral("error"), typed("string")},
                     {QStringLiteral("error_description"), typed("string")},
                     {QStringLiteral("executionId"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                  {QStringLiteral("pattern"), kHexIdPattern}}},
                 }},
            });

        m_headers.insert(
            QStringLiteral("ExecutionId"),
            header(QStringLiteral("The execution this request created (see the execution history)."),
                   QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                               {QStringLiteral("pattern"), kHexIdPattern}}));
        m_headers.insert(QStringLiteral("RetryAfter"),
                         header(QStringLiteral("Seconds to wait before the next invocation."),
                                QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                                            {QStringLiteral("minimum"), 1}}));
        m_headers.insert(
            QStringLiteral("Allow"),
            header(QStringLiteral("The methods this route answers: GET, POST."), typed("string")));

        m_parameters.insert(
            QStringLiteral("ExecutionId"),
            QJsonObject{
                {QStringLiteral("name"), QStringLiteral("executionId")},
                {QStringLiteral("in"), QStringLiteral("path")},
                {QStringLiteral("required"), true},
                {QStringLiteral("description"),
                 QStringLiteral("The id of the paused execution (its X-Execution-Id).")},
                {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                       {QStringLiteral("pattern"), kHexIdPattern}}},
            });
        if (m_flow.alias.isEmpty())
            m_parameters.insert(
                QStringLiteral("Alias"),
                QJsonObject{
                    {QStringLiteral("name"), QStringLiteral("alias")},
                    {QStringLiteral("in"), QStringLiteral("path")},
                    {QStringLiteral("required"), true},
                    {QStringLiteral("description"), QStringLiteral("The flow's alias, from its Invoke URL.")},
                    {QStringLiteral("schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                           {QStringLiteral("pattern"), kHexIdPattern}}},
                });

        addError(
            QStringLiteral("BadRequest"),
            security() == SecurityLevel::ClientToken
                ? QStringLiteral("invalid_request: malformed JSON with a JSON content type, a declared "
                                 "field that cannot convert to its type, or the client token given both "
                                 "in the query and in the header.")
                : QStringLiteral("invalid_request: malformed JSON with a JSON content type, or a declared "
                                 "field that cannot convert to its type."),
            true);
        if (security() == SecurityLevel::ClientToken)
            addError(QStringLiteral("Unauthorized"),
                     QStringLiteral("invalid_client_token: the client token is missing or wrong."), false);
        if (security() == SecurityLevel::OAuth2) {
            m_headers.insert(
                QStringLiteral("WwwAuthenticate"),
                header(QStringLiteral("Bearer realm=\"workflows\" when no access token was sent; "
                                      "Bearer error=\"invalid_token\" with a description "
                                      "otherwise."),
                       typed("string")));
            addError(
                QStringLiteral("Unauthorized"),
                QStringLiteral("invalid_token: no access token, or one that is not valid here (bad "
                               "signature, wrong issuer or audience, expired, app deleted or inactive)."),
                false, {{QStringLiteral("WWW-Authenticate"), QStringLiteral("WwwAuthenticate")}});
            addError(
                QStringLiteral("Forbidden"),
                QStringLiteral("insufficient_scope: the access token lacks okta.workflows.invoke.manage; "
                               "access_denied: the app integration may not call this flow."),
                false);
        }
        addError(QStringLiteral("NotFound"), QStringLiteral("not_found: no flow has this alias."), false);
        addError(QStringLiteral("ExecutionNotFound"),
                 QStringLiteral("not_found: no flow has this alias; execution_not_found: the flow has no "
                                "such execution (paused executions expire)."),
                 false);
        addError(QStringLiteral("MethodNotAllowed"),
                 QStringLiteral("method_not_allowed: the route answers GET and POST only."), false,
                 {{QStringLiteral("Allow"), QStringLiteral("Allow")}});
        addError(QStringLiteral("FlowInactive"), QStringLiteral("flow_inactive: the flow is switched off."),
                 false);
        addError(QStringLiteral("ResumeConflict"),
                 QStringLiteral("flow_inactive: the flow is switched off; execution_not_paused: the "
                                "execution is not (or no longer) paused."),
                 false);
        addError(QStringLiteral("PayloadTooLarge"),
                 QStringLiteral("payload_too_large: the body is larger than the server's limit."), false);
        addError(QStringLiteral("TooManyRequests"),
                 QStringLiteral("rate_limited: too many invocations of this flow a second."), false,
                 {{QStringLiteral("Retry-After"), QStringLiteral("RetryAfter")}});
        addError(QStringLiteral("CardFailed"),
                 QStringLiteral("A card failed: error names the card and the failure."), true);
        addError(QStringLiteral("Unavailable"),
                 QStringLiteral("canceled: the execution was canceled; history_unavailable: the execution "
                                "ran but could not be recorded."),
                 true);
        addError(QStringLiteral("Timeout"),
                 QStringLiteral("timeout: the flow ran past the server's timeout."), true);
    }

    void addError(const QString &name, const QString &description, bool withExecution,
                  const QList<std::pair<QString, QString>> &extraHeaders = {})
    {
        QJsonObject headers;
        if (withExecution)
            headers.insert(QStringLiteral("X-Execution-Id"),
                           ref(QStringLiteral("headers"), QStringLiteral("ExecutionId")));
        for (const auto &[headerName, component] : extraHeaders)
            headers.insert(headerName, ref(QStringLiteral("headers"), component));
        QJsonObject response{
            {QStringLiteral("description"), description},
            {QStringLiteral("content"), mediaMap(kJson, schemaRef(QStringLiteral("Error")))}};
        if (!headers.isEmpty())
            response.insert(QStringLiteral("headers"), headers);
        m_responses.insert(name, response);
    }

    QJsonObject executionHeaders() const
    {
        return {{QStringLiteral("X-Execution-Id"),
                 ref(QStringLiteral("headers"), QStringLiteral("ExecutionId"))}};
    }

    // The 200 answer given by `card` (nullptr: the flow ends without answering card).
    QJsonObject answer(const CardNode *card, const QString &schemaName, const QString &lead)
    {
        QJsonObject response{{QStringLiteral("headers"), executionHeaders()}};
        QString description;
        if (!card) {
            description =
                QStringLiteral("The flow ends without a Return card: an empty object, or {\"message\": "
                               "...} when a Continue If card stops it.");
            response.insert(QStringLiteral("content"), mediaMap(kJson, typed("object")));
        } else if (card->function == cardid::kReturn || card->function == cardid::kPause) {
            const bool pause = card->function == cardid::kPause;
            description = pause
                              ? QStringLiteral("The flow paused at '%1': the Pause card's fields. Resume it "
                                               "with the Resume URL and the X-Execution-Id.")
                                    .arg(cardLabel(*card))
                              : QStringLiteral("The fields of the Return card '%1'.").arg(cardLabel(*card));
            m_schemas.insert(schemaName, objectSchema(inputFields(*card)));
            response.insert(QStringLiteral("content"), mediaMap(kJson, schemaRef(schemaName)));
        } else {
            description = QStringLiteral("The answer the card '%1' sets: its status code, headers and body.")
                              .arg(cardLabel(*card));
            response.insert(QStringLiteral("content"), mediaMap(kAnyMedia, QJsonObject()));
        }
        response.insert(QStringLiteral("description"), QString(lead + description));
        return response;
    }

    QJsonObject responses(bool resume, const QJsonObject &ok)
    {
        QMap<QString, QString> byStatus{
            {QStringLiteral("400"), QStringLiteral("BadRequest")},
            {QStringLiteral("404"),
             resume ? QStringLiteral("ExecutionNotFound") : QStringLiteral("NotFound")},
            {QStringLiteral("405"), QStringLiteral("MethodNotAllowed")},
            {QStringLiteral("409"),
             resume ? QStringLiteral("ResumeConflict") : QStringLiteral("FlowInactive")},
            {QStringLiteral("413"), QStringLiteral("PayloadTooLarge")},
            {QStringLiteral("429"), QStringLiteral("TooManyRequests")},
            {QStringLiteral("500"), QStringLiteral("CardFailed")},
            {QStringLiteral("503"), QStringLiteral("Unavailable")},
            {QStringLiteral("504"), QStringLiteral("Timeout")},
        };
        if (security() != SecurityLevel::None)
            byStatus.insert(QStringLiteral("401"), QStringLiteral("Unauthorized"));
        if (security() == SecurityLevel::OAuth2)
            byStatus.insert(QStringLiteral("403"), QStringLiteral("Forbidden"));

        QJsonObject result{{QStringLiteral("200"), ok}};
        for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
            result.insert(it.key(), ref(QStringLiteral("responses"), it.value()));

        // Statuses the flow's own cards answer with, where the pipeline has none.
        for (auto it = m_statuses.errors.cbegin(); it != m_statuses.errors.cend(); ++it) {
            const QString status = QString::number(it.key());
            if (!result.contains(status))
                result.insert(status, flowResponse(QStringLiteral("FlowError"), it.key(), it.value(), true));
        }
        for (auto it = m_statuses.raw.cbegin(); it != m_statuses.raw.cend(); ++it) {
            const QString status = QString::number(it.key());
            if (!result.contains(status))
                result.insert(status,
                              flowResponse(QStringLiteral("FlowAnswer"), it.key(), it.value(), false));
        }
        if (m_statuses.computedError || m_statuses.computedRaw) {
            if (!m_responses.contains(QStringLiteral("FlowDefault"))) {
                QJsonObject response{
                    {QStringLiteral("description"),
                     QStringLiteral("A status code the flow computes (Return Error, Return Raw, Pause Raw or "
                                    "Close with a status code from an earlier card).")},
                    {QStringLiteral("headers"), executionHeaders()},
                    {QStringLiteral("content"), m_statuses.computedRaw
                                                    ? mediaMap(kAnyMedia, QJsonObject())
                                                    : mediaMap(kJson, schemaRef(QStringLiteral("Error")))},
                };
                m_responses.insert(QStringLiteral("FlowDefault"), response);
            }
            result.insert(QStringLiteral("default"),
                          ref(QStringLiteral("responses"), QStringLiteral("FlowDefault")));
        }
        return result;
    }

    QJsonObject flowResponse(const QString &prefix, int status, const QString &card, bool error)
    {
        const QString name = prefix + QString::number(status);
        if (!m_responses.contains(name)) {
            QJsonObject response{
                {QStringLiteral("description"),
                 error ? QStringLiteral("The flow's Return Error card '%1': error is its message.").arg(card)
                       : QStringLiteral("The answer the flow's card '%1' sets: headers and body.").arg(card)},
                {QStringLiteral("headers"), executionHeaders()},
                {QStringLiteral("content"), error ? mediaMap(kJson, schemaRef(QStringLiteral("Error")))
                                                  : mediaMap(kAnyMedia, QJsonObject())},
            };
            m_responses.insert(name, response);
        }
        return ref(QStringLiteral("responses"), name);
    }

    QJsonObject parameter(const FieldDecl &field, const QString &in) const
    {
        QJsonObject result{
            {QStringLiteral("name"), field.name},
            {QStringLiteral("in"), in},
            {QStringLiteral("required"), false},
            {QStringLiteral("description"),
             QStringLiteral("Declared %1 field (%2).").arg(in, field.type.displayName())},
        };
        // Object and List fields arrive as text holding JSON (docs/flow-format.md, Types).
        if (isStructured(field.type))
            result.insert(QStringLiteral("content"), mediaMap(kJson, openApiSchema(field.type)));
        else
            result.insert(QStringLiteral("schema"), openApiSchema(field.type));
        return result;
    }

    QJsonArray invokeParameters() const
    {
        QJsonArray result;
        QSet<QString> seen;
        for (const FieldDecl &field : m_flow.event.query) {
            const bool reserved =
                field.name.startsWith(QLatin1String("x-okta-workflows"), Qt::CaseInsensitive) ||
                (security() == SecurityLevel::ClientToken && field.name == QLatin1String("clientToken"));
            if (field.name.isEmpty() || reserved || seen.contains(QStringLiteral("q:") + field.name))
                continue;
            seen.insert(QStringLiteral("q:") + field.name);
            result.append(parameter(field, QStringLiteral("query")));
        }
        // OpenAPI ignores header parameters named Accept, Content-Type and Authorization; the client
        // token header belongs to the security scheme.
        static const QStringList ignored{QStringLiteral("accept"), QStringLiteral("content-type"),
                                         QStringLiteral("authorization")};
        for (const FieldDecl &field : m_flow.event.headers) {
            const QString name = field.name.toLower();
            const bool reserved = ignored.contains(name) || (security() == SecurityLevel::ClientToken &&
                                                             name == QLatin1String("x-api-client-token"));
            if (name.isEmpty() || reserved || seen.contains(QStringLiteral("h:") + name))
                continue;
            seen.insert(QStringLiteral("h:") + name);
            result.append(parameter({name, field.type}, QStringLiteral("header")));
        }
        return result;
    }

    std::optional<QJsonObject> invokeBody()
    {
        QJsonObject content;
        if (!m_flow.event.body.isEmpty()) {
            m_schemas.insert(QStringLiteral("InvokeBody"), objectSchema(m_flow.event.body));
            content.insert(kJson,
                           QJsonObject{{QStringLiteral("schema"), schemaRef(QStringLiteral("InvokeBody"))}});
            QJsonObject encoding;
            for (const FieldDecl &field : m_flow.event.body) {
                if (isStructured(field.type))
                    encoding.insert(field.name, QJsonObject{{QStringLiteral("contentType"), kJson}});
            }
            QJsonObject form{{QStringLiteral("schema"), schemaRef(QStringLiteral("InvokeBody"))}};
            if (!encoding.isEmpty())
                form.insert(QStringLiteral("encoding"), encoding);
            content.insert(kForm, form);
        }
        if (m_statuses.readsRawBody)
            content.insert(kAnyMedia, QJsonObject{{QStringLiteral("schema"), QJsonObject()}});
        if (content.isEmpty())
            return std::nullopt;
        return QJsonObject{
            {QStringLiteral("required"), false},
            {QStringLiteral("description"),
             m_flow.event.body.isEmpty()
                 ? QStringLiteral("The flow reads the body as it is received.")
                 : QStringLiteral(
                       "The declared body fields, as a JSON object or a form; each converts to its "
                       "declared type (a value that cannot answers 400).")},
            {QStringLiteral("content"), content},
        };
    }

    std::optional<QJsonObject> resumeBody()
    {
        const qsizetype first = firstPauseIndex(m_flow.cards);
        if (first < 0)
            return std::nullopt;
        if (m_flow.cards.at(first).function == cardid::kPauseRaw)
            return QJsonObject{
                {QStringLiteral("required"), false},
                {QStringLiteral("description"),
                 QStringLiteral("The Pause Raw card's outputs: the request's headers and body.")},
                {QStringLiteral("content"), mediaMap(kAnyMedia, QJsonObject())},
            };
        // Every top-level Pause card's declared outputs: one of them is waiting.
        QList<FieldDecl> outputs;
        for (const CardNode &card : m_flow.cards) {
            if (card.function == cardid::kPause)
                outputs += card.outputs;
        }
        m_schemas.insert(QStringLiteral("ResumeBody"), objectSchema(outputs));
        return QJsonObject{
            {QStringLiteral("required"), false},
            {QStringLiteral("description"),
             QStringLiteral("A JSON object whose fields become the Pause card's declared outputs.")},
            {QStringLiteral("content"), mediaMap(kJson, schemaRef(QStringLiteral("ResumeBody")))},
        };
    }

    QString securityNote() const
    {
        switch (security()) {
        case SecurityLevel::None:
            return QStringLiteral(" Anyone with the URL may call it.");
        case SecurityLevel::ClientToken:
            return QStringLiteral(" Send the flow's client token in the clientToken query parameter or the "
                                  "x-api-client-token header, not both.");
        case SecurityLevel::OAuth2:
            return QStringLiteral(" Send Authorization: Bearer with an access token of this server's token "
                                  "endpoint (client credentials, private_key_jwt) carrying the "
                                  "okta.workflows.invoke.manage scope.");
        }
        return {};
    }

    QJsonObject operation(const QString &operationId, const QString &summary, const QString &description,
                          const QJsonArray &parameters, const std::optional<QJsonObject> &body,
                          const QJsonObject &responses) const
    {
        QJsonObject result{
            {QStringLiteral("operationId"), operationId},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("description"), QString(description + securityNote())},
            {QStringLiteral("responses"), responses},
        };
        if (!parameters.isEmpty())
            result.insert(QStringLiteral("parameters"), parameters);
        if (body)
            result.insert(QStringLiteral("requestBody"), *body);
        return result;
    }

    QJsonArray pathParameters(bool resume) const
    {
        QJsonArray result;
        if (m_flow.alias.isEmpty())
            result.append(ref(QStringLiteral("parameters"), QStringLiteral("Alias")));
        if (resume)
            result.append(ref(QStringLiteral("parameters"), QStringLiteral("ExecutionId")));
        return result;
    }

    QJsonObject invokePath()
    {
        const QJsonObject ok =
            answer(answeringCard(m_flow.cards, 0), QStringLiteral("InvokeAnswer"), QString());
        const QJsonObject codes = responses(false, ok);
        const QJsonArray parameters = invokeParameters();
        const QString description =
            QStringLiteral("Runs the flow '%1' and answers with its output.").arg(title());
        QJsonObject path{
            {QStringLiteral("get"), operation(QStringLiteral("invokeGet"), QStringLiteral("Invoke the flow"),
                                              description, parameters, std::nullopt, codes)},
            {QStringLiteral("post"),
             operation(QStringLiteral("invokePost"), QStringLiteral("Invoke the flow with a body"),
                       description, parameters, invokeBody(), codes)},
        };
        const QJsonArray common = pathParameters(false);
        if (!common.isEmpty())
            path.insert(QStringLiteral("parameters"), common);
        return path;
    }

    QJsonObject resumePath()
    {
        const qsizetype pause = firstPauseIndex(m_flow.cards);
        QJsonObject ok;
        if (pause < 0)
            ok =
                answer(answeringCard(m_flow.cards, 0), QStringLiteral("InvokeAnswer"),
                       QStringLiteral("This flow has no Pause card, so no execution of it can be resumed. "));
        else
            ok = answer(answeringCard(m_flow.cards, pause + 1), QStringLiteral("ResumeAnswer"), QString());
        const QJsonObject codes = responses(true, ok);
        const QString description =
            QStringLiteral("Resumes a paused execution of the flow '%1' and answers with its final output.")
                .arg(title());
        return {
            {QStringLiteral("parameters"), pathParameters(true)},
            {QStringLiteral("get"),
             operation(QStringLiteral("resumeGet"), QStringLiteral("Resume a paused execution"), description,
                       {}, std::nullopt, codes)},
            {QStringLiteral("post"),
             operation(QStringLiteral("resumePost"), QStringLiteral("Resume a paused execution with a body"),
                       description, {}, resumeBody(), codes)},
        };
    }

    void addSecurity(QJsonObject *document)
    {
        switch (security()) {
        case SecurityLevel::None:
            return;
        case SecurityLevel::ClientToken:
            m_securitySchemes.insert(
                QStringLiteral("clientTokenQuery"),
                QJsonObject{{QStringLiteral("type"), QStringLiteral("apiKey")},
                            {QStringLiteral("in"), QStringLiteral("query")},
                            {QStringLiteral("name"), QStringLiteral("clientToken")},
                            {QStringLiteral("description"),
                             QStringLiteral("The flow's client token (API endpoint settings).")}});
            m_securitySchemes.insert(
                QStringLiteral("clientTokenHeader"),
                QJsonObject{{QStringLiteral("type"), QStringLiteral("apiKey")},
                            {QStringLiteral("in"), QStringLiteral("header")},
                            {QStringLiteral("name"), QStringLiteral("x-api-client-token")},
                            {QStringLiteral("description"),
                             QStringLiteral("The flow's client token, as a header instead of the query.")}});
            // Two requirement objects: either one satisfies.
            document->insert(QStringLiteral("security"),
                             QJsonArray{QJsonObject{{QStringLiteral("clientTokenQuery"), QJsonArray()}},
                                        QJsonObject{{QStringLiteral("clientTokenHeader"), QJsonArray()}}});
            return;
        case SecurityLevel::OAuth2:
            m_securitySchemes.insert(
                QStringLiteral("oauth2"),
                QJsonObject{
                    {QStringLiteral("type"), QStringLiteral("oauth2")},
                    {QStringLiteral("description"),
                     QStringLiteral(
                         "Client credentials grant; the client authenticates with private_key_jwt "
                         "(a JWT assertion signed with a key of its API Services app integration).")},
                    {QStringLiteral("flows"),
                     QJsonObject{
                         {QStringLiteral("clientCredentials"),
                          QJsonObject{
                              {QStringLiteral("tokenUrl"),
                               QString(m_baseUrl + QStringLiteral("/oauth2/v1/token"))},
                              {QStringLiteral("scopes"),
                               QJsonObject{{kOAuthScope, QStringLiteral("Invoke API endpoint flows")}}},
                          }}}},
                });
            document->insert(QStringLiteral("security"),
                             QJsonArray{QJsonObject{{QStringLiteral("oauth2"), QJsonArray{kOAuthScope}}}});
            return;
        }
    }

    const Flow &m_flow;
    QString m_baseUrl;
    FlowScan m_statuses;
    QJsonObject m_schemas;
    QJsonObject m_responses;
    QJsonObject m_parameters;
    QJsonObject m_headers;
    QJsonObject m_securitySchemes;
};

} // namespace

QJsonObject openApiSchema(ValueType type)
{
    switch (type.base) {
    case BaseType::Any:
        return {};
    case BaseType::Text:
        return typed("string");
    case BaseType::Number:
        return typed("number");
    case BaseType::Boolean:
        return typed("boolean");
    case BaseType::DateTime:
        return {{QStringLiteral("type"), QStringLiteral("string")},
                {QStringLiteral("format"), QStringLiteral("date-time")}};
    case BaseType::Object:
        return typed("object");
    case BaseType::List:
        return {{QStringLiteral("type"), QStringLiteral("array")},
                {QStringLiteral("items"), openApiSchema(ValueType{type.element, BaseType::Any})}};
    }
    return {};
}

QJsonObject openApiDocument(const Flow &flow, const QString &baseUrl)
{
    if (flow.isHelper())
        return {};
    return DocumentBuilder(flow, baseUrl).build();
}

} // namespace wf
