# Runs `wfconsole run` on every bundled sample with the requests in tests/data/samples-expected/*.case
# and compares what it prints with the matching .expected file. Execution ids (32 hex characters)
# are replaced by <id> before comparing. Cases run in name order, so a Pause case can be followed by
# the case that resumes it (@TMP@ names a scratch folder shared by the cases).
#
# Usage: cmake -DWFCONSOLE=... -DSAMPLES=... -DEXPECTED=... [-DSCRATCH=dir] [-DUPDATE=1] -P RunSamples.cmake

cmake_minimum_required(VERSION 3.25)

if(NOT SCRATCH)
    set(SCRATCH "${CMAKE_CURRENT_BINARY_DIR}/samples-scratch")
endif()
set(scratch "${SCRATCH}")
file(REMOVE_RECURSE "${scratch}")
file(MAKE_DIRECTORY "${scratch}")

file(GLOB cases "${EXPECTED}/*.case")
list(SORT cases)
file(GLOB flows RELATIVE "${SAMPLES}/flows" "${SAMPLES}/flows/*.json")

set(failures 0)
set(passes 0)
set(covered "")
foreach(case IN LISTS cases)
    get_filename_component(name "${case}" NAME_WE)
    file(STRINGS "${case}" lines)
    list(POP_FRONT lines flow)
    list(APPEND covered "${flow}")
    set(args "")
    foreach(line IN LISTS lines)
        string(REPLACE "@TMP@" "${scratch}" line "${line}")
        list(APPEND args "${line}")
    endforeach()
    execute_process(
        COMMAND "${WFCONSOLE}" run "${SAMPLES}/flows/${flow}" ${args}
        OUTPUT_VARIABLE output
        ERROR_VARIABLE errors
        RESULT_VARIABLE result)
    string(REGEX REPLACE "[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]"
           "<id>" output "${output}")
    string(REPLACE "${scratch}" "@TMP@" output "${output}")
    set(expected_file "${EXPECTED}/${name}.expected")
    if(UPDATE)
        file(WRITE "${expected_file}" "${output}")
    endif()
    if(NOT EXISTS "${expected_file}")
        message(SEND_ERROR "${name}: no ${name}.expected")
        math(EXPR failures "${failures} + 1")
        continue()
    endif()
    file(READ "${expected_file}" expected)
    if(NOT result EQUAL 0 OR NOT output STREQUAL expected)
        message(SEND_ERROR "${name}: exit ${result}\n--- expected ---\n${expected}\n--- got ---\n${output}\n--- stderr ---\n${errors}")
        math(EXPR failures "${failures} + 1")
    else()
        message(STATUS "PASS ${name}")
        math(EXPR passes "${passes} + 1")
    endif()
endforeach()

foreach(flow IN LISTS flows)
    if(NOT flow IN_LIST covered)
        message(SEND_ERROR "sample ${flow} has no case in ${EXPECTED}")
        math(EXPR failures "${failures} + 1")
    endif()
endforeach()

message(STATUS "samples: ${passes} passed, ${failures} failed")
if(failures GREATER 0)
    message(FATAL_ERROR "${failures} sample case(s) failed")
endif()
