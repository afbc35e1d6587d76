# The console's session: workspace edits, others' changes, the server thread.
wf_add_test(tst_consolesession SOURCES ui/tst_consolesession.cpp ui/UiTestSupport.h LIBS wfui Qt6::Network)
