# The Flows page: the flow list model and the page driven through its real widgets.
wf_add_test(tst_flowlistmodel SOURCES ui/tst_flowlistmodel.cpp ui/UiTestSupport.h LIBS wfui Qt6::Network)
wf_add_test(tst_flowspage SOURCES ui/tst_flowspage.cpp ui/UiTestSupport.h LIBS wfui Qt6::Network)
