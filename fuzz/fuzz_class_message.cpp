// fuzz_class_message — class mode's strict message parser (classroom/Protocol.cpp) on arbitrary
// bytes, in both directions.
//
// The parser is Qt-linked: JSON is read by QJsonDocument, a well-kept reader, rather than one of
// our own (less code of ours facing strangers' bytes); this target compiles Protocol.cpp with
// ASan + UBSan and coverage, and links Qt Core as Debian ships it. Expected: a message or a
// refusal with a reason, never a crash. A message that parses must encode and parse back equal,
// and its encoding must fit the direction's cap (a student's message under 8 KiB, a teacher's
// under its cap), so what the host accepts it can always also say.
#include <QByteArray>
#include <QString>

#include "FuzzCommon.h"
#include "Protocol.h"

using namespace bp::classroom;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    const Parsed<StudentMessage> s = parseStudentMessage(bytes);
    bpfuzz::check(s.message.has_value() == (s.error == ParseError::None), "student: error state");
    if (s.message) {
        const QByteArray again = encode(*s.message);
        const Parsed<StudentMessage> back = parseStudentMessage(again);
        bpfuzz::check(back.message.has_value(), "student: an accepted message does not re-parse");
        bpfuzz::check(*back.message == *s.message, "student: changed in a round trip");
    } else {
        bpfuzz::check(!s.detail.isEmpty(), "student: refused without a reason");
    }

    const Parsed<TeacherMessage> t = parseTeacherMessage(bytes);
    bpfuzz::check(t.message.has_value() == (t.error == ParseError::None), "teacher: error state");
    if (t.message) {
        const Parsed<TeacherMessage> back = parseTeacherMessage(encode(*t.message));
        bpfuzz::check(back.message.has_value(), "teacher: an accepted message does not re-parse");
        bpfuzz::check(*back.message == *t.message, "teacher: changed in a round trip");
        if (const auto* w = std::get_if<Welcome>(&*t.message))
            bpfuzz::check(normalizedName(w->name) == w->name, "welcome: a name not normalised");
    }

    // The name rule: a normalised name is stable and within its length.
    const QString name = normalizedName(QString::fromUtf8(bytes.left(256)));
    bpfuzz::check(
        name.isEmpty() || (normalizedName(name) == name && name.size() <= Limits::kMaxNameChars),
        "normalizedName is not idempotent");
    return 0;
}
