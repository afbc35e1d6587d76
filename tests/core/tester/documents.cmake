# Request documents, variables, prepared requests and cURL conversion of the request tester
# (PRODUCT.md §7).
wf_add_test(tst_requestdocument SOURCES core/tester/tst_requestdocument.cpp)
wf_add_test(tst_variables SOURCES core/tester/tst_variables.cpp)
wf_add_test(tst_preparedrequest SOURCES core/tester/tst_preparedrequest.cpp)
wf_add_test(tst_curlcommand SOURCES core/tester/tst_curlcommand.cpp core/tester/CurlTestSupport.h LIBS Qt6::Network)
