#pragma once

// Asks the user to confirm what cannot be undone on an app's page (delete the app, deactivate or
// delete a key, grant or revoke a scope). The question is a window-modal message box opened without
// a nested event loop; the action runs when the user accepts it. Tests set an answer instead, so no
// dialog is shown and nothing waits.

#include <QString>
#include <functional>

class QWidget;

namespace wf::ui {

class AppDetailsAsker final {
public:
    struct Question {
        QString id;          // what is asked, for tests: "deleteApp", "deleteKey", "grantScope", ...
        QString title;       // window title, e.g. "Grant Access"
        QString text;        // the question
        QString details;     // what follows from it
        QString acceptLabel; // the button that does it, e.g. "Grant Access"
        bool destructive = false;
    };
    // Answers a question at once: true does it, false leaves everything as it was.
    using Answer = std::function<bool(const Question &)>;

    // With an answer set, questions are answered by it and no dialog is shown.
    void setAnswer(Answer answer) { m_answer = std::move(answer); }

    // Asks `question` in a dialog over `parent` (objectName "confirmationDialog", buttons
    // "confirmAccept" and "confirmCancel"); runs `accepted` when the user accepts.
    void ask(QWidget *parent, const Question &question, std::function<void()> accepted) const;

private:
    Answer m_answer;
};

} // namespace wf::ui
