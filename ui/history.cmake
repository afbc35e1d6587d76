# Execution history: the history page, its detail pane and their models.
target_sources(wfui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/models/HistoryModel.h ${CMAKE_CURRENT_LIST_DIR}/models/HistoryModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/models/TraceModel.h ${CMAKE_CURRENT_LIST_DIR}/models/TraceModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pages/ExecutionDetails.h ${CMAKE_CURRENT_LIST_DIR}/pages/ExecutionDetails.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pages/HistoryPage.h ${CMAKE_CURRENT_LIST_DIR}/pages/HistoryPage.cpp
)
