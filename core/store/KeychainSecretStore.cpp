#include "store/KeychainSecretStore.h"

#include <QMetaObject>
#include <QThread>
#include <future>
#include <qt6keychain/keychain.h>

namespace wf {
namespace {

const QString kService = QStringLiteral("wfconsole");

// The one thread every keychain job runs in. It lives as long as the process: QtKeychain's executor
// is a process-wide object bound to the thread of the first job, so the thread may never change.
QObject *keychainContext()
{
    static QObject *context = [] {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("wf-keychain"));
        auto *object = new QObject;
        object->moveToThread(thread);
        thread->start();
        return object;
    }();
    return context;
}

} // namespace

struct KeychainSecretStore::Outcome {
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QString secret;
    bool timedOut = false;
};

KeychainSecretStore::KeychainSecretStore(int timeoutMs) : m_timeoutMs(timeoutMs) {}

KeychainSecretStore::Outcome KeychainSecretStore::run(Operation operation, const QString &key,
                                                      const QString &secret)
{
    auto promise = std::make_shared<std::promise<Outcome>>();
    std::future<Outcome> future = promise->get_future();
    QMetaObject::invokeMethod(
        keychainContext(),
        [operation, key, secret, promise] {
            QKeychain::Job *job = nullptr;
            switch (operation) {
            case Operation::Read:
                job = new QKeychain::ReadPasswordJob(kService);
                break;
            case Operation::Write: {
                auto *write = new QKeychain::WritePasswordJob(kService);
                write->setTextData(secret);
                job = write;
                break;
            }
            case Operation::Remove:
                job = new QKeychain::DeletePasswordJob(kService);
                break;
            }
            job->setAutoDelete(true);
            job->setInsecureFallback(false); // never a silent plaintext fallback
            job->setKey(key);
            QObject::connect(job, &QKeychain::Job::finished, job, [promise](QKeychain::Job *finished) {
                Outcome outcome;
                outcome.error = finished->error();
                outcome.errorString = finished->errorString();
                if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                    outcome.secret = read->textData();
                promise->set_value(outcome);
            });
            job->start();
        },
        Qt::QueuedConnection);
    if (future.wait_for(std::chrono::milliseconds(m_timeoutMs)) != std::future_status::ready) {
        Outcome outcome;
        outcome.timedOut = true;
        return outcome; // the job still finishes later and fulfils a promise nobody waits for
    }
    return future.get();
}

bool KeychainSecretStore::isAvailable(QString *why)
{
    const Outcome outcome = run(Operation::Read, QStringLiteral("wfconsole/availability-probe"), {});
    const bool available = !outcome.timedOut &&
                           (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound);
    if (!available && why)
        *why = outcome.timedOut
                   ? QStringLiteral("the keychain did not answer within %1 s").arg(m_timeoutMs / 1000)
                   : outcome.errorString;
    return available;
}

Result<std::optional<QString>> KeychainSecretStore::read(const QString &key)
{
    const Outcome outcome = run(Operation::Read, key, {});
    if (outcome.timedOut)
        return makeError(ErrorType::Timeout, QStringLiteral("the keychain did not answer (is it locked?)"));
    if (outcome.error == QKeychain::EntryNotFound)
        return std::optional<QString>();
    if (outcome.error != QKeychain::NoError)
        return makeError(ErrorType::Internal,
                         QStringLiteral("the keychain refused to read: %1").arg(outcome.errorString));
    return std::optional<QString>(outcome.secret);
}

Result<bool> KeychainSecretStore::write(const QString &key, const QString &secret)
{
    const Outcome outcome = run(Operation::Write, key, secret);
    if (outcome.timedOut)
        return makeError(ErrorType::Timeout, QStringLiteral("the keychain did not answer (is it locked?)"));
    if (outcome.error != QKeychain::NoError)
        return makeError(ErrorType::Internal,
                         QStringLiteral("the keychain refused to store: %1").arg(outcome.errorString));
    return true;
}

Result<bool> KeychainSecretStore::remove(const QString &key)
{
    // The Secret Service deletes a missing entry without complaint; ask first, so the answer tells.
    auto existing = read(key);
    if (!existing)
        return existing.error();
    if (!existing->has_value())
        return false;
    const Outcome outcome = run(Operation::Remove, key, {});
    if (outcome.timedOut)
        return makeError(ErrorType::Timeout, QStringLiteral("the keychain did not answer (is it locked?)"));
    if (outcome.error == QKeychain::EntryNotFound)
        return false;
    if (outcome.error != QKeychain::NoError)
        return makeError(ErrorType::Internal,
                         QStringLiteral("the keychain refused to delete: %1").arg(outcome.errorString));
    return true;
}

} // namespace wf
