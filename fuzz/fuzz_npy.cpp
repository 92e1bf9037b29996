// fuzz_npy — bp::parseNpy (.npy weight files) on arbitrary bytes.
//
// Expected: a matrix or a bp::NpyError; a matrix that loads holds no more values than the
// bytes could carry (4 bytes each at least, '<f4').
#include "FuzzCommon.h"
#include "backprop/Npy.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<char> bytes(data, data + size);
    bp::Matrix m;
    try {
        m = bp::parseNpy(bytes, "fuzz.npy");
    } catch (const bp::NpyError&) {
        return 0;
    }
    bpfuzz::check(m.rows() >= 0 && m.cols() >= 0, "negative shape");
    bpfuzz::check(static_cast<std::size_t>(m.size()) * 4 <= size, "more values than bytes");
    return 0;
}
