// The Object card family: Construct, Get, Get Multiple, Set, Merge, Keys, Values.
// Paths are dot paths ("a.b.0.c"): a segment is a key into an object or, on a list, a 0-based index.
// A null object is the empty object, so optional request fields can flow through Get with a default.

#include "engine/CardCatalogue.h"
#include "engine/ValuePath.h"
#include "flow/Flow.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace wf {
namespace {

QJsonObject objectOrEmpty(const QJsonValue &value)
{
    return value.isObject() ? value.toObject() : QJsonObject();
}

// Replaces the value at segments[pos...] inside `container`, creating objects where nothing is.
Result<QJsonValue> setAtPath(const QJsonValue &container, const QStringList &segments, qsizetype pos,
                             const QJsonValue &value)
{
    if (pos == segments.size())
        return value;
    const QString &segment = segments.at(pos);
    const QString where = segments.mid(0, pos).join(QLatin1Char('.'));
    if (container.isNull() || container.isUndefined() || container.isObject()) {
        QJsonObject object = objectOrEmpty(container);
        auto child = setAtPath(object.value(segment), segments, pos + 1, value);
        if (!child)
            return child;
        object.insert(segment, *child);
        return QJsonValue(object);
    }
    if (container.isArray()) {
        QJsonArray array = container.toArray();
        const auto index = pathIndex(segment);
        if (!index)
            return makeError(ErrorType::InvalidInput,
                             QStringLiteral("path: \"%1\" is a list, and \"%2\" is not an index")
                                 .arg(shortText(where), shortText(segment)));
        if (*index > array.size())
            return makeError(
                ErrorType::InvalidInput,
                QStringLiteral("path: index %1 is out of range at \"%2\" (%3 items)")
                    .arg(QString::number(*index), shortText(where), QString::number(array.size())));
        auto child =
            setAtPath(*index < array.size() ? array.at(*index) : QJsonValue(), segments, pos + 1, value);
        if (!child)
            return child;
        if (*index == array.size())
            array.append(*child);
        else
            array.replace(*index, *child);
        return QJsonValue(array);
    }
    return makeError(ErrorType::InvalidInput,
                     QStringLiteral("path: \"%1\" holds a %2, not an object or a list")
                         .arg(shortText(where), typeOfValue(container).displayName()));
}

// Nested objects merge key by key; anything else in `b` (lists included) replaces what `a` has.
QJsonObject deepMerge(QJsonObject a, const QJsonObject &b)
{
    for (auto it = b.begin(); it != b.end(); ++it) {
        const QJsonValue mine = a.value(it.key());
        if (mine.isObject() && it.value().isObject())
            a.insert(it.key(), deepMerge(mine.toObject(), it.value().toObject()));
        else
            a.insert(it.key(), it.value());
    }
    return a;
}

Result<QJsonObject> runConstruct(const CardCall &call)
{
    QJsonObject output;
    for (const InputBinding &input : call.node.inputs) {
        const QJsonValue value = call.input(input.name);
        output.insert(input.name, value.isUndefined() ? QJsonValue() : value);
    }
    return QJsonObject{{QStringLiteral("output"), output}};
}

Result<QJsonObject> runGet(const CardCall &call)
{
    const QString path = call.input(QStringLiteral("path")).toString();
    auto segments = splitValuePath(QStringLiteral("path"), path);
    if (!segments)
        return segments.error();
    // The default stands in for an empty (null) value too: "use this when there is nothing there".
    const auto found = valueAtPath(call.input(QStringLiteral("object")), *segments);
    const QJsonValue fallback = call.input(QStringLiteral("default"));
    const bool hasDefault = !fallback.isNull() && !fallback.isUndefined();
    if (found && (!found->isNull() || !hasDefault))
        return QJsonObject{{QStringLiteral("value"), *found}};
    if (hasDefault)
        return QJsonObject{{QStringLiteral("value"), fallback}};
    return makeError(ErrorType::NotFound, QStringLiteral("path: nothing at \"%1\"").arg(shortText(path)));
}

Result<QJsonObject> runGetMultiple(const CardCall &call)
{
    const QJsonValue pathsOption = call.node.options.value(QStringLiteral("paths"));
    if (!pathsOption.isUndefined() && !pathsOption.isNull() && !pathsOption.isObject())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("paths: the option must be an object of output name to path"));
    const QJsonObject paths = pathsOption.toObject();
    const QJsonValue object = call.input(QStringLiteral("object"));
    QJsonObject outputs;
    for (const FieldDecl &output : call.node.outputs) {
        const QJsonValue pathValue = paths.value(output.name);
        if (!pathValue.isUndefined() && !pathValue.isString())
            return makeError(
                ErrorType::InvalidInput,
                QStringLiteral("paths: the path of \"%1\" must be text").arg(shortText(output.name)));
        const QString path = pathValue.isString() ? pathValue.toString() : output.name;
        auto segments = splitValuePath(QStringLiteral("paths"), path);
        if (!segments)
            return segments.error();
        const QJsonValue found = valueAtPath(object, *segments).value_or(QJsonValue());
        auto converted = convertValue(found, output.type);
        if (!converted)
            return makeError(converted.error().type,
                             QStringLiteral("%1: %2").arg(shortText(output.name), converted.error().message));
        outputs.insert(output.name, *converted);
    }
    return outputs;
}

Result<QJsonObject> runSet(const CardCall &call)
{
    auto segments = splitValuePath(QStringLiteral("path"), call.input(QStringLiteral("path")).toString());
    if (!segments)
        return segments.error();
    const QJsonObject object = objectOrEmpty(call.input(QStringLiteral("object")));
    auto updated = setAtPath(object, *segments, 0, call.input(QStringLiteral("value")));
    if (!updated)
        return updated.error();
    return QJsonObject{{QStringLiteral("output"), *updated}};
}

Result<QJsonObject> runMerge(const CardCall &call)
{
    const QJsonObject merged = deepMerge(objectOrEmpty(call.input(QStringLiteral("a"))),
                                         objectOrEmpty(call.input(QStringLiteral("b"))));
    return QJsonObject{{QStringLiteral("output"), merged}};
}

Result<QJsonObject> runKeys(const CardCall &call)
{
    return QJsonObject{
        {QStringLiteral("keys"),
         QJsonArray::fromStringList(objectOrEmpty(call.input(QStringLiteral("object"))).keys())}};
}

Result<QJsonObject> runValues(const CardCall &call)
{
    QJsonArray values;
    const QJsonObject object = objectOrEmpty(call.input(QStringLiteral("object")));
    for (auto it = object.begin(); it != object.end(); ++it)
        values.append(it.value());
    return QJsonObject{{QStringLiteral("values"), values}};
}

} // namespace

void registerObjectCards(CardCatalogue &catalogue)
{
    const CardFamily family{QStringLiteral("object"), QStringLiteral("Object")};
    const auto card = [&family](const char *id, const QString &name, const QString &description,
                                QList<PortSpec> inputs, QList<PortSpec> outputs, CardFunction run) {
        return family.card(QLatin1String(id), name, description, std::move(inputs), std::move(outputs),
                           std::move(run));
    };
    const PortSpec object = port(QStringLiteral("object"), ValueType::object(), false,
                                 QStringLiteral("The object (empty when null)."));
    const PortSpec path = port(QStringLiteral("path"), ValueType::text(), true,
                               QStringLiteral("Dot path (\"a.b.0.c\"); list indexes count from 0."));

    CardSpec construct = card(
        "construct", QStringLiteral("Construct"), QStringLiteral("Builds an object with one key per input."),
        {}, {port(QStringLiteral("output"), ValueType::object(), false, QStringLiteral("The object."))},
        runConstruct);
    construct.dynamicInputs = true;
    catalogue.add(std::move(construct));

    catalogue.add(card(
        "get", QStringLiteral("Get"), QStringLiteral("Reads the value at a dot path of an object."),
        {object, path,
         port(QStringLiteral("default"), ValueType::any(), false,
              QStringLiteral("Returned when nothing is at the path (otherwise Not Found)."))},
        {port(QStringLiteral("value"), ValueType::any(), false, QStringLiteral("The value at the path."))},
        runGet));

    // The declared outputs name the values; option "paths" maps an output name to its dot path.
    CardSpec getMultiple = card("getMultiple", QStringLiteral("Get Multiple"),
                                QStringLiteral("Reads one value per declared output (null where missing)."),
                                {object}, {}, runGetMultiple);
    getMultiple.dynamicOutputs = true;
    catalogue.add(std::move(getMultiple));

    catalogue.add(card(
        "set", QStringLiteral("Set"),
        QStringLiteral("Sets the value at a dot path, creating objects on the way."),
        {object, path,
         port(QStringLiteral("value"), ValueType::any(), false, QStringLiteral("The value to set."))},
        {port(QStringLiteral("output"), ValueType::object(), false, QStringLiteral("The changed object."))},
        runSet));

    catalogue.add(card(
        "merge", QStringLiteral("Merge"),
        QStringLiteral("Merges two objects deeply; b wins where both have a key."),
        {port(QStringLiteral("a"), ValueType::object(), false, QStringLiteral("The base object.")),
         port(QStringLiteral("b"), ValueType::object(), false, QStringLiteral("The object that wins."))},
        {port(QStringLiteral("output"), ValueType::object(), false, QStringLiteral("The merged object."))},
        runMerge));

    catalogue.add(card("keys", QStringLiteral("Keys"), QStringLiteral("Lists the keys of an object."),
                       {object},
                       {port(QStringLiteral("keys"), ValueType::list(BaseType::Text), false,
                             QStringLiteral("The keys, in the object's (sorted) order."))},
                       runKeys));

    catalogue.add(card("values", QStringLiteral("Values"), QStringLiteral("Lists the values of an object."),
                       {object},
                       {port(QStringLiteral("values"), ValueType::list(), false,
                             QStringLiteral("The values, in the order of the keys."))},
                       runValues));
}

} // namespace wf
