# The request tester (PRODUCT.md §7): the page, its request editor, answer view, history and
# collections side bar, and the variables dialog.
target_sources(wfui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/tester/KeyValueTable.h ${CMAKE_CURRENT_LIST_DIR}/tester/KeyValueTable.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tester/AuthEditor.h ${CMAKE_CURRENT_LIST_DIR}/tester/AuthEditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tester/RequestEditor.h ${CMAKE_CURRENT_LIST_DIR}/tester/RequestEditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tester/ResponseView.h ${CMAKE_CURRENT_LIST_DIR}/tester/ResponseView.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tester/TesterSidebar.h ${CMAKE_CURRENT_LIST_DIR}/tester/TesterSidebar.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tester/EnvironmentDialog.h ${CMAKE_CURRENT_LIST_DIR}/tester/EnvironmentDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tester/TesterPage.h ${CMAKE_CURRENT_LIST_DIR}/tester/TesterPage.cpp
)
