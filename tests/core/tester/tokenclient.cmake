# The OAuth 2.0 token client of the request tester and `wfconsole token` (PRODUCT.md §4, §7).
wf_add_test(tst_tokenclient SOURCES core/tester/tst_tokenclient.cpp LIBS Qt6::Network)
