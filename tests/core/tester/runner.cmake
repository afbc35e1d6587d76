# The request tester's token cache and request runner (PRODUCT.md §7), the runner against a real
# WorkspaceServer.
wf_add_test(tst_tokencache SOURCES core/tester/tst_tokencache.cpp LIBS Qt6::Network)
wf_add_test(tst_requestrunner SOURCES core/tester/tst_requestrunner.cpp core/tester/RunnerTestSupport.h
    LIBS wfserver Qt6::Network)
wf_add_test(tst_requestrunnerauth SOURCES core/tester/tst_requestrunnerauth.cpp
    core/tester/RunnerTestSupport.h LIBS wfserver Qt6::Network)
