# Makes the packages of a build with cpack in a scratch folder and unpacks them for the packaging
# tests: SCRATCH/packages holds the .deb and the .tar.gz, SCRATCH/deb-root the .deb's files as dpkg
# installs them (dpkg-deb -x), SCRATCH/tar-root the tarball's.
#
# Usage: cmake -DCPACK=... -DCONFIG=.../CPackConfig.cmake -DWFCONSOLE=... -DSCRATCH=dir -P BuildPackages.cmake

cmake_minimum_required(VERSION 3.25)

foreach(file IN ITEMS "${CONFIG}" "${WFCONSOLE}")
    if(NOT EXISTS "${file}")
        message(FATAL_ERROR "${file} is missing: build the project (all, or wfconsole and "
                            "wfconsole_package_data) before the packaging tests")
    endif()
endforeach()

find_program(DPKG_DEB dpkg-deb REQUIRED)

file(REMOVE_RECURSE "${SCRATCH}")
file(MAKE_DIRECTORY "${SCRATCH}/packages" "${SCRATCH}/deb-root" "${SCRATCH}/tar-root")

execute_process(COMMAND "${CPACK}" -G "DEB;TGZ" --config "${CONFIG}" -B "${SCRATCH}/packages"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cpack failed (${rc}):\n${out}\n${err}")
endif()
message(STATUS "${out}")

file(GLOB debs "${SCRATCH}/packages/*.deb")
file(GLOB tarballs "${SCRATCH}/packages/*.tar.gz")
list(LENGTH debs deb_count)
list(LENGTH tarballs tarball_count)
if(NOT deb_count EQUAL 1 OR NOT tarball_count EQUAL 1)
    message(FATAL_ERROR "expected one .deb and one .tar.gz, cpack made: ${debs} ${tarballs}")
endif()

execute_process(COMMAND "${DPKG_DEB}" -x "${debs}" "${SCRATCH}/deb-root"
    RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dpkg-deb -x ${debs} failed (${rc}): ${err}")
endif()
file(ARCHIVE_EXTRACT INPUT "${tarballs}" DESTINATION "${SCRATCH}/tar-root")
message(STATUS "unpacked ${debs} and ${tarballs}")
