# The API endpoint settings dialog and the widgets it is made of (copyable fields, secrets, chips).
target_sources(wfui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/widgets/FlowLayout.h ${CMAKE_CURRENT_LIST_DIR}/widgets/FlowLayout.cpp
    ${CMAKE_CURRENT_LIST_DIR}/widgets/CopyableField.h ${CMAKE_CURRENT_LIST_DIR}/widgets/CopyableField.cpp
    ${CMAKE_CURRENT_LIST_DIR}/widgets/SecretField.h ${CMAKE_CURRENT_LIST_DIR}/widgets/SecretField.cpp
    ${CMAKE_CURRENT_LIST_DIR}/widgets/ChipMultiSelect.h ${CMAKE_CURRENT_LIST_DIR}/widgets/ChipMultiSelect.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dialogs/EndpointSettingsDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/dialogs/EndpointSettingsDialog.cpp
)
