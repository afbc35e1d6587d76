#include "ServerController.h"

#include "endpoint/ResponseShaper.h"

namespace wf::ui {

ServerController::ServerController(SecretStore &secrets, QObject *parent)
    : QObject(parent), m_secrets(secrets)
{
    m_thread.setObjectName(QStringLiteral("wf.server"));
    m_consolePool.setObjectName(QStringLiteral("wf.console"));
    m_consolePool.setMaxThreadCount(4);
    m_host = new QObject;
    m_host->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_host, &QObject::deleteLater);
    m_thread.start();
}

ServerController::~ServerController()
{
    QMetaObject::invokeMethod(
        m_host, [this] { releaseServer(); }, Qt::BlockingQueuedConnection);
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
        releaseServer();
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

void ServerController::releaseServer()
{
    {
        std::unique_lock lock(m_consoleMutex);
        m_consoleIdle.wait(lock, [this] { return m_consoleCalls == 0; });
    }
    m_server.reset();
}

void ServerController::resumeExecution(const QString &flowId, const QString &executionId,
                                       const QByteArray &body, ConsoleAnswer done)
{
    runFromConsole(
        [flowId, executionId, body](InvokeService &service) {
            return service.resumeFromConsole(flowId, executionId, body);
        },
        std::move(done));
}

void ServerController::retryExecution(const QString &flowId, const QString &executionId, ConsoleAnswer done)
{
    runFromConsole([flowId, executionId](
                       InvokeService &service) { return service.retryFromConsole(flowId, executionId); },
                   std::move(done));
}

void ServerController::runFromConsole(std::function<HttpAnswer(InvokeService &)> call, ConsoleAnswer done)
{
    // Answered on this thread; queued events to a destroyed controller are dropped with it.
    const auto answer = [this, done](const HttpAnswer &given) {
        const QString executionId = QString::fromLatin1(given.header("X-Execution-Id"));
        QMetaObject::invokeMethod(this, [this, done, status = given.status, body = given.body, executionId] {
            if (done)
                done(status, body, executionId);
            emit consoleExecutionFinished(executionId, status);
        });
    };
    // The server is looked at, and the call counted, in m_thread: releaseServer() runs there too, so
    // a call either starts before the release (which then waits for it) or finds no server.
    QMetaObject::invokeMethod(m_host, [this, call = std::move(call), answer] {
        InvokeService *service = m_server ? m_server->invokeService() : nullptr;
        if (!service) {
            answer(errorAnswer(503, QStringLiteral("server_stopped"),
                               QStringLiteral("the server is not running; start it to resume or retry "
                                              "executions")));
            return;
        }
        {
            std::lock_guard lock(m_consoleMutex);
            ++m_consoleCalls;
        }
        m_consolePool.start([this, service, call, answer] {
            answer(call(*service));
            std::lock_guard lock(m_consoleMutex);
            --m_consoleCalls;
            m_consoleIdle.notify_all();
        });
    });
}

void ServerController::runningExecutions(std::function<void(QList<RunningExecution>)> done)
{
    QMetaObject::invokeMethod(m_host, [this, done = std::move(done)] {
        InvokeService *service = m_server ? m_server->invokeService() : nullptr;
        const QList<RunningExecution> running = service ? service->running() : QList<RunningExecution>();
        QMetaObject::invokeMethod(this, [done, running] { done(running); });
    });
}

} // namespace wf::ui
