#include "processsetup.h"

#include <cstdlib>
#include <unistd.h>

namespace ProfileLens {

void ensurePassiveOpenMpWait(char **argv)
{
    if (std::getenv("OMP_WAIT_POLICY") != nullptr)
        return;
    setenv("OMP_WAIT_POLICY", "PASSIVE", 1);
    // On success execv does not return; on failure the process simply goes on as it is.
    execv("/proc/self/exe", argv);
}

} // namespace ProfileLens
