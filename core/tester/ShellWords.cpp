#include "tester/ShellWords.h"

#include <optional>

namespace wf::tester {
namespace {

Error syntaxError(const QString &message)
{
    return makeError(ErrorType::InvalidInput, message);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Reads the command as UTF-8 bytes, so \xHH escapes of $'...' can spell multi-byte characters.
class Splitter final {
public:
    explicit Splitter(const QString &command) : m_text(command.toUtf8()) {}

    Result<QStringList> run();

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : '\0';
    }
    bool skipContinuation();
    void endWord();
    std::optional<Error> unquoted(char c);
    std::optional<Error> singleQuoted();
    std::optional<Error> doubleQuoted();
    std::optional<Error> ansiQuoted();
    void ansiEscape();
    void appendNumber(int base, int maxDigits, bool codePoint);

    QByteArray m_text;
    qsizetype m_pos = 0;
    QByteArray m_word;
    bool m_inWord = false;
    QStringList m_words;
};

// A backslash followed by a line break (\n or \r\n) joins the lines.
bool Splitter::skipContinuation()
{
    if (peek() == '\\' && peek(1) == '\n') {
        m_pos += 2;
        return true;
    }
    if (peek() == '\\' && peek(1) == '\r' && peek(2) == '\n') {
        m_pos += 3;
        return true;
    }
    return false;
}

void Splitter::endWord()
{
    if (m_inWord)
        m_words.append(QString::fromUtf8(m_word));
    m_word.clear();
    m_inWord = false;
}

Result<QStringList> Splitter::run()
{
    while (!atEnd()) {
        if (skipContinuation())
            continue;
        const char c = peek();
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            endWord();
            ++m_pos;
            continue;
        }
        if (c == '#' && !m_inWord) {
            while (!atEnd() && peek() != '\n')
                ++m_pos;
            continue;
        }
        if (auto error = unquoted(c))
            return *error;
    }
    endWord();
    return m_words;
}

std::optional<Error> Splitter::unquoted(char c)
{
    m_inWord = true;
    if (c == '\'')
        return singleQuoted();
    if (c == '"')
        return doubleQuoted();
    if (c == '$' && peek(1) == '\'') {
        ++m_pos;
        return ansiQuoted();
    }
    if (c == '$' && peek(1) == '"') { // a translated string: the same as "..." without a locale
        ++m_pos;
        return doubleQuoted();
    }
    if (c == '$' && peek(1) == '(')
        return syntaxError(
            QStringLiteral("command substitution '$(' is not supported; paste the curl command "
                           "with its values"));
    if (QByteArrayLiteral("|;&<>`()").contains(c))
        return syntaxError(QStringLiteral("the shell syntax '%1' is not supported; paste the curl command "
                                          "alone, with its values quoted")
                               .arg(QLatin1Char(c)));
    if (c == '\\') {
        ++m_pos;
        if (!atEnd())
            m_word += m_text.at(m_pos++);
        return std::nullopt;
    }
    m_word += c;
    ++m_pos;
    return std::nullopt;
}

std::optional<Error> Splitter::singleQuoted()
{
    const qsizetype close = m_text.indexOf('\'', m_pos + 1);
    if (close < 0)
        return syntaxError(QStringLiteral("a ' is not closed"));
    m_word += m_text.mid(m_pos + 1, close - m_pos - 1);
    m_pos = close + 1;
    return std::nullopt;
}

std::optional<Error> Splitter::doubleQuoted()
{
    ++m_pos;
    while (!atEnd()) {
        if (skipContinuation())
            continue;
        const char c = peek();
        if (c == '"') {
            ++m_pos;
            return std::nullopt;
        }
        if (c == '\\' && QByteArrayLiteral("$`\"\\").contains(peek(1))) {
            m_word += peek(1);
            m_pos += 2;
            continue;
        }
        if ((c == '$' && peek(1) == '(') || c == '`')
            return syntaxError(QStringLiteral("command substitution is not supported; paste the curl command "
                                              "with its values"));
        m_word += c;
        ++m_pos;
    }
    return syntaxError(QStringLiteral("a \" is not closed"));
}

std::optional<Error> Splitter::ansiQuoted()
{
    ++m_pos;
    while (!atEnd()) {
        const char c = peek();
        if (c == '\'') {
            ++m_pos;
            return std::nullopt;
        }
        if (c == '\\') {
            ++m_pos;
            ansiEscape();
            continue;
        }
        m_word += c;
        ++m_pos;
    }
    return syntaxError(QStringLiteral("a $' is not closed"));
}

// The escape after a backslash in $'...' (bash's list); an unknown one stays as written.
void Splitter::ansiEscape()
{
    const char c = peek();
    static const QByteArray simple = QByteArrayLiteral("abeEfnrtv\\'\"?");
    static const QByteArray meaning = QByteArrayLiteral("\a\b\x1b\x1b\f\n\r\t\v\\'\"?");
    if (const auto index = simple.indexOf(c); index >= 0 && c != '\0') {
        m_word += meaning.at(index);
        ++m_pos;
    } else if (c >= '0' && c <= '7') {
        appendNumber(8, 3, false);
    } else if (c == 'x' && hexValue(peek(1)) >= 0) {
        ++m_pos;
        appendNumber(16, 2, false);
    } else if ((c == 'u' || c == 'U') && hexValue(peek(1)) >= 0) {
        ++m_pos;
        appendNumber(16, c == 'u' ? 4 : 8, true);
    } else if (c == 'c' && m_pos + 1 < m_text.size()) {
        m_word += char(peek(1) & 0x1f);
        m_pos += 2;
    } else {
        m_word += '\\';
    }
}

void Splitter::appendNumber(int base, int maxDigits, bool codePoint)
{
    uint value = 0;
    for (int digits = 0; digits < maxDigits && !atEnd(); ++digits) {
        const int digit = hexValue(peek());
        if (digit < 0 || digit >= base)
            break;
        value = value * uint(base) + uint(digit);
        ++m_pos;
    }
    if (codePoint) {
        const char32_t point = value;
        m_word += QString::fromUcs4(&point, 1).toUtf8();
    } else {
        m_word += char(value & 0xff);
    }
}

} // namespace

Result<QStringList> splitShellWords(const QString &command)
{
    return Splitter(command).run();
}

QString shellQuote(const QByteArray &word)
{
    QByteArray quoted = word;
    quoted.replace('\'', QByteArrayLiteral("'\\''"));
    return QString::fromUtf8('\'' + quoted + '\'');
}

} // namespace wf::tester
