# The front door from outside: `occ doctor --url` against a real front door (tls.mode internal) and
# headless Chromium rendering the web UI over HTTPS with only the generated CA trusted, and driving the
# web terminal from a second network namespace (by IP, through the front door and directly).
if(TARGET Qt6::Gui)
    occ_add_test(NAME TestBrowserFrontDoor SOURCES integration/TestBrowserFrontDoor.cpp support/DevToolsPipe.cpp
        LIBS occ_service occ_frontdoor Qt6::Gui LABELS e2e DOCKER TIMEOUT 900)
    add_dependencies(TestBrowserFrontDoor occ)
endif()
if(TEST TestBrowserFrontDoor)
    set_property(TEST TestBrowserFrontDoor APPEND PROPERTY FIXTURES_REQUIRED opencode_image)
endif()
