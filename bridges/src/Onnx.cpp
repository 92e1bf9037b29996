// Onnx.cpp — builds the ModelProto of Onnx.h with ONNX's generated protobuf classes.
#include "bridges/Onnx.h"

#include <onnx/onnx_pb.h>

#include <bit>
#include <cstdint>
#include <cstring>

#include "backprop/AtomicFile.h"
#include "bridges/Notebook.h"

namespace bp::bridges {
namespace {

// A float64 initializer of the given shape; values row-major (C order), little-endian raw data.
void addTensor(onnx::GraphProto& g, const std::string& name, const std::vector<std::int64_t>& dims,
               const std::vector<double>& values) {
    onnx::TensorProto* t = g.add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto_DataType_DOUBLE);
    for (const std::int64_t d : dims) t->add_dims(d);
    std::string raw(values.size() * 8, '\0');
    for (std::size_t i = 0; i < values.size(); ++i) {
        const auto bits = std::bit_cast<std::uint64_t>(values[i]);
        for (int b = 0; b < 8; ++b)
            raw[8 * i + static_cast<std::size_t>(b)] = static_cast<char>((bits >> (8 * b)) & 0xFF);
    }
    t->set_raw_data(raw);
}

// "W0", "x1", …: appended piecewise (GCC 12's -Wrestrict misfires on "W" + std::to_string(k))
std::string indexed(const char* prefix, int k) {
    std::string s = prefix;
    s += std::to_string(k);
    return s;
}

onnx::NodeProto* addNode(onnx::GraphProto& g, const std::string& op,
                         const std::vector<std::string>& inputs, const std::string& output) {
    onnx::NodeProto* n = g.add_node();
    n->set_op_type(op);
    n->set_name(output);
    for (const std::string& in : inputs) n->add_input(in);
    n->add_output(output);
    return n;
}

// A double tensor value of shape [N, width] (N symbolic).
void setMatrixType(onnx::ValueInfoProto* v, const std::string& name, int width,
                   const std::string& doc) {
    v->set_name(name);
    v->set_doc_string(doc);
    onnx::TypeProto_Tensor* t = v->mutable_type()->mutable_tensor_type();
    t->set_elem_type(onnx::TensorProto_DataType_DOUBLE);
    onnx::TensorShapeProto* s = t->mutable_shape();
    s->add_dim()->set_dim_param("N");
    s->add_dim()->set_dim_value(width);
}

const char* opOf(Activation a) {
    switch (a) {
        case Activation::Tanh:
            return "Tanh";
        case Activation::ReLU:
            return "Relu";
        case Activation::Sigmoid:
            break;
    }
    return "Sigmoid";
}

void addMeta(onnx::ModelProto& m, const std::string& key, const std::string& value) {
    onnx::StringStringEntryProto* e = m.add_metadata_props();
    e->set_key(key);
    e->set_value(value);
}

}  // namespace

std::vector<char> encodeOnnx(const Network& net, const TrainingRecord& training) {
    if (!net.isFinite()) throw ExportError("the network has NaN or infinite weights");
    const NetworkSpec& spec = net.spec();
    const int L = net.weightLayers();
    onnx::ModelProto model;
    model.set_ir_version(kOnnxIrVersion);
    model.set_producer_name("Backprop Studio");
    model.set_producer_version(BP_VERSION);
    model.set_domain("org.backprop-studio");
    model.set_model_version(1);
    model.set_doc_string(
        "The book's neural network (Make Your Own Neural Network), " + spec.describe() +
        ". Input: raw values 0-255 of a data row (the CSV's numbers after the label), one row per "
        "sample, as float64 [N, " +
        std::to_string(net.inputs()) +
        "]; the graph scales them x/255*0.99+0.01 as the book does. Output: the output layer's "
        "values [N, " +
        std::to_string(net.outputs()) + "]; the largest one is the predicted label.");
    onnx::OperatorSetIdProto* opset = model.add_opset_import();
    opset->set_domain("");
    opset->set_version(kOnnxOpset);
    addMeta(model, "layers", [&] {
        std::string s;
        for (std::size_t i = 0; i < spec.layers.size(); ++i) {
            if (i) s += ',';
            s += std::to_string(spec.layers[i]);
        }
        return s;
    }());
    addMeta(model, "hidden_activation", std::string(activationName(spec.hidden)));
    addMeta(model, "output_activation", std::string(activationName(spec.output)));
    addMeta(model, "bias", spec.bias ? "true" : "false");
    addMeta(model, "error_rule", spec.rule == ErrorRule::Book ? "book" : "gradient");
    addMeta(model, "seed", std::to_string(spec.seed));
    addMeta(model, "learning_rate", std::to_string(training.learningRate));
    addMeta(model, "samples_seen", std::to_string(training.samplesSeen));
    addMeta(model, "input_scaling", "inside the graph: input / 255 * 0.99 + 0.01");

    onnx::GraphProto& g = *model.mutable_graph();
    g.set_name("backprop_studio_network");
    g.set_doc_string(model.doc_string());
    setMatrixType(g.add_input(), "input", net.inputs(),
                  "raw values 0-255, one row per sample (scaled inside the graph)");
    setMatrixType(g.add_output(), "output", net.outputs(),
                  "the output layer's values; argmax = predicted label");

    // O_0 = input / 255 · 0.99 + 0.01, in the book's order of operations
    addTensor(g, "scale_255", {}, {255.0});
    addTensor(g, "scale_0_99", {}, {0.99});
    addTensor(g, "offset_0_01", {}, {0.01});
    addNode(g, "Div", {"input", "scale_255"}, "input_over_255");
    addNode(g, "Mul", {"input_over_255", "scale_0_99"}, "input_times_0_99");
    std::string o = "o0";
    addNode(g, "Add", {"input_times_0_99", "offset_0_01"}, o);

    for (int k = 0; k < L; ++k) {
        const Matrix& W = net.weights(k);
        const auto rows = W.rows();
        const Eigen::Index n = spec.layers[static_cast<std::size_t>(k)];
        std::vector<double> w;
        w.reserve(static_cast<std::size_t>(rows * n));
        for (Eigen::Index i = 0; i < rows; ++i)
            for (Eigen::Index j = 0; j < n; ++j) w.push_back(W(i, j));
        const std::string wName = indexed("W", k);
        addTensor(g, wName, {rows, n}, w);
        std::vector<std::string> in{o, wName};
        if (spec.bias) {
            std::vector<double> b(static_cast<std::size_t>(rows));
            for (Eigen::Index i = 0; i < rows; ++i) b[static_cast<std::size_t>(i)] = W(i, n);
            const std::string bName = indexed("b", k);
            addTensor(g, bName, {rows}, b);
            in.push_back(bName);
        }
        const std::string x = indexed("x", k + 1);
        onnx::NodeProto* gemm = addNode(g, "Gemm", in, x);  // X = O · Wᵀ (+ b)
        onnx::AttributeProto* transB = gemm->add_attribute();
        transB->set_name("transB");
        transB->set_type(onnx::AttributeProto_AttributeType_INT);
        transB->set_i(1);
        o = k + 1 == L ? std::string("output") : indexed("o", k + 1);
        addNode(g, opOf(net.activationOf(k + 1)), {x}, o);  // O = f(X)
    }

    std::string bytes;
    if (!model.SerializeToString(&bytes))
        throw ExportError("the ONNX model could not be serialized");
    return {bytes.begin(), bytes.end()};
}

void exportOnnx(const std::string& path, const Network& net, const TrainingRecord& training) {
    std::vector<char> bytes;
    try {
        bytes = encodeOnnx(net, training);
    } catch (const ExportError& e) {
        throw ExportError(path + ": " + e.what());
    }
    try {
        writeFileAtomically(path, bytes);
    } catch (const std::exception& e) {
        throw ExportError(path + ": " + e.what());
    }
}

}  // namespace bp::bridges
