# The console's session: workspace edits, others' changes, the server thread.
wf_add_test(tst_consolesession SOURCES ui/tst_consolesession.cpp ui/UiTestSupport.h LIBS wfui Qt6::Network)

# The main window with every page wired together.
wf_add_test(tst_mainwindow SOURCES ui/tst_mainwindow.cpp ui/UiTestSupport.h LIBS wfui)

# The screenshots of docs/screenshots/ (docs/screenshots/update.sh), built on demand.
add_executable(wfscreenshots EXCLUDE_FROM_ALL ui/ScreenshotTool.cpp)
target_link_libraries(wfscreenshots PRIVATE wfui Qt6::Test Qt6::Network wf_build_flags)
