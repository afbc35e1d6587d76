// Signs client assertions ahead of time for tests/bench/oauth.sh, so that the token endpoint's
// throughput is measured without the client's signing: one assertion per line on stdout, each with
// its own jti, signed on every core.
// Usage: wfbench_assertions CLIENT_ID KEY_FILE TOKEN_URL COUNT

#include "tester/TokenClient.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <thread>
#include <vector>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream err(stderr);
    if (args.size() != 5) {
        err << "usage: wfbench_assertions CLIENT_ID KEY_FILE TOKEN_URL COUNT" << Qt::endl;
        return 2;
    }
    QFile file(args.at(2));
    if (!file.open(QIODevice::ReadOnly)) {
        err << "cannot read " << args.at(2) << Qt::endl;
        return 1;
    }
    auto key = wf::auth::Key::fromText(file.readAll());
    if (!key) {
        err << key.error().message << Qt::endl;
        return 1;
    }
    const int count = args.at(4).toInt();
    std::vector<QByteArray> assertions(static_cast<size_t>(count));
    const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            for (size_t i = t; i < assertions.size(); i += threads) {
                auto signedText = wf::tester::buildClientAssertion(args.at(1), *key, args.at(3));
                if (signedText)
                    assertions[i] = *signedText;
            }
        });
    }
    for (std::thread &worker : workers)
        worker.join();
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return 1;
    for (const QByteArray &assertion : assertions) {
        if (assertion.isEmpty()) {
            err << "signing failed" << Qt::endl;
            return 1;
        }
        out.write(assertion + '\n');
    }
    return 0;
}
