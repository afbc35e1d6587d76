# The request tester page: ready requests for flows, each auth mode against the real server, the
# link to the execution, history, collections and cURL.
wf_add_test(tst_testerpage SOURCES ui/tst_testerpage.cpp ui/UiTestSupport.h LIBS wfui Qt6::Network)

# The JSON viewer of answers and history: pretty printing, highlighting and folding.
wf_add_test(tst_jsonview SOURCES ui/tst_jsonview.cpp LIBS wfui)
