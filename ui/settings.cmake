# Settings dialog, light and dark palettes, and the SVG icons of the console.
find_package(Qt6 REQUIRED COMPONENTS DBus)
target_sources(wfui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/dialogs/SettingsDialog.h ${CMAKE_CURRENT_LIST_DIR}/dialogs/SettingsDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Theme.h ${CMAKE_CURRENT_LIST_DIR}/Theme.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Icons.h ${CMAKE_CURRENT_LIST_DIR}/Icons.cpp
)
# The follow-the-desktop colour scheme is read from the xdg-desktop-portal over D-Bus.
target_link_libraries(wfui PRIVATE Qt6::DBus)

# The icons are drawn at run time by the SVG image plugin of Qt (Debian: libqt6svg6).
file(GLOB WF_ICONS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/resources/icons/*.svg)
qt_add_resources(wfui "icons" PREFIX "/icons" BASE ${CMAKE_SOURCE_DIR}/resources/icons FILES ${WF_ICONS})
