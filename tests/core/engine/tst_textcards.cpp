// Tests for the Text card family: every card with normal, empty, wrong-type and edge-case inputs
// (emoji, combining marks, huge numbers), plus the catalogue entries and the size limits.
#include "CardTestSupport.h"

#include <QJsonArray>
#include <QTest>
#include <initializer_list>
#include <utility>

using namespace wf;
using wf::test::json;

namespace {

constexpr int kOk = -1;

// A UTF-8 literal as a JSON text value (plain literals cannot become QString implicitly here).
QJsonValue t(const char *utf8)
{
    return QJsonValue(QString::fromUtf8(utf8));
}

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// Inputs in declaration order, as [name, value] pairs (QJsonObject would sort them).
QJsonArray in(std::initializer_list<std::pair<const char *, QJsonValue>> pairs)
{
    QJsonArray inputs;
    for (const auto &[name, value] : pairs)
        inputs.append(QJsonArray{QString::fromLatin1(name), value});
    return inputs;
}

// Declared types of dynamic inputs: {"n": "number"}.
QJsonObject types(const char *name, const char *type)
{
    return QJsonObject{{QString::fromLatin1(name), QString::fromLatin1(type)}};
}

void addColumns()
{
    QTest::addColumn<QJsonArray>("inputs");
    QTest::addColumn<QJsonObject>("types");
    QTest::addColumn<QJsonValue>("expected");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("mention");
}

void ok(const char *tag, const QJsonArray &inputs, const QJsonValue &expected, const QJsonObject &typed = {})
{
    QTest::addRow("%s", tag) << inputs << typed << expected << kOk << QString();
}

void fail(const char *tag, const QJsonArray &inputs, ErrorType type, const char *mention,
          const QJsonObject &typed = {})
{
    QTest::addRow("%s", tag) << inputs << typed << QJsonValue() << static_cast<int>(type)
                             << QString::fromUtf8(mention);
}

Result<QJsonObject> run(const QString &functionId, const QJsonArray &inputs, const QJsonObject &typed = {})
{
    test::NamedValues named;
    for (const QJsonValue &pair : inputs)
        named.append({pair.toArray().at(0).toString(), pair.toArray().at(1)});
    test::CardSetup setup;
    for (auto it = typed.begin(); it != typed.end(); ++it)
        setup.inputTypes.append(
            {it.key(), ValueType::parse(it.value().toString()).value_or(ValueType::any())});
    return test::runCard(functionId, named, setup);
}

// Runs the current data row against `functionId` and checks its one output or its error.
void checkRow(const char *functionId, const char *outputName)
{
    QFETCH(QJsonArray, inputs);
    QFETCH(QJsonObject, types);
    QFETCH(QJsonValue, expected);
    QFETCH(int, error);
    QFETCH(QString, mention);

    const auto r = run(QString::fromLatin1(functionId), inputs, types);
    if (error == kOk) {
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->size(), 1);
        QCOMPARE(r->value(QString::fromLatin1(outputName)), expected);
    } else {
        QVERIFY2(!r.ok(), qPrintable(valueToText(r.ok() ? QJsonValue(*r) : QJsonValue())));
        QCOMPARE(static_cast<int>(r.error().type), error);
        QVERIFY2(r.error().message.contains(mention), qPrintable(r.error().message));
    }
}

QJsonValue repeated(const char *unit, qsizetype times)
{
    return QJsonValue(QString::fromUtf8(unit).repeated(times));
}

} // namespace

class TstTextCards final : public QObject {
    Q_OBJECT

private slots:
    void catalogue();
    void compose_data();
    void compose() { checkRow("text.compose", "output"); }
    void composeLongTemplates();
    void concatenate_data();
    void concatenate() { checkRow("text.concatenate", "output"); }
    void split_data();
    void split() { checkRow("text.split", "output"); }
    void replace_data();
    void replace() { checkRow("text.replace", "output"); }
    void toLowerCase_data();
    void toLowerCase() { checkRow("text.toLowerCase", "output"); }
    void toUpperCase_data();
    void toUpperCase() { checkRow("text.toUpperCase", "output"); }
    void trim_data();
    void trim() { checkRow("text.trim", "output"); }
    void length_data();
    void length() { checkRow("text.length", "length"); }
    void find_data();
    void find() { checkRow("text.find", "index"); }
    void textSegment_data();
    void textSegment() { checkRow("text.textSegment", "output"); }
    void base64_data();
    void base64() { checkRow("text.base64", "output"); }
    void base64Decode_data();
    void base64Decode() { checkRow("text.base64Decode", "output"); }
    void base64RoundTrip_data();
    void base64RoundTrip();
    void limits_data();
    void limits();
};

void TstTextCards::catalogue()
{
    struct Expected {
        const char *id;
        const char *name;
        const char *inputs;  // "name:type" separated by spaces
        const char *outputs; // same
        bool dynamicInputs;
    };
    const Expected expected[] = {
        {"text.compose", "Compose", "template:text", "output:text", true},
        {"text.concatenate", "Concatenate", "separator:text", "output:text", true},
        {"text.split", "Split", "text:text separator:text", "output:list<text>", false},
        {"text.replace", "Replace", "text:text search:text replacement:text", "output:text", false},
        {"text.toLowerCase", "To Lower Case", "text:text", "output:text", false},
        {"text.toUpperCase", "To Upper Case", "text:text", "output:text", false},
        {"text.trim", "Trim", "text:text", "output:text", false},
        {"text.length", "Length", "text:text", "length:number", false},
        {"text.find", "Find", "text:text search:text start:number", "index:number", false},
        {"text.textSegment", "Text Segment", "text:text start:number length:number", "output:text", false},
        {"text.base64", "Base64", "text:text urlSafe:boolean", "output:text", false},
        {"text.base64Decode", "Base64 Decode", "text:text", "output:text", false},
    };
    const auto describe = [](const QList<PortSpec> &ports) {
        QStringList parts;
        for (const PortSpec &port : ports)
            parts.append(port.name + QLatin1Char(':') + port.type.toString());
        return parts.join(QLatin1Char(' '));
    };

    QStringList registered;
    for (const CardSpec &spec : CardCatalogue::builtIn().cards()) {
        if (spec.functionId.startsWith(QStringLiteral("text.")))
            registered.append(spec.functionId);
    }
    QStringList wanted;
    for (const Expected &card : expected)
        wanted.append(QString::fromLatin1(card.id));
    QCOMPARE(registered, wanted);

    for (const Expected &card : expected) {
        const CardSpec *spec = CardCatalogue::builtIn().find(QString::fromLatin1(card.id));
        QVERIFY(spec);
        QCOMPARE(spec->category, QStringLiteral("Text"));
        QCOMPARE(spec->name, QString::fromLatin1(card.name));
        QCOMPARE(spec->kind, CardKind::Function);
        QVERIFY(!spec->description.isEmpty());
        QVERIFY(spec->run);
        QCOMPARE(describe(spec->inputs), QString::fromLatin1(card.inputs));
        QCOMPARE(describe(spec->outputs), QString::fromLatin1(card.outputs));
        QCOMPARE(spec->dynamicInputs, card.dynamicInputs);
        QVERIFY(!spec->dynamicOutputs);
    }
    QVERIFY(CardCatalogue::builtIn().find(QStringLiteral("text.compose"))->inputs.at(0).required);
    QVERIFY(CardCatalogue::builtIn()
                .find(QStringLiteral("text.replace"))
                ->findInput(QStringLiteral("search"))
                ->required);
    QVERIFY(CardCatalogue::builtIn()
                .find(QStringLiteral("text.textSegment"))
                ->findInput(QStringLiteral("start"))
                ->required);
}

void TstTextCards::compose_data()
{
    addColumns();
    ok("basic", in({{"template", t("Hello {{name}}!")}, {"name", t("Ann")}}), t("Hello Ann!"));
    ok("spaces inside braces", in({{"template", t("Hi {{ name }}.")}, {"name", t("Bo")}}), t("Hi Bo."));
    ok("two inputs", in({{"template", t("{{a}}/{{b}}")}, {"a", t("x")}, {"b", t("y")}}), t("x/y"));
    ok("repeated placeholder", in({{"template", t("{{a}}-{{a}}")}, {"a", t("x")}}), t("x-x"));
    ok("unused input", in({{"template", t("plain")}, {"a", t("x")}}), t("plain"));
    ok("no inputs", in({{"template", t("no placeholders")}}), t("no placeholders"));
    ok("empty template", in({{"template", t("")}, {"a", t("x")}}), t(""));
    ok("integer", in({{"template", t("n={{n}}")}, {"n", 42}}), t("n=42"));
    ok("fraction", in({{"template", t("{{n}}")}, {"n", 1.5}}), t("1.5"));
    ok("huge number", in({{"template", t("{{n}}")}, {"n", 1e308}}), t("1e+308"));
    ok("2^53+1", in({{"template", t("{{n}}")}, {"n", json("9007199254740993")}}), t("9007199254740992"));
    ok("boolean", in({{"template", t("{{b}}")}, {"b", true}}), t("true"));
    ok("object as compact json", in({{"template", t("{{o}}")}, {"o", json(R"({"a": 1})")}}), t(R"({"a":1})"));
    ok("list as compact json", in({{"template", t("{{l}}")}, {"l", json(R"([1, "x"])")}}), t(R"([1,"x"])"));
    ok("empty list", in({{"template", t("<{{l}}>")}, {"l", json("[]")}}), t("<[]>"));
    ok("null value is empty", in({{"template", t("<{{v}}>")}, {"v", json("null")}}), t("<>"));
    ok("empty text value", in({{"template", t("<{{v}}>")}, {"v", t("")}}), t("<>"));
    ok("emoji and combining", in({{"template", t("{{e}} \u2713")}, {"e", t("\U0001F600e\u0301")}}),
       t("\U0001F600e\u0301 \u2713"));
    ok("unicode template", in({{"template", t("\u65E5\u672C {{a}} \U0001F44D")}, {"a", t("\u00E9")}}),
       t("\u65E5\u672C \u00E9 \U0001F44D"));
    ok("braces around placeholder", in({{"template", t("{{{a}}}")}, {"a", t("x")}}), t("{x}"));
    ok("json template", in({{"template", t(R"({"id":"{{id}}","n":{{n}}})")}, {"id", t("7")}, {"n", 3}}),
       t(R"({"id":"7","n":3})"));
    ok("unterminated placeholder kept", in({{"template", t("a {{b")}, {"b", t("x")}}), t("a {{b"));
    ok("lone closing braces kept", in({{"template", t("a}}b {{x}}")}, {"x", t("1")}}), t("a}}b 1"));
    ok("values are not expanded again", in({{"template", t("{{a}}")}, {"a", t("{{b}}")}, {"b", t("x")}}),
       t("{{b}}"));
    ok("template from a number", in({{"template", 5}}), t("5"));
    ok("typed input converted", in({{"template", t("{{n}}")}, {"n", t(" 5 ")}}), t("5"),
       types("n", "number"));
    fail("unknown placeholder", in({{"template", t("Hi {{missing}}")}, {"name", t("x")}}),
         ErrorType::InvalidInput, "{{missing}}");
    fail("placeholder case matters", in({{"template", t("{{Name}}")}, {"name", t("x")}}),
         ErrorType::InvalidInput, "{{Name}}");
    fail("empty placeholder", in({{"template", t("a{{ }}b")}}), ErrorType::InvalidInput, "template");
    fail("template is not a value", in({{"template", t("{{template}}")}}), ErrorType::InvalidInput,
         "{{template}}");
    fail("null template", in({{"template", json("null")}, {"a", t("x")}}), ErrorType::InvalidInput,
         "template");
    fail("missing template", in({{"a", t("x")}}), ErrorType::InvalidInput, "template");
    fail("typed input wrong type", in({{"template", t("{{n}}")}, {"n", t("abc")}}),
         ErrorType::InvalidTypeConversion, "n:", types("n", "number"));
    fail("typed object from number", in({{"template", t("{{o}}")}, {"o", 5}}),
         ErrorType::InvalidTypeConversion, "o:", types("o", "object"));
}

// Templates made mostly of braces must still be processed in one pass (no quadratic rescans).
void TstTextCards::composeLongTemplates()
{
    const qsizetype count = 2 * 1024 * 1024;
    const QString closes = QStringLiteral("}}").repeated(count);
    auto r = run(QStringLiteral("text.compose"),
                 in({{"template", QJsonValue(closes + QStringLiteral("{{a}}"))}, {"a", t("x")}}));
    QVERIFY(r.ok());
    QCOMPARE(r->value(QStringLiteral("output")).toString(), closes + QStringLiteral("x"));

    const QString opens = QStringLiteral("{{").repeated(count);
    r = run(QStringLiteral("text.compose"),
            in({{"template", QJsonValue(opens + QStringLiteral("a}}"))}, {"a", t("x")}}));
    QVERIFY(r.ok());
    QCOMPARE(r->value(QStringLiteral("output")).toString(),
             opens.left(opens.size() - 2) + QStringLiteral("x"));
}

void TstTextCards::concatenate_data()
{
    addColumns();
    ok("two parts", in({{"a", t("x")}, {"b", t("y")}}), t("xy"));
    ok("declaration order, not name order", in({{"b", t("b")}, {"a", t("a")}, {"c", t("c")}}), t("bac"));
    ok("separator", in({{"separator", t(", ")}, {"a", t("a")}, {"b", t("b")}, {"c", t("c")}}), t("a, b, c"));
    ok("separator declared between parts", in({{"a", t("a")}, {"separator", t("-")}, {"b", t("b")}}),
       t("a-b"));
    ok("single part", in({{"separator", t("-")}, {"a", t("only")}}), t("only"));
    ok("no parts", in({}), t(""));
    ok("only separator", in({{"separator", t("-")}}), t(""));
    ok("null separator", in({{"separator", json("null")}, {"a", t("x")}, {"b", t("y")}}), t("xy"));
    ok("empty and null parts keep their place",
       in({{"separator", t("-")}, {"a", t("x")}, {"b", json("null")}, {"c", t("")}, {"d", t("y")}}),
       t("x---y"));
    ok("numbers",
       in({{"separator", t(" ")}, {"a", 1e308}, {"b", json("9007199254740993")}, {"c", 0.1}, {"d", -0.0}}),
       t("1e+308 9007199254740992 0.1 0"));
    ok("booleans, objects and lists",
       in({{"separator", t("|")},
           {"a", false},
           {"b", json(R"({"k": [1]})")},
           {"c", json("[]")},
           {"d", json("{}")}}),
       t(R"(false|{"k":[1]}|[]|{})"));
    ok("emoji and combining", in({{"a", t("\U0001F468\u200D\U0001F469")}, {"b", t("e\u0301")}}),
       t("\U0001F468\u200D\U0001F469e\u0301"));
    ok("emoji separator", in({{"separator", t("\U0001F600")}, {"a", t("a")}, {"b", t("b")}}),
       t("a\U0001F600b"));
    ok("separator from a number", in({{"separator", 0}, {"a", t("a")}, {"b", t("b")}}), t("a0b"));
    ok("typed part converted", in({{"a", t("x")}, {"n", true}}), t("x1"), types("n", "number"));
    fail("typed part wrong type", in({{"a", t("x")}, {"n", t("abc")}}), ErrorType::InvalidTypeConversion,
         "n:", types("n", "number"));
    fail("typed list from number", in({{"l", 3}}), ErrorType::InvalidTypeConversion,
         "l:", types("l", "list"));
}

void TstTextCards::split_data()
{
    addColumns();
    ok("comma", in({{"text", t("a,b,c")}, {"separator", t(",")}}), json(R"(["a","b","c"])"));
    ok("multi-character separator", in({{"text", t("a::b::c")}, {"separator", t("::")}}),
       json(R"(["a","b","c"])"));
    ok("empty parts kept", in({{"text", t(",a,,b,")}, {"separator", t(",")}}), json(R"(["","a","","b",""])"));
    ok("separator is the whole text", in({{"text", t(",")}, {"separator", t(",")}}), json(R"(["",""])"));
    ok("no match", in({{"text", t("abc")}, {"separator", t(",")}}), json(R"(["abc"])"));
    ok("case sensitive", in({{"text", t("aXbxc")}, {"separator", t("x")}}), json(R"(["aXb","c"])"));
    ok("separator longer than text", in({{"text", t("a")}, {"separator", t("abc")}}), json(R"(["a"])"));
    ok("empty text", in({{"text", t("")}, {"separator", t(",")}}), json("[]"));
    ok("null text", in({{"text", json("null")}, {"separator", t(",")}}), json("[]"));
    ok("missing text", in({{"separator", t(",")}}), json("[]"));
    ok("empty separator gives characters", in({{"text", t("abc")}, {"separator", t("")}}),
       json(R"(["a","b","c"])"));
    ok("null separator gives characters", in({{"text", t("ab")}, {"separator", json("null")}}),
       json(R"(["a","b"])"));
    ok("emoji stays whole", in({{"text", t("a\U0001F600b")}}), QJsonArray{t("a"), t("\U0001F600"), t("b")});
    ok("combining mark is its own code point", in({{"text", t("e\u0301")}}), QJsonArray{t("e"), t("\u0301")});
    ok("emoji separator", in({{"text", t("a\U0001F600b\U0001F600")}, {"separator", t("\U0001F600")}}),
       json(R"(["a","b",""])"));
    ok("unicode parts", in({{"text", t("\u00E9t\u00E9 \u65E5\u672C")}, {"separator", t(" ")}}),
       QJsonArray{t("\u00E9t\u00E9"), t("\u65E5\u672C")});
    ok("text from a huge number", in({{"text", 1e308}, {"separator", t("e")}}), json(R"(["1","+308"])"));
    ok("text from 2^53+1", in({{"text", json("9007199254740993")}, {"separator", t("0")}}),
       json(R"(["9","","719925474","992"])"));
    ok("text from a list", in({{"text", json("[1,2]")}, {"separator", t(",")}}), json(R"(["[1","2]"])"));
    ok("text from an object", in({{"text", json("{}")}}), json(R"(["{","}"])"));
    ok("separator from a number", in({{"text", t("102030")}, {"separator", 0}}), json(R"(["1","2","3",""])"));
}

void TstTextCards::replace_data()
{
    addColumns();
    ok("all occurrences", in({{"text", t("a-b-c")}, {"search", t("-")}, {"replacement", t("+")}}),
       t("a+b+c"));
    ok("longer replacement", in({{"text", t("a b")}, {"search", t(" ")}, {"replacement", t("%20")}}),
       t("a%20b"));
    ok("default replacement deletes", in({{"text", t("a-b-c")}, {"search", t("-")}}), t("abc"));
    ok("null replacement deletes",
       in({{"text", t("a-b")}, {"search", t("-")}, {"replacement", json("null")}}), t("ab"));
    ok("empty replacement deletes", in({{"text", t("a-b")}, {"search", t("-")}, {"replacement", t("")}}),
       t("ab"));
    ok("case sensitive", in({{"text", t("Aa")}, {"search", t("a")}, {"replacement", t("x")}}), t("Ax"));
    ok("no match", in({{"text", t("abc")}, {"search", t("z")}, {"replacement", t("x")}}), t("abc"));
    ok("non-overlapping, left to right",
       in({{"text", t("aaa")}, {"search", t("aa")}, {"replacement", t("b")}}), t("ba"));
    ok("replacement contains search", in({{"text", t("aXa")}, {"search", t("a")}, {"replacement", t("aa")}}),
       t("aaXaa"));
    ok("whole text", in({{"text", t("abc")}, {"search", t("abc")}, {"replacement", t("")}}), t(""));
    ok("emoji",
       in({{"text", t("\U0001F600x\U0001F600")}, {"search", t("\U0001F600")}, {"replacement", t("y")}}),
       t("yxy"));
    ok("combining marks",
       in({{"text", t("e\u0301te\u0301")}, {"search", t("\u0301")}, {"replacement", t("")}}), t("ete"));
    ok("null text", in({{"text", json("null")}, {"search", t("a")}, {"replacement", t("b")}}), t(""));
    ok("empty text", in({{"text", t("")}, {"search", t("a")}, {"replacement", t("b")}}), t(""));
    ok("text from 2^53+1",
       in({{"text", json("9007199254740993")}, {"search", t("9")}, {"replacement", t("_")}}),
       t("_0071__254740__2"));
    ok("text from an object",
       in({{"text", json(R"({"a":1})")}, {"search", t("\"")}, {"replacement", t("'")}}), t("{'a':1}"));
    ok("search from a number", in({{"text", t("10 20")}, {"search", 0}, {"replacement", t("x")}}),
       t("1x 2x"));
    fail("empty search", in({{"text", t("abc")}, {"search", t("")}, {"replacement", t("x")}}),
         ErrorType::InvalidInput, "search");
    fail("null search", in({{"text", t("abc")}, {"search", json("null")}}), ErrorType::InvalidInput,
         "search");
    fail("missing search", in({{"text", t("abc")}, {"replacement", t("x")}}), ErrorType::InvalidInput,
         "search");
}

void TstTextCards::toLowerCase_data()
{
    addColumns();
    ok("ascii", in({{"text", t("Hello World 42")}}), t("hello world 42"));
    ok("accented", in({{"text", t("\u00C9COLE \u00C0")}}), t("\u00E9cole \u00E0"));
    ok("greek and cyrillic", in({{"text", t("\u0391\u0392\u0393 \u0416")}}), t("\u03B1\u03B2\u03B3 \u0436"));
    ok("combining mark kept", in({{"text", t("E\u0301")}}), t("e\u0301"));
    ok("emoji unchanged", in({{"text", t("A\U0001F600")}}), t("a\U0001F600"));
    ok("deseret (outside the BMP)", in({{"text", t("\U00010400")}}), t("\U00010428"));
    ok("already lower", in({{"text", t("abc")}}), t("abc"));
    // Long texts are converted in pieces; a pair of surrogates must not be cut at a piece boundary.
    ok("long text, surrogate pair at a boundary",
       in({{"text", QJsonValue(s("A").repeated(4095) + s("\U00010400") + s("B").repeated(5000))}}),
       QJsonValue(s("a").repeated(4095) + s("\U00010428") + s("b").repeated(5000)));
    ok("empty", in({{"text", t("")}}), t(""));
    ok("null", in({{"text", json("null")}}), t(""));
    ok("missing", in({}), t(""));
    ok("huge number", in({{"text", 1e308}}), t("1e+308"));
    ok("object", in({{"text", json(R"({"A":"B"})")}}), t(R"({"a":"b"})"));
    ok("boolean", in({{"text", true}}), t("true"));
}

void TstTextCards::toUpperCase_data()
{
    addColumns();
    ok("ascii", in({{"text", t("Hello World 42")}}), t("HELLO WORLD 42"));
    ok("accented", in({{"text", t("\u00E9cole")}}), t("\u00C9COLE"));
    ok("sharp s expands", in({{"text", t("stra\u00DFe")}}), t("STRASSE"));
    ok("combining mark kept", in({{"text", t("e\u0301")}}), t("E\u0301"));
    ok("emoji unchanged", in({{"text", t("a\U0001F600")}}), t("A\U0001F600"));
    ok("deseret (outside the BMP)", in({{"text", t("\U00010428")}}), t("\U00010400"));
    ok("cjk unchanged", in({{"text", t("\u65E5\u672C")}}), t("\u65E5\u672C"));
    ok("long text, surrogate pair at a boundary",
       in({{"text", QJsonValue(s("\u00DF").repeated(4095) + s("\U00010428") + s("a").repeated(5000))}}),
       QJsonValue(s("SS").repeated(4095) + s("\U00010400") + s("A").repeated(5000)));
    ok("empty", in({{"text", t("")}}), t(""));
    ok("null", in({{"text", json("null")}}), t(""));
    ok("huge number", in({{"text", 1e308}}), t("1E+308"));
    ok("2^53+1", in({{"text", json("9007199254740993")}}), t("9007199254740992"));
    ok("list", in({{"text", json(R"(["a",true])")}}), t(R"(["A",TRUE])"));
}

void TstTextCards::trim_data()
{
    addColumns();
    ok("spaces", in({{"text", t("  a b  ")}}), t("a b"));
    ok("tabs and line breaks", in({{"text", t("\t\r\n a \r\n")}}), t("a"));
    ok("no-break and ideographic spaces", in({{"text", t("\u00A0\u3000a\u2003")}}), t("a"));
    ok("inner white space kept", in({{"text", t(" a \t b ")}}), t("a \t b"));
    ok("zero-width space is not white space", in({{"text", t("\u200Ba\u200B")}}), t("\u200Ba\u200B"));
    ok("nothing to trim", in({{"text", t("abc")}}), t("abc"));
    ok("only white space", in({{"text", t(" \t\n ")}}), t(""));
    ok("emoji", in({{"text", t(" \U0001F600 ")}}), t("\U0001F600"));
    ok("trailing combining mark kept", in({{"text", t(" e\u0301 ")}}), t("e\u0301"));
    ok("empty", in({{"text", t("")}}), t(""));
    ok("null", in({{"text", json("null")}}), t(""));
    ok("number", in({{"text", 1e308}}), t("1e+308"));
    ok("list", in({{"text", json(R"([" a "])")}}), t(R"([" a "])"));
}

void TstTextCards::length_data()
{
    addColumns();
    ok("ascii", in({{"text", t("abc")}}), 3);
    ok("spaces count", in({{"text", t(" a ")}}), 3);
    ok("empty", in({{"text", t("")}}), 0);
    ok("null", in({{"text", json("null")}}), 0);
    ok("missing", in({}), 0);
    ok("accented (precomposed)", in({{"text", t("caf\u00E9")}}), 4);
    ok("combining mark counts", in({{"text", t("cafe\u0301")}}), 5);
    ok("emoji counts one", in({{"text", t("\U0001F600")}}), 1);
    ok("emoji with skin tone", in({{"text", t("\U0001F44D\U0001F3FD")}}), 2);
    ok("zwj family", in({{"text", t("\U0001F468\u200D\U0001F469\u200D\U0001F467")}}), 5);
    ok("cjk", in({{"text", t("\u65E5\u672C\u8A9E")}}), 3);
    ok("lone surrogate counts one", in({{"text", QJsonValue(QString(QChar(0xD800)) + QStringLiteral("a"))}}),
       2);
    ok("huge number", in({{"text", 1e308}}), 6);
    ok("2^53+1", in({{"text", json("9007199254740993")}}), 16);
    ok("object", in({{"text", json(R"({"a": 1})")}}), 7);
    ok("empty list", in({{"text", json("[]")}}), 2);
    ok("boolean", in({{"text", false}}), 5);
}

void TstTextCards::find_data()
{
    addColumns();
    ok("found", in({{"text", t("hello")}, {"search", t("l")}}), 2);
    ok("at start", in({{"text", t("hello")}, {"search", t("he")}}), 0);
    ok("absent", in({{"text", t("hello")}, {"search", t("z")}}), -1);
    ok("case sensitive", in({{"text", t("Hello")}, {"search", t("h")}}), -1);
    ok("from start", in({{"text", t("hello")}, {"search", t("l")}, {"start", 3}}), 3);
    ok("start skips match", in({{"text", t("hello")}, {"search", t("l")}, {"start", 4}}), -1);
    ok("start at match", in({{"text", t("hello")}, {"search", t("h")}, {"start", 0}}), 0);
    ok("null start is 0", in({{"text", t("hello")}, {"search", t("h")}, {"start", json("null")}}), 0);
    ok("start from text", in({{"text", t("abab")}, {"search", t("a")}, {"start", t("1")}}), 2);
    ok("start at end", in({{"text", t("abc")}, {"search", t("c")}, {"start", 3}}), -1);
    ok("start past end", in({{"text", t("abc")}, {"search", t("a")}, {"start", 100}}), -1);
    ok("start 1e308", in({{"text", t("abc")}, {"search", t("a")}, {"start", 1e308}}), -1);
    ok("start 2^53+1", in({{"text", t("abc")}, {"search", t("a")}, {"start", json("9007199254740993")}}), -1);
    ok("index counts emoji as one", in({{"text", t("\U0001F600a")}, {"search", t("a")}}), 1);
    ok("start counts emoji as one",
       in({{"text", t("\U0001F600a\U0001F600a")}, {"search", t("a")}, {"start", 2}}), 3);
    ok("emoji search", in({{"text", t("ab\U0001F600")}, {"search", t("\U0001F600")}}), 2);
    ok("combining mark counts", in({{"text", t("e\u0301x")}, {"search", t("x")}}), 2);
    ok("cjk", in({{"text", t("\u65E5\u672C\u8A9E")}, {"search", t("\u8A9E")}}), 2);
    ok("empty search", in({{"text", t("abc")}, {"search", t("")}}), -1);
    ok("null search", in({{"text", t("abc")}, {"search", json("null")}}), -1);
    ok("empty text", in({{"text", t("")}, {"search", t("a")}}), -1);
    ok("null text", in({{"text", json("null")}, {"search", t("a")}}), -1);
    ok("text from a number", in({{"text", 1e308}, {"search", t("+")}}), 2);
    ok("search from a number", in({{"text", t("a1b2")}, {"search", 2}}), 3);
    fail("fractional start", in({{"text", t("abc")}, {"search", t("a")}, {"start", 1.5}}),
         ErrorType::InvalidInput, "start");
    fail("negative start", in({{"text", t("abc")}, {"search", t("a")}, {"start", -1}}),
         ErrorType::InvalidInput, "start");
    fail("start not a number", in({{"text", t("abc")}, {"search", t("a")}, {"start", t("abc")}}),
         ErrorType::InvalidTypeConversion, "start");
    fail("start is an object", in({{"text", t("abc")}, {"search", t("a")}, {"start", json("{}")}}),
         ErrorType::InvalidTypeConversion, "start");
    fail("start is a list", in({{"text", t("abc")}, {"search", t("a")}, {"start", json("[]")}}),
         ErrorType::InvalidTypeConversion, "start");
}

void TstTextCards::textSegment_data()
{
    addColumns();
    ok("middle", in({{"text", t("abcdef")}, {"start", 1}, {"length", 3}}), t("bcd"));
    ok("to the end", in({{"text", t("abcdef")}, {"start", 2}}), t("cdef"));
    ok("null length is to the end", in({{"text", t("abcdef")}, {"start", 4}, {"length", json("null")}}),
       t("ef"));
    ok("from 0", in({{"text", t("abc")}, {"start", 0}}), t("abc"));
    ok("zero length", in({{"text", t("abc")}, {"start", 1}, {"length", 0}}), t(""));
    ok("length past end stops at end", in({{"text", t("abc")}, {"start", 1}, {"length", 100}}), t("bc"));
    ok("length 1e308", in({{"text", t("abc")}, {"start", 1}, {"length", 1e308}}), t("bc"));
    ok("length 2^53+1", in({{"text", t("abc")}, {"start", 0}, {"length", json("9007199254740993")}}),
       t("abc"));
    ok("start at end", in({{"text", t("abc")}, {"start", 3}}), t(""));
    ok("emoji count as one", in({{"text", t("\U0001F600b\U0001F600d")}, {"start", 2}, {"length", 2}}),
       t("\U0001F600d"));
    ok("emoji never split", in({{"text", t("\U0001F600\U0001F601")}, {"start", 0}, {"length", 1}}),
       t("\U0001F600"));
    ok("combining mark is a character", in({{"text", t("e\u0301x")}, {"start", 1}, {"length", 1}}),
       t("\u0301"));
    ok("cjk", in({{"text", t("\u65E5\u672C\u8A9E")}, {"start", 1}, {"length", 1}}), t("\u672C"));
    ok("start and length from text", in({{"text", t("abcdef")}, {"start", t("1")}, {"length", t("2")}}),
       t("bc"));
    ok("empty text", in({{"text", t("")}, {"start", 0}}), t(""));
    ok("null text", in({{"text", json("null")}, {"start", 0}, {"length", 2}}), t(""));
    ok("empty text ignores start", in({{"text", t("")}, {"start", 5}}), t(""));
    ok("text from a number", in({{"text", 1e308}, {"start", 2}}), t("+308"));
    ok("text from a list", in({{"text", json("[1,2]")}, {"start", 1}, {"length", 3}}), t("1,2"));
    fail("start past end", in({{"text", t("abc")}, {"start", 4}}), ErrorType::InvalidInput, "start: 4");
    fail("start past end counts code points", in({{"text", t("\U0001F600")}, {"start", 2}}),
         ErrorType::InvalidInput, "length 1");
    fail("start 1e308", in({{"text", t("abc")}, {"start", 1e308}}), ErrorType::InvalidInput, "start");
    fail("start 2^53+1", in({{"text", t("abc")}, {"start", json("9007199254740993")}}),
         ErrorType::InvalidInput, "start");
    fail("negative start", in({{"text", t("abc")}, {"start", -1}}), ErrorType::InvalidInput, "start");
    fail("fractional start", in({{"text", t("abc")}, {"start", 0.5}}), ErrorType::InvalidInput, "start");
    fail("missing start", in({{"text", t("abc")}}), ErrorType::InvalidInput, "start");
    fail("null start", in({{"text", t("abc")}, {"start", json("null")}}), ErrorType::InvalidInput, "start");
    fail("start not a number", in({{"text", t("abc")}, {"start", t("one")}}),
         ErrorType::InvalidTypeConversion, "start");
    fail("negative length", in({{"text", t("abc")}, {"start", 0}, {"length", -1}}), ErrorType::InvalidInput,
         "length");
    fail("fractional length", in({{"text", t("abc")}, {"start", 0}, {"length", 1.5}}),
         ErrorType::InvalidInput, "length");
    fail("length is an object", in({{"text", t("abc")}, {"start", 0}, {"length", json("{}")}}),
         ErrorType::InvalidTypeConversion, "length");
}

void TstTextCards::base64_data()
{
    addColumns();
    ok("hello", in({{"text", t("hello")}}), t("aGVsbG8="));
    ok("no padding needed", in({{"text", t("abc")}}), t("YWJj"));
    ok("two padding characters", in({{"text", t("a")}}), t("YQ=="));
    ok("utf-8 accented", in({{"text", t("\u00E9")}}), t("w6k="));
    ok("utf-8 emoji", in({{"text", t("\U0001F600")}}), t("8J+YgA=="));
    ok("plus and slash", in({{"text", t("?\?>?\??")}}), t("Pz8+Pz8/"));
    ok("url safe", in({{"text", t("?\?>?\??")}, {"urlSafe", true}}), t("Pz8-Pz8_"));
    ok("url safe drops padding", in({{"text", t("a")}, {"urlSafe", true}}), t("YQ"));
    ok("url safe emoji", in({{"text", t("\U0001F600")}, {"urlSafe", true}}), t("8J-YgA"));
    ok("url safe off", in({{"text", t("a")}, {"urlSafe", false}}), t("YQ=="));
    ok("null url safe is off", in({{"text", t("a")}, {"urlSafe", json("null")}}), t("YQ=="));
    ok("url safe from text", in({{"text", t("a")}, {"urlSafe", t("TRUE")}}), t("YQ"));
    ok("url safe from a number", in({{"text", t("a")}, {"urlSafe", 1}}), t("YQ"));
    ok("empty", in({{"text", t("")}}), t(""));
    ok("null", in({{"text", json("null")}}), t(""));
    ok("missing", in({}), t(""));
    ok("huge number", in({{"text", 1e308}}), t("MWUrMzA4"));
    ok("object", in({{"text", json(R"({"a": 1})")}}), t("eyJhIjoxfQ=="));
    fail("url safe not a boolean", in({{"text", t("a")}, {"urlSafe", t("maybe")}}),
         ErrorType::InvalidTypeConversion, "urlSafe");
    fail("url safe is a list", in({{"text", t("a")}, {"urlSafe", json("[]")}}),
         ErrorType::InvalidTypeConversion, "urlSafe");
}

void TstTextCards::base64Decode_data()
{
    addColumns();
    ok("hello", in({{"text", t("aGVsbG8=")}}), t("hello"));
    ok("missing padding", in({{"text", t("aGVsbG8")}}), t("hello"));
    ok("two padding characters", in({{"text", t("YQ==")}}), t("a"));
    ok("partial padding", in({{"text", t("YQ=")}}), t("a"));
    ok("no padding at all", in({{"text", t("YQ")}}), t("a"));
    ok("standard alphabet", in({{"text", t("Pz8+Pz8/")}}), t("?\?>?\??"));
    ok("url-safe alphabet", in({{"text", t("Pz8-Pz8_")}}), t("?\?>?\??"));
    ok("utf-8 accented", in({{"text", t("w6k=")}}), t("\u00E9"));
    ok("utf-8 emoji", in({{"text", t("8J+YgA==")}}), t("\U0001F600"));
    ok("url-safe emoji without padding", in({{"text", t("8J-YgA")}}), t("\U0001F600"));
    ok("combining mark", in({{"text", t("ZcyB")}}), t("e\u0301"));
    ok("line breaks and spaces ignored", in({{"text", t(" aGVs\r\nbG8=\n")}}), t("hello"));
    ok("byte order mark kept", in({{"text", t("77u/YQ==")}}),
       QJsonValue(QChar(0xFEFF) + QStringLiteral("a")));
    ok("nul byte", in({{"text", t("AA==")}}), QJsonValue(QString(QChar(0))));
    ok("empty", in({{"text", t("")}}), t(""));
    ok("null", in({{"text", json("null")}}), t(""));
    ok("only white space", in({{"text", t(" \n")}}), t(""));
    fail("text from a number is not utf-8", in({{"text", 1234}}), ErrorType::InvalidInput, "UTF-8");
    fail("invalid character", in({{"text", t("aGV*")}}), ErrorType::InvalidInput, "\"*\"");
    fail("non-ascii character", in({{"text", t("\u00E9A==")}}), ErrorType::InvalidInput, "text");
    fail("one character too many", in({{"text", t("aGVsb")}}), ErrorType::InvalidInput, "text");
    fail("single character", in({{"text", t("a")}}), ErrorType::InvalidInput, "text");
    fail("too much padding", in({{"text", t("YQ===")}}), ErrorType::InvalidInput, "text");
    fail("padding where none is needed", in({{"text", t("YWJj=")}}), ErrorType::InvalidInput, "text");
    fail("only padding", in({{"text", t("=")}}), ErrorType::InvalidInput, "text");
    fail("data after padding", in({{"text", t("YQ==YQ==")}}), ErrorType::InvalidInput, "text");
    fail("not utf-8 (0xff)", in({{"text", t("/w==")}}), ErrorType::InvalidInput, "UTF-8");
    fail("not utf-8 (lone lead byte)", in({{"text", t("wA==")}}), ErrorType::InvalidInput, "UTF-8");
    fail("truncated utf-8 sequence", in({{"text", t("4pw")}}), ErrorType::InvalidInput, "UTF-8");
    fail("encoded surrogate", in({{"text", t("7aCA")}}), ErrorType::InvalidInput, "UTF-8");
    fail("object is not base64", in({{"text", json(R"({"a":1})")}}), ErrorType::InvalidInput, "text");
}

void TstTextCards::base64RoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("urlSafe");
    const char *samples[] = {"",
                             "a",
                             "ab",
                             "abc",
                             "\U0001F468\u200D\U0001F469\u200D\U0001F467",
                             "e\u0301 \u65E5\u672C \u00A0",
                             "?\?>?~\x7f"};
    for (const char *sample : samples) {
        QTest::addRow("standard %s", sample) << s(sample) << false;
        QTest::addRow("url safe %s", sample) << s(sample) << true;
    }
}

void TstTextCards::base64RoundTrip()
{
    QFETCH(QString, text);
    QFETCH(bool, urlSafe);
    const auto encoded = run(QStringLiteral("text.base64"), in({{"text", text}, {"urlSafe", urlSafe}}));
    QVERIFY(encoded.ok());
    const auto decoded =
        run(QStringLiteral("text.base64Decode"), in({{"text", encoded->value(QStringLiteral("output"))}}));
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded->value(QStringLiteral("output")).toString(), text);
}

void TstTextCards::limits_data()
{
    QTest::addColumn<QString>("functionId");
    QTest::addColumn<QJsonArray>("inputs");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("mention");
    const qsizetype nine = 9 * 1024 * 1024;
    const int limited = static_cast<int>(ErrorType::LimitExceeded);
    QTest::addRow("compose") << QStringLiteral("text.compose")
                             << in({{"template", t("{{a}}{{a}}")}, {"a", repeated("x", nine)}}) << limited
                             << QStringLiteral("output");
    QTest::addRow("concatenate") << QStringLiteral("text.concatenate")
                                 << in({{"a", repeated("x", nine)}, {"b", repeated("y", nine)}}) << limited
                                 << QStringLiteral("output");
    QTest::addRow("concatenate separators")
        << QStringLiteral("text.concatenate")
        << in({{"separator", repeated("-", nine)}, {"a", t("")}, {"b", t("")}, {"c", t("")}}) << limited
        << QStringLiteral("output");
    QTest::addRow("replace") << QStringLiteral("text.replace")
                             << in({{"text", repeated("a", 1000000)},
                                    {"search", t("a")},
                                    {"replacement", repeated("b", 20)}})
                             << limited << QStringLiteral("output");
    QTest::addRow("to upper case expands")
        << QStringLiteral("text.toUpperCase") << in({{"text", repeated("\u00DF", nine)}}) << limited
        << QStringLiteral("output");
    QTest::addRow("base64") << QStringLiteral("text.base64")
                            << in({{"text", repeated("a", 13 * 1024 * 1024)}}) << limited
                            << QStringLiteral("output");
    QTest::addRow("split into characters")
        << QStringLiteral("text.split") << in({{"text", repeated("a", kMaxListLength + 1)}}) << limited
        << QStringLiteral("items");
    QTest::addRow("split at separator")
        << QStringLiteral("text.split")
        << in({{"text", repeated("a,", kMaxListLength)}, {"separator", t(",")}}) << limited
        << QStringLiteral("items");
    QTest::addRow("split at the limit")
        << QStringLiteral("text.split")
        << in({{"text", QJsonValue(s("a,").repeated(kMaxListLength - 1) + QStringLiteral("a"))},
               {"separator", t(",")}})
        << kOk << QString();
    QTest::addRow("replace at a large size")
        << QStringLiteral("text.replace")
        << in({{"text", repeated("a", 1000000)}, {"search", t("a")}, {"replacement", repeated("b", 10)}})
        << kOk << QString();
}

void TstTextCards::limits()
{
    QFETCH(QString, functionId);
    QFETCH(QJsonArray, inputs);
    QFETCH(int, error);
    QFETCH(QString, mention);
    const auto r = run(functionId, inputs);
    if (error == kOk) {
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        const QJsonValue output = r->value(QStringLiteral("output"));
        if (output.isArray())
            QCOMPARE(output.toArray().size(), kMaxListLength);
        else
            QCOMPARE(output.toString().size(), 10000000);
        return;
    }
    QVERIFY(!r.ok());
    QCOMPARE(static_cast<int>(r.error().type), error);
    QVERIFY2(r.error().message.contains(mention), qPrintable(r.error().message));
    QVERIFY(r.error().message.size() < 200);
}

QTEST_GUILESS_MAIN(TstTextCards)
#include "tst_textcards.moc"
