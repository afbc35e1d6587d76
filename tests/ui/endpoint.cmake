# The API endpoint settings dialog and its widgets (chips multiselect, copyable and secret fields).
wf_add_test(tst_chipmultiselect SOURCES ui/tst_chipmultiselect.cpp LIBS wfui)
wf_add_test(tst_endpointsettings SOURCES ui/tst_endpointsettings.cpp ui/UiTestSupport.h LIBS wfui)
