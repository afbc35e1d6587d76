# Tester collections, Postman Collection v2.1 import and export, and the tester's history
# (PRODUCT.md §7).
wf_add_test(tst_collection SOURCES core/tester/tst_collection.cpp core/tester/CollectionTestSupport.h)
wf_add_test(tst_postman SOURCES core/tester/tst_postman.cpp core/tester/CollectionTestSupport.h
    core/tester/PostmanSchemaCheck.h)
wf_add_test(tst_testerhistory SOURCES core/tester/tst_testerhistory.cpp)

# A Postman export run by Postman's own runner, newman, against the in-process server. newman is
# installed into <build dir>/node by .ci/run (or named by WF_NEWMAN); without it the test skips.
wf_add_test(tst_newman SOURCES core/tester/tst_newman.cpp core/tester/CollectionTestSupport.h
    core/tester/PostmanSchemaCheck.h
    LIBS wfserver Qt6::Network)
target_compile_definitions(tst_newman PRIVATE WF_BUILD_DIR="${CMAKE_BINARY_DIR}")
set_tests_properties(tst_newman PROPERTIES TIMEOUT 300)
