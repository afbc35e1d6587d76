// The List card family: Construct, At, Length, For Each, Map, Filter, Find, Pluck, List to Text, Sort,
// Remove Duplicates. A null list is the empty list. Indexes count from 0, in item positions, in error
// messages and in the index given to helper flows.

#include "engine/CardCatalogue.h"
#include "engine/Comparison.h"
#include "engine/ValuePath.h"
#include "flow/Flow.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

namespace wf {
namespace {

QJsonArray listInput(const CardCall &call)
{
    return call.input(QStringLiteral("list")).toArray();
}

// The same dot paths as the Object cards; an empty path means the item itself.
Result<QStringList> splitPath(const QString &inputName, const QString &path)
{
    return splitValuePath(inputName, path, true);
}

// Null where the path leads nowhere: the list cards treat a missing field as an empty one.
QJsonValue valueAt(const QJsonValue &root, const QStringList &parts)
{
    return valueAtPath(root, parts).value_or(QJsonValue(QJsonValue::Null));
}

// ---- Construct, At, Length --------------------------------------------------------------------

Result<QJsonObject> runConstruct(const CardCall &call)
{
    QJsonArray list;
    for (const InputBinding &input : call.node.inputs) {
        const QJsonValue value = call.input(input.name);
        list.append(value.isUndefined() ? QJsonValue() : value);
    }
    return QJsonObject{{QStringLiteral("list"), list}};
}

Result<QJsonObject> runAt(const CardCall &call)
{
    const QJsonArray list = listInput(call);
    const double index = call.input(QStringLiteral("index")).toDouble();
    if (!std::isfinite(index) || std::trunc(index) != index)
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("index: %1 is not a whole number").arg(numberToText(index)));
    const double size = static_cast<double>(list.size());
    const double position = index < 0 ? index + size : index;
    if (position < 0 || position >= size)
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("index: %1 is out of range (%2 items)").arg(numberToText(index)).arg(list.size()));
    return QJsonObject{{QStringLiteral("item"), list.at(static_cast<qsizetype>(position))}};
}

Result<QJsonObject> runLength(const CardCall &call)
{
    return QJsonObject{{QStringLiteral("length"), static_cast<double>(listInput(call).size())}};
}

// ---- For Each, Map ------------------------------------------------------------------------------

// What every call of the helper flow shares; only the item and its index change.
struct HelperCall {
    QString flowId;
    QString itemInput;
    QString indexInput;
    QJsonObject sharedInputs;
};

Result<QString> textOption(const CardCall &call, const QString &name, const QString &fallback)
{
    const QJsonValue value = call.node.options.value(name);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isString() || value.toString().isEmpty())
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("%1: the option must be a non-empty text").arg(name));
    return value.toString();
}

Result<HelperCall> prepareHelperCall(const CardCall &call)
{
    HelperCall helper;
    auto flowId = textOption(call, QStringLiteral("flow"), QString());
    if (!flowId)
        return flowId.error();
    if (flowId->isEmpty())
        return makeError(ErrorType::InvalidInput, QStringLiteral("flow: no helper flow is selected"));
    helper.flowId = *flowId;
    auto itemInput = textOption(call, QStringLiteral("itemInput"), QStringLiteral("item"));
    if (!itemInput)
        return itemInput.error();
    helper.itemInput = *itemInput;
    auto indexInput = textOption(call, QStringLiteral("indexInput"), QString());
    if (!indexInput)
        return indexInput.error();
    helper.indexInput = *indexInput;
    for (const InputBinding &input : call.node.inputs) {
        if (input.name != QLatin1String("list"))
            helper.sharedInputs.insert(input.name, call.input(input.name));
    }
    return helper;
}

// Calls the helper once per item, in order, and hands each Return object to `collect`.
template <typename Collect>
Result<bool> callPerItem(const CardCall &call, Collect &&collect)
{
    auto helper = prepareHelperCall(call);
    if (!helper)
        return helper.error();
    const QJsonArray list = listInput(call);
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (call.env.stopRequested())
            return makeError(ErrorType::Canceled,
                             QStringLiteral("canceled before item %1 of %2").arg(i).arg(list.size()));
        QJsonObject inputs = helper->sharedInputs;
        inputs.insert(helper->itemInput, list.at(i));
        if (!helper->indexInput.isEmpty())
            inputs.insert(helper->indexInput, static_cast<double>(i));
        auto returned = call.env.callFlow(helper->flowId, inputs);
        if (!returned)
            return makeError(returned.error().type,
                             QStringLiteral("item %1: %2").arg(i).arg(returned.error().message));
        collect(std::move(returned).value());
    }
    return true;
}

Result<QJsonObject> runForEach(const CardCall &call)
{
    auto done = callPerItem(call, [](const QJsonObject &) {});
    if (!done)
        return done.error();
    return QJsonObject();
}

Result<QJsonObject> runMap(const CardCall &call)
{
    QJsonArray output;
    auto done = callPerItem(call, [&output](const QJsonObject &returned) {
        // A helper that returns one field maps to that field's value, so lists stay flat.
        output.append(returned.size() == 1 ? returned.begin().value() : QJsonValue(returned));
    });
    if (!done)
        return done.error();
    return QJsonObject{{QStringLiteral("output"), output}};
}

// ---- Filter, Find -------------------------------------------------------------------------------

Result<CompareAs> compareAsInput(const CardCall &call)
{
    const QString name = call.input(QStringLiteral("compareAs")).toString();
    const auto as = parseCompareAs(name);
    if (!as)
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("compareAs: \"%1\" is not one of auto, text, number, boolean, datetime")
                .arg(shortText(name)));
    return *as;
}

struct Matcher {
    QString op;
    QJsonValue value;
    QStringList path;
    CompareAs as = CompareAs::Auto;
};

Result<Matcher> makeMatcher(const CardCall &call)
{
    Matcher matcher;
    matcher.op = call.input(QStringLiteral("operator")).toString();
    // Checked up front so that a wrong operator fails on an empty list too.
    const auto known = std::any_of(comparisonOperators().begin(), comparisonOperators().end(),
                                   [&matcher](const QString &name) {
                                       return matcher.op.trimmed().compare(name, Qt::CaseInsensitive) == 0;
                                   });
    if (!known)
        return makeError(
            ErrorType::InvalidInput,
            QStringLiteral("operator: \"%1\" is not a comparison operator").arg(shortText(matcher.op)));
    matcher.value = call.input(QStringLiteral("value"));
    auto path = splitPath(QStringLiteral("path"), call.input(QStringLiteral("path")).toString());
    if (!path)
        return path.error();
    matcher.path = *path;
    auto as = compareAsInput(call);
    if (!as)
        return as.error();
    matcher.as = *as;
    return matcher;
}

Result<bool> matches(const Matcher &matcher, const QJsonValue &item, qsizetype index)
{
    const QJsonValue compared = valueAt(item, matcher.path);
    auto result = compareValues(compared, matcher.op, matcher.value, matcher.as);
    // An item without the field (or an empty one) simply does not match an ordering such as "greater
    // than"; only values that are there but cannot be compared fail the card.
    if (!result && compared.isNull())
        return false;
    if (!result)
        return makeError(result.error().type,
                         QStringLiteral("item %1: %2").arg(index).arg(result.error().message));
    return result;
}

Result<QJsonObject> runFilter(const CardCall &call)
{
    auto matcher = makeMatcher(call);
    if (!matcher)
        return matcher.error();
    const QJsonArray list = listInput(call);
    QJsonArray output;
    for (qsizetype i = 0; i < list.size(); ++i) {
        auto match = matches(*matcher, list.at(i), i);
        if (!match)
            return match.error();
        if (*match)
            output.append(list.at(i));
    }
    return QJsonObject{{QStringLiteral("output"), output}};
}

Result<QJsonObject> runFind(const CardCall &call)
{
    auto matcher = makeMatcher(call);
    if (!matcher)
        return matcher.error();
    const QJsonArray list = listInput(call);
    for (qsizetype i = 0; i < list.size(); ++i) {
        auto match = matches(*matcher, list.at(i), i);
        if (!match)
            return match.error();
        if (*match)
            return QJsonObject{{QStringLiteral("item"), list.at(i)},
                               {QStringLiteral("index"), static_cast<double>(i)}};
    }
    return QJsonObject{{QStringLiteral("item"), QJsonValue()}, {QStringLiteral("index"), -1.0}};
}

// ---- Pluck, List to Text ------------------------------------------------------------------------

Result<QJsonObject> runPluck(const CardCall &call)
{
    const QString key = call.input(QStringLiteral("key")).toString();
    if (key.isEmpty())
        return makeError(ErrorType::InvalidInput, QStringLiteral("key: the path is empty"));
    auto path = splitPath(QStringLiteral("key"), key);
    if (!path)
        return path.error();
    const QJsonArray list = listInput(call);
    QJsonArray output;
    for (const QJsonValue &item : list)
        output.append(valueAt(item, *path));
    return QJsonObject{{QStringLiteral("output"), output}};
}

Result<QJsonObject> runListToText(const CardCall &call)
{
    const QString separator = call.input(QStringLiteral("separator")).toString();
    QString output;
    const QJsonArray list = listInput(call);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString part = valueToText(list.at(i));
        if (output.size() + separator.size() + part.size() > kMaxTextLength)
            return makeError(
                ErrorType::LimitExceeded,
                QStringLiteral("list: the text would be longer than %1 characters").arg(kMaxTextLength));
        if (i > 0)
            output += separator;
        output += part;
    }
    return QJsonObject{{QStringLiteral("output"), output}};
}

// ---- Sort ---------------------------------------------------------------------------------------

// The position of a value in the order: numbers (and anything compared as a number), then texts,
// then everything else in its original order.
struct SortKey {
    int rank = 2;
    double number = 0;
    QList<uint> codePoints; // UTF-16 order puts U+10000.. before U+E000..; code points do not
};

Result<SortKey> sortKey(const QJsonValue &value, CompareAs as, qsizetype index)
{
    SortKey key;
    if (value.isNull() || value.isUndefined())
        return key;
    const auto fail = [index](const QString &message) {
        return makeError(ErrorType::InvalidTypeConversion,
                         QStringLiteral("item %1: %2").arg(index).arg(message));
    };
    switch (as) {
    case CompareAs::Auto:
        if (value.isDouble()) {
            key.rank = 0;
            key.number = value.toDouble();
        } else if (value.isString()) {
            key.rank = 1;
            key.codePoints = value.toString().toUcs4();
        }
        return key;
    case CompareAs::Text:
        key.rank = 1;
        key.codePoints = valueToText(value).toUcs4();
        return key;
    case CompareAs::Number:
    case CompareAs::Boolean: {
        auto converted =
            convertValue(value, as == CompareAs::Number ? ValueType::number() : ValueType::boolean());
        if (!converted)
            return fail(converted.error().message);
        key.rank = 0;
        key.number = converted->isBool() ? (converted->toBool() ? 1 : 0) : converted->toDouble();
        return key;
    }
    case CompareAs::DateTime: {
        const auto parsed = value.isString() ? parseDateTime(value.toString()) : std::nullopt;
        if (!parsed)
            return fail(
                QStringLiteral("cannot compare %1 as Date & Time").arg(typeOfValue(value).displayName()));
        key.rank = 0;
        key.number = static_cast<double>(parsed->toMSecsSinceEpoch());
        return key;
    }
    }
    return key;
}

bool keyLess(const SortKey &a, const SortKey &b)
{
    if (a.rank != b.rank)
        return a.rank < b.rank;
    if (a.rank == 0)
        return a.number < b.number;
    if (a.rank == 1)
        return std::lexicographical_compare(a.codePoints.begin(), a.codePoints.end(), b.codePoints.begin(),
                                            b.codePoints.end());
    return false;
}

Result<QJsonObject> runSort(const CardCall &call)
{
    QString order = call.input(QStringLiteral("order")).toString().trimmed().toLower();
    if (order.isEmpty())
        order = QStringLiteral("asc");
    if (order != QLatin1String("asc") && order != QLatin1String("desc"))
        return makeError(ErrorType::InvalidInput,
                         QStringLiteral("order: \"%1\" is not asc or desc").arg(shortText(order)));
    auto path = splitPath(QStringLiteral("path"), call.input(QStringLiteral("path")).toString());
    if (!path)
        return path.error();
    auto as = compareAsInput(call);
    if (!as)
        return as.error();
    const QJsonArray list = listInput(call);
    QList<SortKey> keys;
    keys.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        auto key = sortKey(valueAt(list.at(i), *path), *as, i);
        if (!key)
            return key.error();
        keys.append(std::move(key).value());
    }
    QList<qsizetype> positions(list.size());
    std::iota(positions.begin(), positions.end(), qsizetype(0));
    const bool descending = order == QLatin1String("desc");
    // Descending mirrors the comparison (not the result), so equal items keep their order.
    std::stable_sort(positions.begin(), positions.end(), [&keys, descending](qsizetype a, qsizetype b) {
        return descending ? keyLess(keys.at(b), keys.at(a)) : keyLess(keys.at(a), keys.at(b));
    });
    QJsonArray output;
    for (const qsizetype position : positions)
        output.append(list.at(position));
    return QJsonObject{{QStringLiteral("output"), output}};
}

Result<QJsonObject> runRemoveDuplicates(const CardCall &call)
{
    const QJsonArray list = listInput(call);
    QSet<QJsonValue> seen;
    QJsonArray output;
    for (const QJsonValue &item : list) {
        if (seen.contains(item))
            continue;
        seen.insert(item);
        output.append(item);
    }
    return QJsonObject{{QStringLiteral("output"), output}};
}

} // namespace

void registerListCards(CardCatalogue &catalogue)
{
    const CardFamily family{QStringLiteral("list"), QStringLiteral("List")};
    const auto card = [&family](const char *id, const QString &name, const QString &description,
                                QList<PortSpec> inputs, QList<PortSpec> outputs, CardFunction run) {
        return family.card(QLatin1String(id), name, description, std::move(inputs), std::move(outputs),
                           std::move(run));
    };
    const PortSpec list =
        port(QStringLiteral("list"), ValueType::list(), false, QStringLiteral("The list (empty when null)."));
    const PortSpec output =
        port(QStringLiteral("output"), ValueType::list(), false, QStringLiteral("The new list."));
    const QList<PortSpec> matchInputs = {
        list,
        port(QStringLiteral("operator"), ValueType::text(), true,
             QStringLiteral("Comparison operator (\"equal to\", \"greater than\", ...).")),
        port(QStringLiteral("value"), ValueType::any(), false, QStringLiteral("The value to compare with.")),
        port(
            QStringLiteral("path"), ValueType::text(), false,
            QStringLiteral("Dot path of the field to compare in object items (the item itself when empty).")),
        port(QStringLiteral("compareAs"), ValueType::text(), false,
             QStringLiteral("auto, text, number, boolean or datetime."), QStringLiteral("auto")),
    };

    CardSpec construct = card(
        "construct", QStringLiteral("Construct"),
        QStringLiteral("Builds a list with one item per input, in order."), {},
        {port(QStringLiteral("list"), ValueType::list(), false, QStringLiteral("The list."))}, runConstruct);
    construct.dynamicInputs = true;
    catalogue.add(std::move(construct));

    catalogue.add(card("at", QStringLiteral("At"),
                       QStringLiteral("Returns the item at an index; negative indexes count from the end."),
                       {list, port(QStringLiteral("index"), ValueType::number(), true,
                                   QStringLiteral("0-based; -1 is the last item."))},
                       {port(QStringLiteral("item"), ValueType::any(), false, QStringLiteral("The item."))},
                       runAt));

    catalogue.add(
        card("length", QStringLiteral("Length"), QStringLiteral("Counts the items of a list."), {list},
             {port(QStringLiteral("length"), ValueType::number(), false, QStringLiteral("The count."))},
             runLength));

    // For Each and Map: option "flow" names the helper flow, "itemInput" (default "item") and
    // "indexInput" (optional) the helper inputs that receive the item and its 0-based index. Every
    // other input of the card is passed to each call unchanged.
    CardSpec forEach =
        card("forEach", QStringLiteral("For Each"),
             QStringLiteral("Calls a helper flow once per item, in order."), {list}, {}, runForEach);
    forEach.dynamicInputs = true;
    catalogue.add(std::move(forEach));

    CardSpec map =
        card("map", QStringLiteral("Map"),
             QStringLiteral("Calls a helper flow per item and lists what each call returns."), {list},
             {port(QStringLiteral("output"), ValueType::list(), false,
                   QStringLiteral("One item per call: the returned object, or its only field."))},
             runMap);
    map.dynamicInputs = true;
    catalogue.add(std::move(map));

    catalogue.add(card("filter", QStringLiteral("Filter"),
                       QStringLiteral("Keeps the items that match a comparison."), matchInputs, {output},
                       runFilter));

    catalogue.add(card("find", QStringLiteral("Find"),
                       QStringLiteral("Finds the first item that matches a comparison."), matchInputs,
                       {port(QStringLiteral("item"), ValueType::any(), false,
                             QStringLiteral("The first match (null when none).")),
                        port(QStringLiteral("index"), ValueType::number(), false,
                             QStringLiteral("Its 0-based index (-1 when none)."))},
                       runFind));

    catalogue.add(
        card("pluck", QStringLiteral("Pluck"), QStringLiteral("Reads one field of every object in a list."),
             {port(QStringLiteral("list"), ValueType::list(BaseType::Object), false,
                   QStringLiteral("The objects (empty when null).")),
              port(QStringLiteral("key"), ValueType::text(), true, QStringLiteral("Dot path of the field."))},
             {port(QStringLiteral("output"), ValueType::list(), false,
                   QStringLiteral("The values, null where missing."))},
             runPluck));

    catalogue.add(
        card("listToText", QStringLiteral("List to Text"),
             QStringLiteral("Joins the items of a list into one text."),
             {list, port(QStringLiteral("separator"), ValueType::text(), false,
                         QStringLiteral("Put between the items."), QStringLiteral(","))},
             {port(QStringLiteral("output"), ValueType::text(), false, QStringLiteral("The joined text."))},
             runListToText));

    catalogue.add(card(
        "sort", QStringLiteral("Sort"),
        QStringLiteral("Sorts a list (stable); numbers before texts before others."),
        {list,
         port(QStringLiteral("path"), ValueType::text(), false,
              QStringLiteral("Dot path of the field to sort object items by (the item itself when empty).")),
         port(QStringLiteral("order"), ValueType::text(), false, QStringLiteral("asc or desc."),
              QStringLiteral("asc")),
         port(QStringLiteral("compareAs"), ValueType::text(), false,
              QStringLiteral("auto, text, number, boolean or datetime."), QStringLiteral("auto"))},
        {output}, runSort));

    catalogue.add(card("removeDuplicates", QStringLiteral("Remove Duplicates"),
                       QStringLiteral("Removes repeated items, keeping the first of each."), {list}, {output},
                       runRemoveDuplicates));
}

} // namespace wf
