#pragma once

// Facts about the HTTP adapter that the rest of the program may print (version banners).

#include <QString>

namespace wf::server {

// The Qt HttpServer version this adapter was built against.
QString httpServerModuleVersion();

} // namespace wf::server
