// core_bench.cpp — Google Benchmark figures for the core's hot paths.
//
//   build/release/bench/bench_core --benchmark_min_time=2
// Per-sample training of the book's 784-200-10 network (fused sweep; one thread and every core,
// double and float), the same through
// Network::train (no fusion), mini-batches of 32, and test-set evaluation. The data is random
// bytes of MNIST's shape (the cost does not depend on pixel values); whole-epoch figures on real
// MNIST against the NumPy reference come from backprop-cli (docs/BENCHMARKS.md).
#include <benchmark/benchmark.h>

#include "backprop/Random.h"
#include "backprop/Trainer.h"

namespace {

const bp::Dataset& mnistShaped() {
    static const bp::Dataset d = [] {
        bp::Dataset out;
        out.source = "random 28x28";
        out.inputs = 784;
        out.width = out.height = 28;
        bp::Rng rng(1);
        const std::size_t rows = 6000;
        out.pixels.resize(rows * 784);
        for (auto& p : out.pixels) p = static_cast<std::uint8_t>(rng.below(256));
        for (std::size_t i = 0; i < rows; ++i)
            out.labels.push_back(static_cast<std::uint8_t>(i % 10));
        return out;
    }();
    return d;
}

void BM_TrainerPerSample(benchmark::State& state) {
    const bp::Dataset& d = mnistShaped();
    bp::NetworkSpec spec;
    spec.layers = {784, static_cast<int>(state.range(0)), 10};
    bp::Network net(spec);
    bp::TrainOptions o;
    o.batch = static_cast<int>(state.range(1));
    o.threads = static_cast<int>(state.range(2));
    o.precision = state.range(3) ? bp::Precision::Float : bp::Precision::Double;
    bp::Trainer t(net, d, nullptr, o);
    for (auto _ : state) benchmark::DoNotOptimize(t.advance(d.rows()));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * d.rows()));
    state.counters["s_per_60k_epoch"] =
        benchmark::Counter(static_cast<double>(state.iterations() * d.rows()) / 60000.0,
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
// Args: hidden neurons, batch, threads (0 = every core), precision (0 double, 1 float).
BENCHMARK(BM_TrainerPerSample)
    ->ArgNames({"hidden", "batch", "threads", "float"})
    ->Args({200, 1, 1, 0})
    ->Args({200, 1, 0, 0})
    ->Args({200, 1, 1, 1})
    ->Args({200, 1, 0, 1})
    ->Args({100, 1, 1, 0})
    ->Args({100, 1, 0, 0})
    ->Args({200, 32, 1, 0})
    ->Unit(benchmark::kMillisecond);

void BM_NetworkTrainUnfused(benchmark::State& state) {
    const bp::Dataset& d = mnistShaped();
    bp::Network net;
    bp::Vector in(784);
    std::size_t i = 0;
    for (auto _ : state) {
        d.input(i % d.rows(), in);
        benchmark::DoNotOptimize(net.train(in, bp::bookTarget(d.label(i % d.rows()), 10), 0.1));
        ++i;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.counters["s_per_60k_epoch"] =
        benchmark::Counter(static_cast<double>(state.iterations()) / 60000.0,
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_NetworkTrainUnfused)->Unit(benchmark::kMicrosecond);

void BM_Accuracy10k(benchmark::State& state) {
    const bp::Dataset& d = mnistShaped();
    bp::Network net;
    for (auto _ : state) benchmark::DoNotOptimize(bp::accuracy(net, d));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * d.rows()));
}
BENCHMARK(BM_Accuracy10k)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
