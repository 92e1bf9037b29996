// DatasetPtr.h — how a loaded data set travels through the studio: shared and read-only, so the
// loader, the controller's worker, the views and the lessons hold the same rows without copies.
// Its Qt meta-type is declared here, once, before any signal or slot that carries it is seen.
#pragma once

#include <QMetaType>
#include <memory>

#include "backprop/Dataset.h"

namespace bps {

using DatasetPtr = std::shared_ptr<const bp::Dataset>;  // null = no set

}  // namespace bps

Q_DECLARE_METATYPE(bps::DatasetPtr)
