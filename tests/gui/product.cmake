# product_has_no_test_code: the shipped executables and the libraries they link carry no test doubles or
# screenshot driver (tests/gui/no-test-code.sh reads their symbol tables).
set(_occ_product_files $<TARGET_FILE:occ> $<TARGET_FILE:occ_osservice> $<TARGET_FILE:occ_service>)
if(OCC_BUILD_GUI)
    list(APPEND _occ_product_files $<TARGET_FILE:opencode-cloud> $<TARGET_FILE:occ_app> $<TARGET_FILE:occ_wizard>)
endif()
add_test(NAME product_has_no_test_code COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/no-test-code.sh ${_occ_product_files})
set_tests_properties(product_has_no_test_code PROPERTIES LABELS "unit")
