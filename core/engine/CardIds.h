#pragma once

// Function ids of the cards the executor runs itself (control and block cards) or treats specially.

#include <QString>

namespace wf::cardid {

inline const QString kReturn = QStringLiteral("flow.return");
inline const QString kReturnRaw = QStringLiteral("flow.returnRaw");
inline const QString kAssign = QStringLiteral("flow.assign");
inline const QString kCallFlow = QStringLiteral("flow.callFlow");
inline const QString kCallFlowAsync = QStringLiteral("flow.callFlowAsync");
inline const QString kPause = QStringLiteral("flow.pause");
inline const QString kPauseRaw = QStringLiteral("flow.pauseRaw");
inline const QString kClose = QStringLiteral("flow.close");
inline const QString kComment = QStringLiteral("flow.comment");
inline const QString kIfElse = QStringLiteral("branching.ifElse");
inline const QString kIfElseIf = QStringLiteral("branching.ifElseIf");
inline const QString kContinueIf = QStringLiteral("branching.continueIf");
inline const QString kAssignIf = QStringLiteral("branching.assignIf");
inline const QString kReturnError = QStringLiteral("error.returnError");
inline const QString kReturnErrorIf = QStringLiteral("error.returnErrorIf");
inline const QString kIfError = QStringLiteral("error.ifError");
inline const QString kForEach = QStringLiteral("list.forEach");
inline const QString kMap = QStringLiteral("list.map");

// The pseudo-output an If Error card offers to the cards of its error block.
inline const QString kIfErrorOutput = QStringLiteral("error");

} // namespace wf::cardid
