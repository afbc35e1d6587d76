# The packages `cpack` makes from this build: packaging_cpack builds the .deb and the .tar.gz in a
# scratch folder and unpacks both (the .deb with dpkg-deb -x, as dpkg would install it); the test
# classes then look at them and run the installed binary. A full build (`all`) leaves everything
# cpack installs in place.
set(WF_PACKAGING_SCRATCH ${CMAKE_CURRENT_BINARY_DIR}/packaging-scratch)

add_test(NAME packaging_cpack COMMAND ${CMAKE_COMMAND}
    -DCPACK=${CMAKE_CPACK_COMMAND}
    -DCONFIG=${CMAKE_BINARY_DIR}/CPackConfig.cmake
    -DWFCONSOLE=$<TARGET_FILE:wfconsole>
    -DSCRATCH=${WF_PACKAGING_SCRATCH}
    -P ${CMAKE_CURRENT_SOURCE_DIR}/packaging/BuildPackages.cmake)
set_tests_properties(packaging_cpack PROPERTIES FIXTURES_SETUP wf_packages)

foreach(name IN ITEMS tst_packagecontents tst_packagemetadata tst_installedbinary)
    wf_add_test(${name} SOURCES packaging/${name}.cpp packaging/PackagingTestSupport.h LIBS Qt6::Network)
    target_compile_definitions(${name} PRIVATE WF_PACKAGING_SCRATCH="${WF_PACKAGING_SCRATCH}")
    set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED wf_packages)
endforeach()
