// The --database URL: what a correct one gives, the sentence each mistake gets, and that the password
// never shows in its printed form.

#include "store/DatabaseUrl.h"

#include <QTest>

using namespace wf;

class TestDatabaseUrl final : public QObject {
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void masksPassword_data();
    void masksPassword();
    void tellsUrlsFromFiles_data();
    void tellsUrlsFromFiles();
};

void TestDatabaseUrl::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("options");

    const QString defaults = QStringLiteral("connect_timeout=5;keepalives=1;keepalives_idle=5;"
                                            "keepalives_interval=2;keepalives_count=3;tcp_user_timeout=10000;"
                                            "application_name=wfconsole");
    QTest::addRow("everything") << QStringLiteral("postgresql://wf:s3cret@db.example.org:6543/history")
                                << QStringLiteral("wf") << QStringLiteral("s3cret")
                                << QStringLiteral("db.example.org") << 6543 << QStringLiteral("history")
                                << defaults;
    QTest::addRow("default port, no password")
        << QStringLiteral("postgres://wf@127.0.0.1/wf") << QStringLiteral("wf") << QString()
        << QStringLiteral("127.0.0.1") << 5432 << QStringLiteral("wf") << defaults;
    QTest::addRow("percent-encoded") << QStringLiteral("postgresql://w%40f:p%3Aa%2Fs%40s@[::1]:5433/my%20db")
                                     << QStringLiteral("w@f") << QStringLiteral("p:a/s@s")
                                     << QStringLiteral("::1") << 5433 << QStringLiteral("my db") << defaults;
    QTest::addRow("parameters") << QStringLiteral(
                                       "postgresql://wf:pw@localhost/wf?sslmode=require&connect_timeout=2")
                                << QStringLiteral("wf") << QStringLiteral("pw") << QStringLiteral("localhost")
                                << 5432 << QStringLiteral("wf")
                                << QString(QString(defaults).replace(QStringLiteral("connect_timeout=5"),
                                                                     QStringLiteral("connect_timeout=2")) +
                                           QStringLiteral(";sslmode=require"));
}

void TestDatabaseUrl::parses()
{
    QFETCH(QString, text);
    const auto url = DatabaseUrl::parse(text);
    QVERIFY2(url.ok(), url.ok() ? "" : qPrintable(url.error().message));
    QTEST(url->user, "user");
    QTEST(url->password, "password");
    QTEST(url->host, "host");
    QTEST(int(url->port), "port");
    QTEST(url->database, "database");
    QTEST(url->connectOptions(), "options");
}

void TestDatabaseUrl::refuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::addRow("a file") << QStringLiteral("/var/lib/wf/history.db") << QStringLiteral("start with");
    QTest::addRow("other scheme") << QStringLiteral("mysql://wf:pw@h/db") << QStringLiteral("start with");
    QTest::addRow("no host") << QStringLiteral("postgresql://wf:pw@/db") << QStringLiteral("no host");
    QTest::addRow("no user") << QStringLiteral("postgresql://h:5432/db") << QStringLiteral("no user");
    QTest::addRow("no database") << QStringLiteral("postgresql://wf@h:5432") << QStringLiteral("no database");
    QTest::addRow("empty database") << QStringLiteral("postgresql://wf@h:5432/")
                                    << QStringLiteral("no database");
    QTest::addRow("two path parts") << QStringLiteral("postgresql://wf@h/db/x")
                                    << QStringLiteral("more than one part");
    QTest::addRow("port not a number")
        << QStringLiteral("postgresql://wf:pw@h:abc/db") << QStringLiteral("malformed");
    QTest::addRow("port too large") << QStringLiteral("postgresql://wf:pw@h:70000/db")
                                    << QStringLiteral("malformed");
    QTest::addRow("port 0") << QStringLiteral("postgresql://wf@h:0/db") << QStringLiteral("port 0");
    QTest::addRow("empty port") << QStringLiteral("postgresql://wf@h:/db") << QStringLiteral("empty port");
    QTest::addRow("space in host") << QStringLiteral("postgresql://wf:pw@h st/db")
                                   << QStringLiteral("malformed");
    QTest::addRow("unknown parameter") << QStringLiteral("postgresql://wf@h/db?options=-cfoo")
                                       << QStringLiteral("unknown parameter 'options'");
    QTest::addRow("bad sslmode") << QStringLiteral("postgresql://wf@h/db?sslmode=maybe")
                                 << QStringLiteral("sslmode 'maybe'");
    QTest::addRow("bad timeout") << QStringLiteral("postgresql://wf@h/db?connect_timeout=0")
                                 << QStringLiteral("connect_timeout '0'");
    QTest::addRow("repeated parameter")
        << QStringLiteral("postgresql://wf@h/db?sslmode=require&sslmode=disable") << QStringLiteral("twice");
    QTest::addRow("fragment") << QStringLiteral("postgresql://wf@h/db#x") << QStringLiteral("fragment");
}

void TestDatabaseUrl::refuses()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    const auto url = DatabaseUrl::parse(text);
    QVERIFY(!url.ok());
    QCOMPARE(url.error().type, ErrorType::InvalidInput);
    QVERIFY2(url.error().message.contains(reason), qPrintable(url.error().message));
    QVERIFY2(url.error().message.contains(QLatin1String("postgresql://user:password@host:port/database")),
             qPrintable(url.error().message));
    QVERIFY2(!url.error().message.contains(QLatin1String("pw")), qPrintable(url.error().message)); // password
}

void TestDatabaseUrl::masksPassword_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    QTest::addRow("password") << QStringLiteral("postgresql://wf:s3cret@db:6543/history")
                              << QStringLiteral("postgresql://wf:***@db:6543/history");
    QTest::addRow("encoded password")
        << QStringLiteral("postgres://wf:p%40ss@db/history?sslmode=require")
        << QStringLiteral("postgresql://wf:***@db:5432/history?sslmode=require");
    QTest::addRow("none") << QStringLiteral("postgresql://wf@db/history")
                          << QStringLiteral("postgresql://wf@db:5432/history");
}

void TestDatabaseUrl::masksPassword()
{
    QFETCH(QString, text);
    const auto url = DatabaseUrl::parse(text);
    QVERIFY(url.ok());
    QTEST(url->masked(), "masked");
    if (!url->password.isEmpty())
        QVERIFY(!url->masked().contains(url->password));
}

void TestDatabaseUrl::tellsUrlsFromFiles_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isUrl");
    QTest::addRow("postgresql") << QStringLiteral("postgresql://wf@h/db") << true;
    QTest::addRow("postgres, upper case") << QStringLiteral("POSTGRES://wf@h/db") << true;
    QTest::addRow("file") << QStringLiteral("history.db") << false;
    QTest::addRow("file named like a scheme") << QStringLiteral("postgresql/history.db") << false;
}

void TestDatabaseUrl::tellsUrlsFromFiles()
{
    QFETCH(QString, text);
    QTEST(DatabaseUrl::looksLikeUrl(text), "isUrl");
}

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
