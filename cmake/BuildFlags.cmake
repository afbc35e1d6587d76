# One INTERFACE target carries the warnings and the Qt safety definitions for every target.
add_library(wf_build_flags INTERFACE)
target_compile_options(wf_build_flags INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
    $<$<BOOL:${WF_WERROR}>:-Werror>)
target_compile_definitions(wf_build_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_URL_CAST_FROM_STRING
    WF_VERSION="${PROJECT_VERSION}")
