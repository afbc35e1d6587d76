# Execution history and the state servers on one database share, against both engines: each store
# test class is built twice, the second time with WF_HISTORY_POSTGRESQL for the database that
# WF_TEST_DATABASE_URL names (skipped, saying why, without it). The PostgreSQL ones empty that
# database before each test function, so they never run at the same time.
wf_add_test(tst_databaseurl SOURCES core/store/tst_databaseurl.cpp)
wf_add_test(tst_sharedstate SOURCES core/store/tst_sharedstate.cpp core/store/HistoryTestSupport.h)
foreach(name IN ITEMS historystore historyconcurrency sharedstate)
    wf_add_test(tst_${name}_pg SOURCES core/store/tst_${name}.cpp core/store/HistoryTestSupport.h)
    target_compile_definitions(tst_${name}_pg PRIVATE WF_HISTORY_POSTGRESQL)
    set_tests_properties(tst_${name}_pg PROPERTIES RESOURCE_LOCK wf_postgresql)
endforeach()

# Two `wfconsole serve` on one workspace and one PostgreSQL database behind nginx (PRODUCT.md §8). It
# stops and starts the database server (WF_TEST_DATABASE_CTL), so it shares the lock too.
wf_add_test(tst_scaleout SOURCES cli/tst_scaleout.cpp cli/CliTestSupport.h LIBS Qt6::Network)
target_compile_definitions(tst_scaleout PRIVATE WFCONSOLE_PATH="$<TARGET_FILE:wfconsole>")
add_dependencies(tst_scaleout wfconsole)
set_tests_properties(tst_scaleout PROPERTIES RESOURCE_LOCK wf_postgresql TIMEOUT 300)
