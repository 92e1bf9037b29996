// fuzz_headers — the file loaders of models, sessions and .npy weights (bp::loadModel,
// bp::loadSession, bp::readNpy) through a real file, bounded in memory.
//
// fuzz_model, fuzz_session and fuzz_npy call the decoders on bytes already in memory; this
// target goes through the path a user's file takes: InputFile, the header read first (at most
// its cap), the declared size checked against the file's real size, then the rest. Each input is
// written to an in-memory regular file (memfd) and to a pipe (a stream that cannot seek, no size
// known in advance), as it is and, for models and sessions, with its last 4 bytes replaced by the
// CRC-32 of the rest. scripts/fuzz.sh runs it with -malloc_limit_mb=64: an input of at most
// 16 KiB that makes any loader allocate 64 MB at once (a header count sizing a buffer before it
// was checked against the file) is a finding. Checks: whatever loads holds no more weights or
// curve points than the file's bytes could carry; a refusal is the loader's own error type.
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <optional>
#include <string>
#include <vector>

#include "FuzzCommon.h"
#include "backprop/ModelFile.h"
#include "backprop/Npy.h"
#include "backprop/SessionFile.h"

namespace {

// Σ weights of a network, as counted in the file (8 bytes each).
std::size_t weightBytes(const bp::Network& net) {
    std::size_t n = 0;
    for (int k = 0; k < net.weightLayers(); ++k)
        n += static_cast<std::size_t>(net.weights(k).size()) * 8;
    return n;
}

// A file descriptor holding bytes: an in-memory regular file, or the read end of a pipe whose
// writer has written them and closed (bytes ≤ 16 KiB fit in a pipe's buffer). -1 if it fails.
int holding(const std::vector<char>& bytes, bool pipe) {
    if (!pipe) {
        const int fd = memfd_create("fuzz", 0);
        if (fd < 0) return -1;
        if (!bytes.empty() &&
            write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) {
            close(fd);
            return -1;
        }
        return fd;
    }
    int ends[2];
    if (::pipe(ends) != 0) return -1;
    if (!bytes.empty() &&
        write(ends[1], bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) {
        close(ends[0]);
        close(ends[1]);
        return -1;
    }
    close(ends[1]);
    return ends[0];
}

void load(const std::vector<char>& bytes, bool pipe) {
    const int fd = holding(bytes, pipe);
    if (fd < 0) return;
    const std::string path = "/proc/self/fd/" + std::to_string(fd);
    const std::string_view text(bytes.data(), bytes.size());
    if (text.starts_with("BPSMODEL")) {
        try {
            const bp::SavedModel m = bp::loadModel(path);
            bpfuzz::check(weightBytes(m.network) + 4 <= bytes.size(), "more weights than bytes");
        } catch (const bp::ModelFileError&) {
        }
    } else if (text.starts_with("BPSESSION")) {
        std::optional<bp::Session> s;  // (a default Session would build a 784-200-10 net)
        try {
            s = bp::loadSession(path);
        } catch (const bp::SessionFileError&) {
        }
        if (s) {
            std::size_t points = 0;
            for (const bp::SessionRun& r : s->runs)
                points += r.error.size() + r.accuracy.size() + r.rateMarks.size();
            bpfuzz::check(weightBytes(s->network) + points * 16 + 4 <= bytes.size(),
                          "more weights and points than bytes");
        }
    } else {
        try {
            const bp::Matrix m = bp::readNpy(path);
            bpfuzz::check(static_cast<std::size_t>(m.size()) * 4 <= bytes.size(),
                          "more values than bytes");
        } catch (const bp::NpyError&) {
        }
    }
    close(fd);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = bpfuzz::asText(data, size);
    const bool checksummed = text.starts_with("BPSMODEL") || text.starts_with("BPSESSION");
    for (const bool pipe : {false, true}) {
        if (checksummed)
            bpfuzz::decodeAsIsAndWithFixedCrc(
                data, size, [pipe](const std::vector<char>& bytes) { load(bytes, pipe); });
        else
            load(std::vector<char>(data, data + size), pipe);
    }
    return 0;
}
