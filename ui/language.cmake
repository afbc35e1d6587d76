# The console's language: its catalogues (built from translations/) and Qt's, installed at start.
target_sources(wfui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/Language.h ${CMAKE_CURRENT_LIST_DIR}/Language.cpp)
