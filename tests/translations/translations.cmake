# The catalogues of translations/ (tst_translations: up to date with the sources, then finished) and
# the console's language at start (tst_language).
find_package(Qt6 REQUIRED COMPONENTS LinguistTools)
add_executable(tst_translations translations/tst_translations.cpp)
target_link_libraries(tst_translations PRIVATE Qt6::Test wf_build_flags)
list(JOIN WF_LUPDATE_OPTIONS " " wf_lupdate_options)
list(JOIN WF_LUPDATE_PLURALS_OPTIONS " " wf_lupdate_plurals_options)
target_compile_definitions(tst_translations PRIVATE
    WF_TRANSLATIONS_DIR="${CMAKE_SOURCE_DIR}/translations"
    WF_CMAKE="${CMAKE_COMMAND}"
    WF_LUPDATE="$<TARGET_FILE:Qt6::lupdate>"
    WF_LRELEASE="$<TARGET_FILE:Qt6::lrelease>"
    WF_LUPDATE_PROJECT_SCRIPT="${Qt6LinguistTools_DIR}/GenerateLUpdateProject.cmake"
    WF_LUPDATE_PROJECT="${WF_LUPDATE_PROJECT}"
    WF_LUPDATE_PLURALS_PROJECT="${WF_LUPDATE_PLURALS_PROJECT}"
    WF_LUPDATE_OPTIONS="${wf_lupdate_options}"
    WF_LUPDATE_PLURALS_OPTIONS="${wf_lupdate_plurals_options}")
# Two tests: strings added to the sources but not yet to the catalogues fail the first only.
add_test(NAME tst_translations_sources COMMAND tst_translations sourcesMatchCatalogues)
add_test(NAME tst_translations_finished COMMAND tst_translations cataloguesFinished markersKept pluralForms)

wf_add_test(tst_language SOURCES translations/tst_language.cpp LIBS wfui)
