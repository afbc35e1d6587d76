#pragma once

// The request tester page (PRODUCT.md §7): history and collections on the left, the request editor
// above the answer on the right. Sends with the tester's runner (a token fetched and cached for
// OAuth 2.0), records every request in the tester's history, copies a request as cURL, and opens
// a flow's ready-made request from its endpoint settings.

#include "tester/RequestRunner.h"

#include <QWidget>
#include <functional>

class QAction;

namespace wf::ui {

class ConsoleSession;
class RequestEditor;
class ResponseView;
class TesterSidebar;

class TesterPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TesterPage)

public:
    explicit TesterPage(ConsoleSession &session, QWidget *parent = nullptr);
    ~TesterPage() override;

    // A request for the flow, ready for its security level: its Invoke URL, a JSON body of its
    // declared fields, its query parameters and headers, and the auth it needs.
    void openFlow(const QString &flowId);
    static tester::RequestDocument requestForFlow(const ConsoleSession &session, const QString &flowId);

    void send();
    void cancel();
    void getToken();
    // Copies the current request as a cURL command; asks before including secrets.
    void copyAsCurl();
    void editVariables();

    // Seams: tests answer the questions a person would.
    using Confirmer = std::function<bool(const QString &question)>;
    void setConfirmer(Confirmer confirmer) { m_confirm = std::move(confirmer); }

    RequestEditor *editor() const { return m_editor; }
    ResponseView *response() const { return m_response; }
    TesterSidebar *sidebar() const { return m_sidebar; }
    tester::RequestRunner *runner() const { return m_runner; }

signals:
    void openExecutionRequested(const QString &executionId);
    void message(const QString &text);

private:
    struct SendContext;
    // Reads what a request needs from the secret store (variables, the flow's client token, the
    // private key) off the UI thread, then calls `then` on it.
    void resolveContext(const tester::RequestDocument &document, std::function<void(SendContext)> then);
    void buildActions();
    void finishRun(const tester::RunResult &result);
    void saveDraft();
    void restoreDraft();

    ConsoleSession &m_session;
    RequestEditor *m_editor = nullptr;
    ResponseView *m_response = nullptr;
    TesterSidebar *m_sidebar = nullptr;
    tester::RequestRunner *m_runner = nullptr;
    tester::RequestDocument m_sentDocument; // the document of the request in flight
    std::optional<tester::OAuthCredentials> m_lastCredentials;
    Confirmer m_confirm;
    quint64 m_resolving = 0; // counts resolutions, so a stale one is dropped
};

} // namespace wf::ui
