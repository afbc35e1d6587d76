#include "flow/FlowLibrary.h"

#include <QDir>
#include <QFile>

namespace wf {

void FlowLibrary::add(Flow flow)
{
    if (!m_flows.contains(flow.id))
        m_order.append(flow.id);
    const QString id = flow.id;
    m_flows.insert(id, std::move(flow));
}

const Flow *FlowLibrary::find(const QString &flowId) const
{
    const auto it = m_flows.constFind(flowId);
    return it == m_flows.constEnd() ? nullptr : &*it;
}

QList<const Flow *> FlowLibrary::flows() const
{
    QList<const Flow *> result;
    for (const QString &id : m_order)
        result.append(&*m_flows.constFind(id));
    return result;
}

FlowLibrary FlowLibrary::loadDirectory(const QString &directory, QStringList *problems)
{
    FlowLibrary library;
    const QDir dir(directory);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (file.size() > kMaxFlowFileSize || !file.open(QIODevice::ReadOnly)) {
            if (problems)
                problems->append(QStringLiteral("%1: cannot be read").arg(name));
            continue;
        }
        FlowParseResult parsed = flowjson::parse(file.readAll());
        if (!parsed.ok()) {
            if (problems) {
                for (const FlowProblem &problem : std::as_const(parsed.problems))
                    problems->append(QStringLiteral("%1: %2").arg(name, problem.toString()));
            }
            continue;
        }
        if (library.find(parsed.flow->id)) {
            if (problems)
                problems->append(QStringLiteral("%1: another file already holds a flow with id '%2'")
                                     .arg(name, parsed.flow->id));
            continue;
        }
        library.add(std::move(*parsed.flow));
    }
    return library;
}

} // namespace wf
