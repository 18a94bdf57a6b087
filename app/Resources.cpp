#include "app/Resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initOccResources()
{
    Q_INIT_RESOURCE(resources);
    Q_INIT_RESOURCE(occ_translations);
}

namespace occ {

void initResources()
{
    static bool done = false;
    if (!done) {
        done = true;
        initOccResources();
    }
}

} // namespace occ
