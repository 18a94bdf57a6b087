#pragma once

namespace occ {

// How ServiceStarter and ContainerReconciler treat an existing container.
struct StartOptions
{
    // Recreate the container even when its config hash and image match (an update, a rollback).
    bool forceRecreate = false;
};

} // namespace occ
