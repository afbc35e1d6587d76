# The flow editor: its edit functions, scoping, undo steps, test runs and models, and the page driven
# through its real widgets (catalogue, bindings, undo, validation, Test flow, drag and drop).
wf_add_test(tst_floweditormodels SOURCES ui/tst_floweditormodels.cpp LIBS wfui)
wf_add_test(tst_floweditor SOURCES ui/tst_floweditor.cpp ui/UiTestSupport.h LIBS wfui)
wf_add_test(tst_floweditortest SOURCES ui/tst_floweditortest.cpp ui/UiTestSupport.h LIBS wfui)
