# What tests share and the product never links: a scripted fake Docker engine (and a small engine model
# behind it) on a local socket, and a stand-in for opencode's health endpoint.
add_library(occ_test_support STATIC
    support/FakeEngine.cpp
    support/FakeEngine.h
    support/FakeEngineModel.cpp
    support/FakeEngineModel.h
    support/FakeHealthServer.cpp
    support/FakeHealthServer.h)
target_include_directories(occ_test_support PUBLIC ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(occ_test_support PUBLIC occ_docker occ_transport Qt6::Core Qt6::Network)
