// ByteOrder.h — (private) fixed byte orders, whatever the host's: the little-endian float64
// and integers of model, session and .npy files, the big-endian integers of IDX and PNG.
//   getLe(p, n)      n-byte little-endian unsigned integer at p (n ≤ 8)
//   putLe(out, v, n) appends v's n low bytes, least significant first
//   getF64le / putF64le   an IEEE-754 double as its 8 little-endian bytes
//   getBe32 / putBe32     a 32-bit unsigned integer, most significant byte first
#pragma once

#include <bit>
#include <cstdint>

namespace bp::bytes {

inline std::uint64_t getLe(const char* p, int n) {
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i)
        v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    return v;
}

// out: any container of char or std::uint8_t with push_back.
template <typename Out>
void putLe(Out& out, std::uint64_t v, int n) {
    using Byte = typename Out::value_type;
    for (int i = 0; i < n; ++i) out.push_back(static_cast<Byte>((v >> (8 * i)) & 0xFF));
}

inline double getF64le(const char* p) {
    return std::bit_cast<double>(getLe(p, 8));
}

template <typename Out>
void putF64le(Out& out, double v) {
    putLe(out, std::bit_cast<std::uint64_t>(v), 8);
}

inline std::uint32_t getBe32(const char* p) {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    return std::uint32_t{u[0]} << 24 | std::uint32_t{u[1]} << 16 | std::uint32_t{u[2]} << 8 | u[3];
}

template <typename Out>
void putBe32(Out& out, std::uint32_t v) {
    using Byte = typename Out::value_type;
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<Byte>((v >> shift) & 0xFF));
}

}  // namespace bp::bytes
