#pragma once

// The flow model: what a flow is once loaded from its JSON form (docs/flow-format.md). Plain values,
// cheap to copy, shared read-only between the executions that run them.

#include "engine/ValueType.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace wf {

// An input's source: a constant, or a reference `<cardId>.<output>[.<path>...]` to an earlier output.
struct Binding {
    enum class Kind { Unset, Constant, Reference };
    Kind kind = Kind::Unset;
    QJsonValue constant = QJsonValue(QJsonValue::Null);
    QString reference;  // as written: "event.body.name"
    QString sourceCard; // "event"
    QStringList path;   // {"body", "name"}: output name, then keys into it

    static Binding fromConstant(QJsonValue value);
    // Splits `reference` at its dots; false when it has fewer than two parts or an empty part.
    static bool parseReference(const QString &reference, Binding *out);
};

struct InputBinding {
    QString name;
    // Declared type for inputs the flow adds itself (dynamic inputs); unset for catalogue inputs.
    std::optional<ValueType> type;
    Binding binding;
};

struct FieldDecl {
    QString name;
    ValueType type;
};

struct CardNode;

// A block inside If/Else, If/ElseIf or If Error. `condition` holds the inputs "a", "operator", "b"
// (and optionally "compareAs"); a block without a condition is the else (or the error) branch.
struct Block {
    QString label;
    QList<InputBinding> condition;
    QList<CardNode> cards;
};

struct CardNode {
    QString id;
    QString function;
    QString name; // optional label; the catalogue name when empty
    QList<InputBinding> inputs;
    QList<FieldDecl> outputs; // declared outputs (cards with dynamic outputs)
    QJsonObject options;      // static settings: "flow" for Call Flow, "compareAs", ...
    QList<Block> blocks;

    const InputBinding *findInput(const QString &inputName) const;
};

enum class EventType { ApiEndpoint, HelperFlow };

struct EventCard {
    EventType type = EventType::ApiEndpoint;
    QList<FieldDecl> body;    // API Endpoint
    QList<FieldDecl> query;   // API Endpoint
    QList<FieldDecl> headers; // API Endpoint, lower-case names
    QList<FieldDecl> inputs;  // Helper Flow
};

enum class SecurityLevel { None, ClientToken, OAuth2 };

QString securityLevelId(SecurityLevel level); // "none", "clientToken", "oauth2"
std::optional<SecurityLevel> parseSecurityLevel(const QString &id);
QString securityLevelDisplayName(SecurityLevel level); // "Secure with OAuth 2.0", ...

struct EndpointSettings {
    SecurityLevel security = SecurityLevel::None;
    bool anyApp = true;      // OAuth 2.0: "Any" or "Select from list"
    QStringList allowedApps; // client ids when !anyApp
    QStringList corsOrigins; // empty: CORS off
    QString clientTokenHash; // SHA-256 (hex) of the client token; the token itself is in the secret store
};

struct Flow {
    QString id;
    QString name;
    QString description;
    QString alias; // 32 lowercase hex characters
    bool active = true;
    bool saveAllData = true;
    EndpointSettings endpoint;
    EventCard event;
    QList<CardNode> cards;

    bool isHelper() const { return event.type == EventType::HelperFlow; }
};

// The id every flow uses for its event card in references ("event.body.name").
inline QString eventCardId()
{
    return QStringLiteral("event");
}

} // namespace wf
