#include "server/ServerInfo.h"

#include <QtHttpServer/qthttpserverversion.h>

namespace wf::server {

QString httpServerModuleVersion()
{
    return QStringLiteral(QTHTTPSERVER_VERSION_STR);
}

} // namespace wf::server
