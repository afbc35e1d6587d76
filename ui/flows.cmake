# The Flows page of the workflows console: the flow list model and the page around it.
target_sources(wfui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/models/FlowListModel.h ${CMAKE_CURRENT_LIST_DIR}/models/FlowListModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pages/FlowsPage.h ${CMAKE_CURRENT_LIST_DIR}/pages/FlowsPage.cpp
)
