#include "ServerController.h"

namespace wf::ui {

ServerController::ServerController(SecretStore &secrets, QObject *parent)
    : QObject(parent), m_secrets(secrets)
{
    m_thread.setObjectName(QStringLiteral("wf.server"));
    m_host = new QObject;
    m_host->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_host, &QObject::deleteLater);
    m_thread.start();
}

ServerController::~ServerController()
{
    QMetaObject::invokeMethod(
        m_host, [this] { m_server.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ServerController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ServerController::start(const Workspace &workspace, const server::ServeOverrides &overrides)
{
    if (m_state != State::Stopped && m_state != State::Failed)
        return;
    m_error.clear();
    setState(State::Starting);
    QMetaObject::invokeMethod(m_host, [this, workspace, overrides] {
        auto server = std::make_unique<server::WorkspaceServer>(workspace, m_secrets);
        // Queued to this object, on the UI thread.
        connect(server.get(), &server::WorkspaceServer::requestFinished, this,
                [this](const QByteArray &method, const QByteArray &path, int status, qint64 durationMs,
                       const QByteArray &executionId) {
                    emit requestFinished(QString::fromLatin1(method), QString::fromUtf8(path), status,
                                         durationMs, QString::fromLatin1(executionId));
                });
        connect(server.get(), &server::WorkspaceServer::problem, this, &ServerController::problem);
        const Result<bool> started = server->start(overrides);
        const QString error = started ? QString() : started.error().message;
        const QString baseUrl = started ? server->baseUrl() : QString();
        if (started)
            m_server = std::move(server);
        QMetaObject::invokeMethod(this, [this, error, baseUrl] {
            m_error = error;
            m_baseUrl = baseUrl;
            setState(error.isEmpty() ? State::Listening : State::Failed);
        });
    });
}

void ServerController::stop()
{
    if (m_state != State::Listening)
        return;
    setState(State::Stopping);
    QMetaObject::invokeMethod(m_host, [this] {
        m_server.reset();
        QMetaObject::invokeMethod(this, [this] {
            m_baseUrl.clear();
            setState(State::Stopped);
        });
    });
}

void ServerController::apply(const Workspace &workspace)
{
    QMetaObject::invokeMethod(m_host, [this, workspace] {
        if (!m_server)
            return;
        if (auto applied = m_server->apply(workspace); !applied)
            emit problem(applied.error().message);
    });
}

void ServerController::cancelExecution(const QString &executionId, std::function<void(bool)> done)
{
    QMetaObject::invokeMethod(m_host, [this, executionId, done = std::move(done)] {
        const bool canceled = m_server && m_server->invokeService()->cancel(executionId);
        QMetaObject::invokeMethod(this, [done, canceled] { done(canceled); });
    });
}

} // namespace wf::ui
