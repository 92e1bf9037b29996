#include "NetworkRenderer.h"

namespace bps {
NetworkRenderer::NetworkRenderer() = default;
}  // namespace bps
