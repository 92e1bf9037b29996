// Json.cpp — see Json.h.
#include "Json.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace bp::cli {

std::string jsonString(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string jsonNumber(double v) {
    if (!std::isfinite(v)) return "null";
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

void JsonObject::key(const std::string& k) {
    if (!m_body.empty()) m_body += ", ";
    m_body += jsonString(k) + ": ";
}

JsonObject& JsonObject::add(const std::string& k, const std::string& value) {
    key(k);
    m_body += jsonString(value);
    return *this;
}
JsonObject& JsonObject::add(const std::string& k, const char* value) {
    return add(k, std::string(value));
}
JsonObject& JsonObject::add(const std::string& k, double value) {
    key(k);
    m_body += jsonNumber(value);
    return *this;
}
JsonObject& JsonObject::add(const std::string& k, long long value) {
    key(k);
    m_body += std::to_string(value);
    return *this;
}
JsonObject& JsonObject::add(const std::string& k, std::uint64_t value) {
    key(k);
    m_body += std::to_string(value);
    return *this;
}
JsonObject& JsonObject::add(const std::string& k, bool value) {
    key(k);
    m_body += value ? "true" : "false";
    return *this;
}
JsonObject& JsonObject::addRaw(const std::string& k, const std::string& json) {
    key(k);
    m_body += json;
    return *this;
}

}  // namespace bp::cli
