# Settings dialog, light and dark palettes, SVG icons.
find_package(Qt6 REQUIRED COMPONENTS DBus)
wf_add_test(tst_settingsdialog SOURCES ui/tst_settingsdialog.cpp ui/UiTestSupport.h LIBS wfui Qt6::Network)
wf_add_test(tst_theme SOURCES ui/tst_theme.cpp LIBS wfui Qt6::DBus)
