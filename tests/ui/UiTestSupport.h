#pragma once

// Shared by the console's GUI tests: a scratch workspace made from the bundled samples, with its
// secrets in memory, and the ConsoleSession the pages work on. The server is not started unless a
// test asks for it (startServer() on port 0).

#include "ConsoleSession.h"
#include "store/SecretStore.h"
#include "store/Workspace.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace wf::uitest {

struct SessionFixture {
    QTemporaryDir dir;
    MemorySecretStore secrets;
    std::unique_ptr<ui::ConsoleSession> session;

    // Creates the sample workspace; false (with a QTest failure message) when it cannot.
    bool create()
    {
        if (!dir.isValid())
            return false;
        auto workspace = Workspace::create(dir.path(), secrets);
        if (!workspace) {
            qWarning("%s", qPrintable(workspace.error().message));
            return false;
        }
        session = std::make_unique<ui::ConsoleSession>(std::move(workspace).value(), secrets);
        return true;
    }

    // Starts the server on a free port and waits until it listens.
    bool startServer()
    {
        QSignalSpy changed(&session->server(), &ui::ServerController::stateChanged);
        session->startServer(quint16(0));
        return QTest::qWaitFor(
                   [&] {
                       return session->server().state() == ui::ServerController::State::Listening ||
                              session->server().state() == ui::ServerController::State::Failed;
                   },
                   10000) &&
               session->server().state() == ui::ServerController::State::Listening;
    }
};

// The first flow of the workspace with `level` (the samples have one of each).
inline const Flow *sampleFlow(const Workspace &workspace, SecurityLevel level)
{
    for (const Flow &flow : workspace.flows()) {
        if (!flow.isHelper() && flow.endpoint.security == level)
            return &flow;
    }
    return nullptr;
}

} // namespace wf::uitest
