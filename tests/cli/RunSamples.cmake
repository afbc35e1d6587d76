message(STATUS "samples")
