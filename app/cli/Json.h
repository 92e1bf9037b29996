// Json.h — writing one flat-ish JSON object per line (no parser needed here).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bp::cli {

// Builds {"key": value, …} in insertion order.
class JsonObject {
  public:
    JsonObject& add(const std::string& key, const std::string& value);  // string
    JsonObject& add(const std::string& key, const char* value);
    JsonObject& add(const std::string& key, double value);  // NaN/Inf → null
    JsonObject& add(const std::string& key, long long value);
    JsonObject& add(const std::string& key, int value) {
        return add(key, static_cast<long long>(value));
    }
    JsonObject& add(const std::string& key, std::uint64_t value);
    JsonObject& add(const std::string& key, bool value);
    JsonObject& addRaw(const std::string& key, const std::string& json);  // already JSON
    std::string str() const { return "{" + m_body + "}"; }

  private:
    void key(const std::string& k);
    std::string m_body;  // "key": value pairs written so far
};

std::string jsonString(const std::string& s);  // quoted and escaped
std::string jsonNumber(double v);              // shortest round-trip form, null if not finite

}  // namespace bp::cli
