# The history store's engines (SQLite, PostgreSQL for servers sharing one database) and what such
# servers share: see store/SqlDialect.h.
target_sources(wfcore PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/DatabaseUrl.h ${CMAKE_CURRENT_LIST_DIR}/DatabaseUrl.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SqlDialect.h
    ${CMAKE_CURRENT_LIST_DIR}/SqliteDialect.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SqliteCheckpointer.h ${CMAKE_CURRENT_LIST_DIR}/SqliteCheckpointer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/PostgresDialect.cpp
    ${CMAKE_CURRENT_LIST_DIR}/HistoryWriter.h
    ${CMAKE_CURRENT_LIST_DIR}/HistoryStoreShared.cpp)
