// StudioParts.h — the parts of the studio that its documents read and restore: what a session
// saves and puts back (SessionActions) and what File ▸ Export writes (ExportActions). All are
// owned by the main window; the loader and the controls may be null (a session then keeps only
// the network, the run and the curves).
#pragma once

class QWidget;

namespace bps {

class ControlPanel;
class DatasetLoader;
class ErrorPlot;
class NetworkView;
class TrainingController;

struct StudioParts {
    QWidget* window = nullptr;                 // parent of the dialogs
    TrainingController* controller = nullptr;  // the network, the run
    ErrorPlot* plot = nullptr;                 // the curves
    NetworkView* network = nullptr;            // the picture, its density
    DatasetLoader* loader = nullptr;           // the data sets' paths
    ControlPanel* controls = nullptr;          // speed, edges per neuron
};

}  // namespace bps
