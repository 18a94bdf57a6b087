#pragma once

namespace occ {

// Registers the app's embedded icons and translations. They are compiled into the static library occ_app;
// without this explicit reference the linker may drop them from the executable. Safe to call twice.
void initResources();

} // namespace occ
