# Execution history: its models, the page against a running server, and its actions (resume, retry,
# cancel, clear) with the server controller's console calls.
wf_add_test(tst_historymodel SOURCES ui/tst_historymodel.cpp LIBS wfui)
wf_add_test(tst_historypage SOURCES ui/tst_historypage.cpp ui/UiTestSupport.h LIBS wfui Qt6::Network)
wf_add_test(tst_historyactions SOURCES ui/tst_historyactions.cpp ui/UiTestSupport.h LIBS wfui Qt6::Network)
