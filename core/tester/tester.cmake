# The request tester's core (PRODUCT.md §7): request documents, variables, the runner, the token
# helper shared with `wfconsole token`, cURL and Postman conversion, collections and history.
file(GLOB WF_TESTER_SOURCES CONFIGURE_DEPENDS
    ${CMAKE_CURRENT_LIST_DIR}/*.h ${CMAKE_CURRENT_LIST_DIR}/*.cpp)
target_sources(wfcore PRIVATE ${WF_TESTER_SOURCES})
