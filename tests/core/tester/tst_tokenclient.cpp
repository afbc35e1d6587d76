// The token client shared by the request tester and `wfconsole token`: the private_key_jwt client
// assertion (header, every claim, signature checked with the public key) and the token request over
// real sockets against an in-test server that records what it receives and answers canned JSON
// (a token, OAuth 2.0 errors, junk, nothing, a self-signed certificate), and a refused connection.

#include "auth/Jose.h"
#include "tester/TokenClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace wf;
using wf::auth::Key;
using wf::auth::KeyType;
using wf::tester::TokenClient;
using wf::tester::TokenRequest;
using wf::tester::TokenResult;
using wf::tester::withRegisteredKid;

namespace {

// A P-521 key (no app may hold one, but an assertion can be signed with it: ES512). Tests only.
const char kP521PrivateKey[] = R"(-----BEGIN PRIVATE KEY-----
MIHuAgEAMBAGByqGSM49AgEGBSuBBAAjBIHWMIHTAgEBBEIBXfCrKHqTvAImzd/q
T+LUTNVKyEbhiBJ4lldBUhDOMylzum8tuNmr33Ouk37LwHav2FssGHtD1q/GXFbb
D2w37DShgYkDgYYABAAfsEtiiWkbcplihPPcIkSuI7P+3upqjxdV0GsNFGAmBSXu
TjRSIBVqfifkLqzSC2VQiMDRg1zQIpZr3lKZ8caQ8gBJlIePo8BAYhTS99xYOm6J
tuM3mKcJ1HEVghOwSHlhkFx47z1NC5qrcpjVjtObzGsF4kYS6rYhgCCH1UX1x3ta
+w==
-----END PRIVATE KEY-----
)";

const QString kClientId = QStringLiteral("0oaAbCdEfGhIjKlMnOp");
constexpr int kWaitMs = 15000;

QJsonObject decodePart(const QByteArray &part)
{
    const auto bytes = auth::base64UrlDecode(part);
    if (!bytes)
        return {};
    const auto object = auth::parseStrictJsonObject(*bytes);
    return object ? *object : QJsonObject();
}

Key mustGenerate(KeyType type)
{
    auto key = Key::generate(type);
    if (!key)
        qFatal("cannot generate a key: %s", qPrintable(key.error().message));
    return *key;
}

Key publicOf(const Key &key)
{
    auto pub = Key::fromJwk(key.publicJwk());
    if (!pub)
        qFatal("no public JWK: %s", qPrintable(pub.error().message));
    return *pub;
}

// The form fields of an application/x-www-form-urlencoded body.
QMap<QString, QString> decodeForm(const QByteArray &body)
{
    QMap<QString, QString> fields;
    for (const QByteArray &pair : body.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        auto decode = [](QByteArray text) {
            text.replace('+', ' ');
            return QString::fromUtf8(QByteArray::fromPercentEncoding(text));
        };
        fields.insert(decode(pair.left(eq)), decode(eq < 0 ? QByteArray() : pair.mid(eq + 1)));
    }
    return fields;
}

struct RecordedRequest {
    QByteArray method;
    QByteArray path;
    QByteArray contentType;
    QByteArray body;
};

// A one-route HTTP/1.1 server: records each request and answers `status` with `body` (or never
// answers when `silent`).
class FakeTokenServer final : public QObject {
public:
    explicit FakeTokenServer(QTcpServer *server) : m_server(server)
    {
        m_server->setParent(this);
        // QSslServer queues a connection once its handshake is done, and says so with
        // pendingConnectionAvailable (newConnection comes earlier, with nothing queued yet).
        auto take = [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection())
                serve(socket);
        };
        connect(m_server, &QTcpServer::newConnection, this, take);
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, take);
    }

    bool listen() { return m_server->listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server->serverPort(); }

    int status = 200;
    QByteArray body;
    bool silent = false;
    QList<RecordedRequest> requests;

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            RecordedRequest request;
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.path = requestLine.value(1);
            qsizetype length = 0;
            for (const QByteArray &line : lines.mid(1)) {
                const qsizetype colon = line.indexOf(':');
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-length")
                    length = value.toLongLong();
                else if (name == "content-type")
                    request.contentType = value;
            }
            if (buffer->size() < end + 4 + length)
                return;
            request.body = buffer->mid(end + 4, length);
            buffer->clear();
            requests.append(request);
            if (silent)
                return;
            socket->write("HTTP/1.1 " + QByteArray::number(status) +
                          " Answer\r\nContent-Type: application/json\r\nCache-Control: no-store\r\n"
                          "Connection: close\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
    }

    QTcpServer *m_server;
};

} // namespace

class TestTokenClient final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void kidOfAKeyWithoutOne();

    void assertionHeaderAndClaims_data();
    void assertionHeaderAndClaims();
    void assertionTimes();
    void assertionJtiIsFreshEachTime();
    void assertionRefusesWhatCannotSign();
    void tokenEndpointUrl_data();
    void tokenEndpointUrl();
    void formEncoding();

    void tokenGranted();
    void tokenRefused_data();
    void tokenRefused();
    void answerWithoutToken();
    void connectionRefused();
    void timeout();
    void badKeyFailsWithoutConnecting();
    void selfSignedHttpsOnlyWhenInsecure();
    void assertionNeverLogged();

private:
    TokenResult run(const TokenRequest &request);
    TokenRequest requestFor(quint16 port, const QString &scheme = QStringLiteral("http")) const;

    QNetworkAccessManager m_network;
    Key m_rsa;
};

void TestTokenClient::initTestCase()
{
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_rsa = mustGenerate(KeyType::Rsa2048).withKid(QStringLiteral("test-kid"));
}

TokenResult TestTokenClient::run(const TokenRequest &request)
{
    TokenClient client(&m_network);
    TokenResult result;
    int emitted = 0;
    QEventLoop loop;
    connect(&client, &TokenClient::finished, &loop, [&](const TokenResult &answer) {
        result = answer;
        ++emitted;
        loop.quit();
    });
    QTimer::singleShot(kWaitMs, &loop, &QEventLoop::quit);
    client.requestToken(request);
    loop.exec();
    QTest::qWait(50); // a second emission would show here
    if (emitted != 1)
        qWarning("finished() emitted %d times", emitted);
    result.ok = result.ok && emitted == 1;
    if (emitted != 1)
        result.error = QStringLiteral("finished emitted %1 times").arg(emitted);
    return result;
}

TokenRequest TestTokenClient::requestFor(quint16 port, const QString &scheme) const
{
    TokenRequest request;
    request.tokenUrl = tester::tokenEndpointUrl(QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(port));
    request.clientId = kClientId;
    request.privateKey = m_rsa;
    request.timeoutMs = 5000;
    return request;
}

void TestTokenClient::kidOfAKeyWithoutOne()
{
    const Key bare = mustGenerate(KeyType::EcP256);
    QVERIFY(bare.kid().isEmpty());
    wf::auth::AppIntegration app;
    app.keys.append({QStringLiteral("registered-kid"), bare.publicJwk(), true, {}});
    // The kid the app registered the same public key under, else the thumbprint; an own kid stays.
    QCOMPARE(withRegisteredKid(bare, &app).kid(), QStringLiteral("registered-kid"));
    QCOMPARE(withRegisteredKid(bare, nullptr).kid(), bare.thumbprint());
    QCOMPARE(withRegisteredKid(mustGenerate(KeyType::EcP256), &app).kid().size(), bare.thumbprint().size());
    QCOMPARE(withRegisteredKid(bare.withKid(QStringLiteral("own")), &app).kid(), QStringLiteral("own"));
}

void TestTokenClient::assertionHeaderAndClaims_data()
{
    QTest::addColumn<QString>("keyName");
    QTest::addColumn<QString>("kid");
    QTest::addColumn<QString>("alg");
    QTest::newRow("RSA 2048 with kid") << "rsa"
                                       << "k1"
                                       << "RS256";
    QTest::newRow("RSA 2048 without kid") << "rsa"
                                          << ""
                                          << "RS256";
    QTest::newRow("RSA 3072") << "rsa3072"
                              << "k3"
                              << "RS256";
    QTest::newRow("EC P-256") << "ec"
                              << "ec-kid"
                              << "ES256";
    QTest::newRow("EC P-384") << "ec384"
                              << ""
                              << "ES384";
    QTest::newRow("EC P-521") << "p521"
                              << "p521-kid"
                              << "ES512";
}

void TestTokenClient::assertionHeaderAndClaims()
{
    QFETCH(QString, keyName);
    QFETCH(QString, kid);
    QFETCH(QString, alg);
    Key key;
    if (keyName == QLatin1String("p521")) {
        auto parsed = Key::fromPem(QByteArray(kP521PrivateKey));
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        key = *parsed;
    } else {
        key = mustGenerate(*auth::parseKeyTypeId(keyName));
    }
    if (!kid.isEmpty())
        key = key.withKid(kid);
    QCOMPARE(key.kid(), kid);
    QCOMPARE(tester::assertionAlgorithm(key).value(), alg);

    const QString tokenUrl = QStringLiteral("http://127.0.0.1:8787/oauth2/v1/token");
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto assertion = tester::buildClientAssertion(kClientId, key, tokenUrl);
    QVERIFY2(assertion.ok(), assertion.ok() ? "" : qPrintable(assertion.error().message));
    const QList<QByteArray> parts = assertion->split('.');
    QCOMPARE(parts.size(), 3);

    const QJsonObject header = decodePart(parts.at(0));
    QCOMPARE(header.value(QLatin1String("alg")).toString(), alg);
    QCOMPARE(header.value(QLatin1String("typ")).toString(), QStringLiteral("JWT"));
    QCOMPARE(header.contains(QLatin1String("kid")), !kid.isEmpty());
    if (!kid.isEmpty())
        QCOMPARE(header.value(QLatin1String("kid")).toString(), kid);
    QCOMPARE(header.size(), kid.isEmpty() ? 2 : 3);

    const QJsonObject claims = decodePart(parts.at(1));
    QCOMPARE(claims.keys(),
             (QStringList{QStringLiteral("aud"), QStringLiteral("exp"), QStringLiteral("iat"),
                          QStringLiteral("iss"), QStringLiteral("jti"), QStringLiteral("sub")}));
    QCOMPARE(claims.value(QLatin1String("iss")).toString(), kClientId);
    QCOMPARE(claims.value(QLatin1String("sub")).toString(), kClientId);
    QCOMPARE(claims.value(QLatin1String("aud")).toString(), tokenUrl);
    const qint64 iat = claims.value(QLatin1String("iat")).toInteger(-1);
    QVERIFY(claims.value(QLatin1String("iat")).isDouble());
    QVERIFY(iat >= before.toSecsSinceEpoch() && iat <= QDateTime::currentSecsSinceEpoch());
    QCOMPARE(claims.value(QLatin1String("exp")).toInteger() - iat, 300);
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$"))
                .match(claims.value(QLatin1String("jti")).toString())
                .hasMatch());

    // The signature verifies with the public key alone, and not with another key.
    const auto jws = auth::Jws::parse(*assertion, 8192);
    QVERIFY2(jws.ok(), jws.ok() ? "" : qPrintable(jws.error().message));
    QCOMPARE(jws->alg, alg);
    QCOMPARE(jws->kid, kid);
    const auto verified = auth::verifyJws(*jws, publicOf(key));
    QVERIFY2(verified.ok(), verified.ok() ? "" : qPrintable(verified.error().message));
    const Key other = key.isRsa() ? mustGenerate(KeyType::Rsa2048) : mustGenerate(KeyType::EcP256);
    if (other.supportsAlgorithm(alg))
        QVERIFY(!auth::verifyJws(*jws, publicOf(other)).ok());
}

void TestTokenClient::assertionTimes()
{
    const QDateTime now = QDateTime(QDate(2031, 5, 6), QTime(7, 8, 9), Qt::UTC);
    const auto assertion =
        tester::buildClientAssertion(kClientId, m_rsa, QStringLiteral("https://x.test/t"), now, 60);
    QVERIFY(assertion.ok());
    const QJsonObject claims = decodePart(assertion->split('.').value(1));
    QCOMPARE(claims.value(QLatin1String("iat")).toInteger(), now.toSecsSinceEpoch());
    QCOMPARE(claims.value(QLatin1String("exp")).toInteger(), now.toSecsSinceEpoch() + 60);
    QCOMPARE(claims.value(QLatin1String("aud")).toString(), QStringLiteral("https://x.test/t"));
    QVERIFY(!tester::buildClientAssertion(kClientId, m_rsa, QStringLiteral("https://x.test/t"), now, 0).ok());
}

void TestTokenClient::assertionJtiIsFreshEachTime()
{
    const Key ec = mustGenerate(KeyType::EcP256);
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const auto assertion = tester::buildClientAssertion(kClientId, ec, QStringLiteral("http://a/t"));
        QVERIFY(assertion.ok());
        seen.insert(decodePart(assertion->split('.').value(1)).value(QLatin1String("jti")).toString());
    }
    QCOMPARE(seen.size(), 200);
}

void TestTokenClient::assertionRefusesWhatCannotSign()
{
    const QString url = QStringLiteral("http://127.0.0.1:8787/oauth2/v1/token");
    const auto publicOnly = tester::buildClientAssertion(kClientId, publicOf(m_rsa), url);
    QVERIFY(!publicOnly.ok());
    QVERIFY2(publicOnly.error().message.contains(QLatin1String("private key")),
             qPrintable(publicOnly.error().message));
    QVERIFY(!tester::buildClientAssertion(kClientId, Key(), url).ok());
    QVERIFY(!tester::buildClientAssertion(QString(), m_rsa, url).ok());
    QVERIFY(!tester::buildClientAssertion(kClientId, m_rsa, QString()).ok());
}

void TestTokenClient::tokenEndpointUrl_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default") << "http://127.0.0.1:8787"
                             << "http://127.0.0.1:8787/oauth2/v1/token";
    QTest::newRow("trailing slash") << "http://127.0.0.1:8787/"
                                    << "http://127.0.0.1:8787/oauth2/v1/token";
    QTest::newRow("slashes") << "https://flows.example//"
                             << "https://flows.example/oauth2/v1/token";
    QTest::newRow("path prefix") << "https://example.org/wf/"
                                 << "https://example.org/wf/oauth2/v1/token";
}

void TestTokenClient::tokenEndpointUrl()
{
    QFETCH(QString, base);
    QFETCH(QString, expected);
    QCOMPARE(tester::tokenEndpointUrl(base), expected);
}

void TestTokenClient::formEncoding()
{
    const QByteArray body = tester::formEncode(
        {{QStringLiteral("scope"), QStringLiteral("a b+c&d=e/\u00e9~")}, {QStringLiteral("x y"), QString()}});
    QCOMPARE(body, QByteArray("scope=a%20b%2Bc%26d%3De%2F%C3%A9~&x%20y="));
    const auto fields = decodeForm(body);
    QCOMPARE(fields.value(QStringLiteral("scope")), QStringLiteral("a b+c&d=e/\u00e9~"));
    QVERIFY(fields.contains(QStringLiteral("x y")));
}

void TestTokenClient::tokenGranted()
{
    FakeTokenServer server(new QTcpServer);
    QVERIFY(server.listen());
    server.body =
        QByteArrayLiteral("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"eyJ.the."
                          "token\",\"scope\":\"okta.workflows.invoke.manage other.scope\"}");
    TokenRequest request = requestFor(server.port());
    request.scope = QStringLiteral("okta.workflows.invoke.manage other.scope");
    const TokenResult result = run(request);

    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.accessToken, QStringLiteral("eyJ.the.token"));
    QCOMPARE(result.tokenType, QStringLiteral("Bearer"));
    QCOMPARE(result.expiresIn, 3600);
    QCOMPARE(result.scope, QStringLiteral("okta.workflows.invoke.manage other.scope"));
    QVERIFY(result.error.isEmpty());
    QVERIFY(result.errorDescription.isEmpty());
    QVERIFY(result.message.isEmpty());
    QCOMPARE(result.json.value(QLatin1String("access_token")).toString(), QStringLiteral("eyJ.the.token"));

    QCOMPARE(server.requests.size(), 1);
    const RecordedRequest &sent = server.requests.constFirst();
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.path, QByteArray("/oauth2/v1/token"));
    QCOMPARE(sent.contentType, QByteArray("application/x-www-form-urlencoded"));
    QVERIFY(!sent.body.contains(' '));
    const auto form = decodeForm(sent.body);
    QCOMPARE(form.keys(), (QStringList{QStringLiteral("client_assertion"),
                                       QStringLiteral("client_assertion_type"), QStringLiteral("client_id"),
                                       QStringLiteral("grant_type"), QStringLiteral("scope")}));
    QCOMPARE(form.value(QStringLiteral("grant_type")), QStringLiteral("client_credentials"));
    QCOMPARE(form.value(QStringLiteral("scope")), request.scope);
    QCOMPARE(form.value(QStringLiteral("client_assertion_type")),
             QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"));
    QCOMPARE(form.value(QStringLiteral("client_id")), kClientId);

    // The assertion that went out: signed by our key, addressed to this token endpoint.
    const QByteArray assertion = form.value(QStringLiteral("client_assertion")).toLatin1();
    const auto jws = auth::Jws::parse(assertion, 8192);
    QVERIFY2(jws.ok(), jws.ok() ? "" : qPrintable(jws.error().message));
    QCOMPARE(jws->kid, QStringLiteral("test-kid"));
    QVERIFY(auth::verifyJws(*jws, publicOf(m_rsa)).ok());
    const QJsonObject claims = QJsonDocument::fromJson(jws->payload).object();
    QCOMPARE(claims.value(QLatin1String("aud")).toString(), request.tokenUrl);
    QCOMPARE(claims.value(QLatin1String("iss")).toString(), kClientId);
    QCOMPARE(result.assertionClaims, claims);
    QCOMPARE(result.assertionHeader, jws->header);
}

void TestTokenClient::tokenRefused_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("description");
    QTest::newRow("replayed jti") << 401
                                  << QByteArray("{\"error\":\"invalid_client\",\"error_description\":\"jti "
                                                "already used\"}")
                                  << "invalid_client"
                                  << "jti already used";
    QTest::newRow("scope not granted")
        << 400
        << QByteArray("{\"error\":\"invalid_scope\",\"error_description\":\"scope x.y is not granted\"}")
        << "invalid_scope"
        << "scope x.y is not granted";
    QTest::newRow("no description") << 400 << QByteArray("{\"error\":\"unsupported_grant_type\"}")
                                    << "unsupported_grant_type"
                                    << "";
    QTest::newRow("not JSON") << 502 << QByteArray("Bad gateway") << "invalid_response"
                              << "answered HTTP 502 without an OAuth 2.0 error";
}

void TestTokenClient::tokenRefused()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    QFETCH(QString, description);
    FakeTokenServer server(new QTcpServer);
    QVERIFY(server.listen());
    server.status = status;
    server.body = body;
    const TokenResult result = run(requestFor(server.port()));
    QVERIFY(!result.ok);
    QCOMPARE(server.requests.size(), 1);
    QCOMPARE(result.httpStatus, status);
    QCOMPARE(result.error, error);
    QVERIFY(result.accessToken.isEmpty());
    if (error == QLatin1String("invalid_response")) {
        QVERIFY2(result.errorDescription.contains(description), qPrintable(result.errorDescription));
        return;
    }
    QCOMPARE(result.errorDescription, description);
    QCOMPARE(result.json.value(QLatin1String("error")).toString(), error);
    const QString expected =
        QStringLiteral("http://127.0.0.1:%1 refused the token request (HTTP %2): %3")
            .arg(server.port())
            .arg(status)
            .arg(description.isEmpty() ? error : error + QStringLiteral(": ") + description);
    QCOMPARE(result.message, expected);
}

void TestTokenClient::answerWithoutToken()
{
    FakeTokenServer server(new QTcpServer);
    QVERIFY(server.listen());
    server.body = QByteArrayLiteral("{\"token_type\":\"Bearer\"}");
    const TokenResult result = run(requestFor(server.port()));
    QVERIFY(!result.ok);
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.error, QStringLiteral("invalid_response"));
    QVERIFY2(result.message.contains(QLatin1String("without an access_token")), qPrintable(result.message));
}

void TestTokenClient::connectionRefused()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    } // closed: nothing listens there now
    const TokenResult result = run(requestFor(port));
    QVERIFY(!result.ok);
    QCOMPARE(result.httpStatus, 0);
    QCOMPARE(result.error, QStringLiteral("network_error"));
    QCOMPARE(result.message,
             QStringLiteral("cannot reach http://127.0.0.1:%1: connection refused; is the server running?")
                 .arg(port));
    QCOMPARE(result.errorDescription, result.message);
}

void TestTokenClient::timeout()
{
    FakeTokenServer server(new QTcpServer);
    QVERIFY(server.listen());
    server.silent = true;
    TokenRequest request = requestFor(server.port());
    request.timeoutMs = 400;
    QElapsedTimer timer;
    timer.start();
    const TokenResult result = run(request);
    QVERIFY(!result.ok);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(server.requests.size(), 1);
    QCOMPARE(result.httpStatus, 0);
    QCOMPARE(result.error, QStringLiteral("timeout"));
    QCOMPARE(result.message,
             QStringLiteral("no answer from http://127.0.0.1:%1 within 0.4 s").arg(server.port()));
}

void TestTokenClient::badKeyFailsWithoutConnecting()
{
    FakeTokenServer server(new QTcpServer);
    QVERIFY(server.listen());
    TokenRequest request = requestFor(server.port());
    request.privateKey = publicOf(m_rsa);

    TokenClient client(&m_network);
    bool emitted = false;
    TokenResult result;
    connect(&client, &TokenClient::finished, this, [&](const TokenResult &answer) {
        emitted = true;
        result = answer;
    });
    client.requestToken(request);
    QVERIFY(!emitted); // always after requestToken() has returned
    QTRY_VERIFY_WITH_TIMEOUT(emitted, kWaitMs);
    QVERIFY(!result.ok);
    QCOMPARE(result.error, QStringLiteral("invalid_key"));
    QVERIFY(result.message.contains(QLatin1String("private key")));
    QTest::qWait(100);
    QVERIFY(server.requests.isEmpty());

    request = requestFor(server.port());
    request.tokenUrl = QStringLiteral("ftp://127.0.0.1/oauth2/v1/token");
    QCOMPARE(run(request).error, QStringLiteral("invalid_request"));
}

void TestTokenClient::selfSignedHttpsOnlyWhenInsecure()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    // A self-signed certificate for "localhost" and 127.0.0.1, and its key (tests/data/tls).
    QFile certificate(QStringLiteral(WF_TEST_DATA_DIR "/tls/cert.pem"));
    QFile key(QStringLiteral(WF_TEST_DATA_DIR "/tls/key.pem"));
    QVERIFY(certificate.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
    auto *tls = new QSslServer;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certificate.readAll()));
    configuration.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls->setSslConfiguration(configuration);
    FakeTokenServer server(tls);
    QVERIFY(server.listen());
    server.body =
        QByteArrayLiteral("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"tls-token\","
                          "\"scope\":\"okta.workflows.invoke.manage\"}");

    TokenRequest request = requestFor(server.port(), QStringLiteral("https"));
    const TokenResult refused = run(request);
    QVERIFY(!refused.ok);
    QCOMPARE(refused.httpStatus, 0);
    QCOMPARE(refused.error, QStringLiteral("network_error"));
    QVERIFY2(
        refused.message.startsWith(
            QStringLiteral("cannot reach https://127.0.0.1:%1: TLS handshake failed").arg(server.port())),
        qPrintable(refused.message));
    QVERIFY(server.requests.isEmpty());

    request.insecure = true;
    const TokenResult accepted = run(request);
    QVERIFY2(accepted.ok, qPrintable(accepted.message));
    QCOMPARE(accepted.accessToken, QStringLiteral("tls-token"));
    QCOMPARE(server.requests.size(), 1);
}

namespace {
QStringList g_messages;
void collectMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages.append(message);
}
} // namespace

void TestTokenClient::assertionNeverLogged()
{
    FakeTokenServer server(new QTcpServer);
    QVERIFY(server.listen());
    server.status = 401;
    server.body = QByteArrayLiteral("{\"error\":\"invalid_client\",\"error_description\":\"unknown kid\"}");
    g_messages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(collectMessage);
    const TokenResult result = run(requestFor(server.port()));
    qInstallMessageHandler(previous);
    QCOMPARE(server.requests.size(), 1);
    const QString assertion =
        decodeForm(server.requests.constFirst().body).value(QStringLiteral("client_assertion"));
    QVERIFY(!assertion.isEmpty());
    const QString signature = assertion.section(QLatin1Char('.'), 2);
    for (const QString &message : std::as_const(g_messages))
        QVERIFY2(!message.contains(signature), "a log message holds the assertion");
    for (const QString &text : {result.message, result.errorDescription, result.error})
        QVERIFY(!text.contains(signature));
    QVERIFY(!QJsonDocument(result.assertionHeader).toJson().contains(signature.toLatin1()));
}

QTEST_GUILESS_MAIN(TestTokenClient)
#include "tst_tokenclient.moc"
