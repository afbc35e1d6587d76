# Applications (the admin console): app integrations, their keys and scopes.
target_sources(wfui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/models/AppListModel.h ${CMAKE_CURRENT_LIST_DIR}/models/AppListModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/models/AppKeyModel.h ${CMAKE_CURRENT_LIST_DIR}/models/AppKeyModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dialogs/CreateAppWizard.h ${CMAKE_CURRENT_LIST_DIR}/dialogs/CreateAppWizard.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dialogs/PrivateKeyDialog.h ${CMAKE_CURRENT_LIST_DIR}/dialogs/PrivateKeyDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dialogs/AddPublicKeyDialog.h ${CMAKE_CURRENT_LIST_DIR}/dialogs/AddPublicKeyDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pages/AppDetailsAsker.h ${CMAKE_CURRENT_LIST_DIR}/pages/AppDetailsAsker.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pages/AppDetailsGeneralTab.h ${CMAKE_CURRENT_LIST_DIR}/pages/AppDetailsGeneralTab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pages/AppDetailsScopesTab.h ${CMAKE_CURRENT_LIST_DIR}/pages/AppDetailsScopesTab.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pages/AppDetails.h ${CMAKE_CURRENT_LIST_DIR}/pages/AppDetails.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pages/AppsPage.h ${CMAKE_CURRENT_LIST_DIR}/pages/AppsPage.cpp
)
