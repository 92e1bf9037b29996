// NetworkRenderer.h — layout, caches and painting of the network view (no QWidget: the
// benchmark and the exports draw through it too).
#pragma once

namespace bps {
class NetworkRenderer {
  public:
    NetworkRenderer();
};
}  // namespace bps
