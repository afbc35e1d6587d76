# Applications (the admin console): models, the page, the wizard and the key dialogs.
wf_add_test(tst_appsmodels SOURCES ui/tst_appsmodels.cpp LIBS wfui)
wf_add_test(tst_appspage SOURCES ui/tst_appspage.cpp ui/UiTestSupport.h LIBS wfui)
wf_add_test(tst_appskeys SOURCES ui/tst_appskeys.cpp ui/UiTestSupport.h LIBS wfui)
