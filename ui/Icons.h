#pragma once

// The console's icons: 24×24 stroke drawings (resources/icons/<name>.svg, in the ":/icons" resource)
// rendered sharp at every size and device pixel ratio, in the colours of the application palette at
// the time they are drawn: text colour, disabled text colour for a disabled icon, highlighted text
// colour for a selected one. So they follow the light and the dark palette without being made again.
// Drawings with colours of their own (the application icon "wfconsole") keep them.

#include <QIcon>
#include <QStringList>

namespace wf::ui {

// The icon `name` ("flows", "settings", "play", ...); a null QIcon for an unknown name.
QIcon icon(const QString &name);

// Every icon name the console has, sorted.
QStringList iconNames();

} // namespace wf::ui
