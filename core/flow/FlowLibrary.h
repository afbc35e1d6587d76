#pragma once

// The flows an execution may call by id (helper flows for Call Flow, For Each and Map). Immutable
// once built; executions share it read-only.

#include "flow/Flow.h"
#include "flow/FlowJson.h"

#include <QHash>
#include <QStringList>

namespace wf {

class FlowLibrary final {
public:
    void add(Flow flow);
    const Flow *find(const QString &flowId) const;
    QList<const Flow *> flows() const;
    qsizetype size() const { return m_flows.size(); }

    // Loads every *.json flow file of `directory`. Files that do not parse are reported in `problems`
    // as "file: problem" and left out.
    static FlowLibrary loadDirectory(const QString &directory, QStringList *problems);

private:
    QHash<QString, Flow> m_flows;
    QStringList m_order;
};

} // namespace wf
