#pragma once

// The command-line verbs. Each parses its own arguments and calls into core; the GUI is started by
// main() when no verb is given.

#include <QStringList>
#include <optional>

class QCommandLineParser;

class QApplication;

namespace wf::cli {

// Exit codes shared by every verb.
enum ExitCode { Ok = 0, Failure = 1, Usage = 2, InvalidFlow = 3 };

// Parses a verb's arguments. Returns the exit code to return at once: Usage after printing the
// parser's error to stderr, Ok after printing the help (naming the verb) to stdout; nullopt to go on.
std::optional<int> parseVerbArguments(QCommandLineParser &parser, const QStringList &arguments,
                                      const char *verb);

int runFlow(const QStringList &arguments);     // wfconsole run FLOW.json ...
int listCards(const QStringList &arguments);   // wfconsole cards [--json]
int listFlows(const QStringList &arguments);   // wfconsole flows [--workspace DIR] [--json]
int serve(const QStringList &arguments);       // wfconsole serve [--workspace DIR] [--host H] [--port P]
int listHistory(const QStringList &arguments); // wfconsole history [--workspace DIR] [--database URL] ...
int manageApps(const QStringList &arguments);  // wfconsole apps [SUBCOMMAND ...] [--workspace DIR]
int manageSigningKeys(const QStringList &arguments); // wfconsole signing-keys [rotate] [--workspace DIR]
int fetchToken(const QStringList &arguments);        // wfconsole token --client-id ID --key FILE ...
// wfconsole [--workspace DIR]: the desktop console (ConsoleStart.cpp).
int runConsole(QApplication &app);

} // namespace wf::cli
