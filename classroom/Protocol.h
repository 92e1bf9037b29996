// Protocol.h — class mode's messages (docs/CLASSROOM_PROTOCOL.md): WebSocket text frames, each
// one JSON object with a "type", version 1.
//
// This file is the protocol's one owner: its limits, its message types, the strict parser and
// the encoder. Parsing is strict — only the documented message types, only their documented
// keys, each value of its documented type and range, each message within its size cap. A message
// that breaks any rule is refused with a reason (the host drops and counts it); nothing in a
// message makes the receiver open a file, run anything or allocate more than the caps allow.
//
//   student → teacher:  hello, run, progress, epoch
//   teacher → student:  welcome, refused, session, goal
#pragma once

#include <QByteArray>
#include <QPointF>
#include <QString>
#include <QVector>
#include <cstdint>
#include <limits>
#include <optional>
#include <variant>
#include <vector>

namespace bp::classroom {

// The protocol version this program speaks (hello.protocol, welcome.protocol).
inline constexpr int kProtocolVersion = 1;

// Every cap of the protocol, in one place (the documentation's table is this one).
struct Limits {
    static constexpr int kMaxFrameBytes = 64 * 1024;      // host: a larger message closes (1009)
    static constexpr int kMaxStudentMessageBytes = 8192;  // host: a larger message is dropped
    static constexpr int kMaxNameChars = 24;              // display name, after trimming
    static constexpr int kMinCodeChars = 4;               // join code
    static constexpr int kMaxCodeChars = 16;
    static constexpr int kMaxKeyChars = 32;                    // the student's reconnection key
    static constexpr int kMaxLayers = 8;                       // entries of run.layers
    static constexpr int kMaxNeurons = 100000;                 // per layer
    static constexpr int kMaxProgressPoints = 128;             // progress.error entries
    static constexpr int kMaxRateChanges = 16;                 // progress.rate_changes entries
    static constexpr double kMaxLearningRate = 1e6;            // as backprop-cli train's --lr
    static constexpr double kMaxSamples = 9007199254740992.0;  // 2^53: exact in a JSON number
    static constexpr int kMaxEpoch = 1000000;
    static constexpr int kMaxRun = 1000000;                   // run numbers 0 … this
    static constexpr int kMaxSessionBytes = 8 * 1024 * 1024;  // a session's .bps bytes
    // The host's message budget per student: a bucket of kBurst messages refilled at kRate per
    // second; messages past it are dropped unread. A student that has had kMaxDrops messages
    // dropped is disconnected (close code 1008) and counted as flooding.
    static constexpr double kRate = 20.0;
    static constexpr double kBurst = 40.0;
    static constexpr int kMaxDrops = 200;
    static constexpr int kDefaultMaxStudents = 80;  // connections a host accepts at once
    static constexpr int kHelloTimeoutMs = 5000;    // a connection must say hello by then
    // A student's client sends at most this many messages per second, half the host's budget.
    static constexpr double kClientRate = 10.0;
    static constexpr int kClientProgressIntervalMs = 250;  // progress at most 4 times a second
    // Teacher → student: one message holds at most a session (base64, ×4/3) and its envelope.
    static constexpr int kMaxTeacherMessageBytes = kMaxSessionBytes / 3 * 4 + 8192;
};

// ---- student → teacher ---------------------------------------------------------------------

// First message of a connection: the protocol spoken, the class's join code, the display name
// and a random key that lets a student who lost the connection come back as the same student.
struct Hello {
    int protocol = kProtocolVersion;
    QString code;
    QString name;
    QString key;  // [A-Za-z0-9]{8,32}
    bool operator==(const Hello&) const = default;
};

// A run starts (and whenever its network or data change): its shape and settings.
struct RunStart {
    int run = 0;              // the student's run number (a new run = a new curve)
    std::vector<int> layers;  // neurons per layer, input first (784, 200, 10)
    double learningRate = 0.1;
    std::uint64_t seed = 1;
    int batch = 1;
    bool operator==(const RunStart&) const = default;
    // Hidden neurons in all: the sum of every layer but the first and the last.
    int hiddenNeurons() const;
};

// What the run did since the last progress: new running-error points (downsampled by the
// student), learning-rate changes, and where it is now.
struct Progress {
    int run = 0;
    double samplesSeen = 0;        // whole number, 0 … 2^53
    double learningRate = 0.1;     // the rate now
    QVector<QPointF> error;        // (samples seen, running error), x ascending
    QVector<QPointF> rateChanges;  // (samples seen, new learning rate)
    bool operator==(const Progress&) const = default;
};

// An epoch ended: its test accuracy (NaN when the student has no test set) and mean error.
struct Epoch {
    int run = 0;
    int epoch = 1;
    double samplesSeen = 0;
    double testAccuracy = std::numeric_limits<double>::quiet_NaN();  // 0 … 1, NaN = null
    double meanError = 0;
    double learningRate = 0.1;
    bool operator==(const Epoch& o) const;  // NaN accuracies compare equal
};

using StudentMessage = std::variant<Hello, RunStart, Progress, Epoch>;

// ---- teacher → student ---------------------------------------------------------------------

struct Welcome {
    int protocol = kProtocolVersion;
    QString name;  // the name as the class shows it
    bool operator==(const Welcome&) const = default;
};

// Why a host refuses or ends a connection. The student's client stops retrying after Code, Name,
// NameTaken, Protocol and Removed (a person must act); after Full, Timeout and Flood it retries.
enum class RefuseReason { Code, Full, Name, NameTaken, Protocol, Removed, Timeout, Flood };
struct Refused {
    RefuseReason reason = RefuseReason::Code;
    bool operator==(const Refused&) const = default;
};

// A session (.bps bytes, checked by the student with core's session loader) and what it is for.
enum class SessionPurpose { Start, Sweep, Challenge };
struct SessionOffer {
    SessionPurpose purpose = SessionPurpose::Start;
    QByteArray bps;  // the session file's bytes, at most Limits::kMaxSessionBytes
    bool operator==(const SessionOffer&) const = default;
};

// A challenge's goal: a run meets it when its test accuracy is at least minAccuracy and its
// hidden neurons are at most maxHidden (0 = any). active = false withdraws the goal.
struct Goal {
    bool active = true;
    double minAccuracy = 0.95;  // 0 … 1
    int maxHidden = 0;          // 0 … Limits::kMaxNeurons × kMaxLayers; 0 = no bound
    bool operator==(const Goal&) const = default;
    // True when a run with this accuracy (NaN = not measured) and hidden-neuron count meets it.
    bool metBy(double testAccuracy, int hiddenNeurons) const;
};

using TeacherMessage = std::variant<Welcome, Refused, SessionOffer, Goal>;

// ---- parsing and encoding ------------------------------------------------------------------

// Why a message was refused (the host counts each kind).
enum class ParseError {
    None,
    TooLarge,  // over the cap of its direction (or of its type)
    NotJson,   // not a JSON object
    BadType,   // "type" missing, not a string, or not a message of this direction
    BadField,  // a key missing, unknown, of the wrong type or out of range
};
const char* parseErrorName(ParseError e);  // "too_large", "not_json", …

template <class Message>
struct Parsed {
    std::optional<Message> message;  // set when error == None
    ParseError error = ParseError::None;
    QString detail;  // what was wrong, for logs and tests ("progress.error: 200 points, max 128")
};

Parsed<StudentMessage> parseStudentMessage(const QByteArray& utf8);
Parsed<TeacherMessage> parseTeacherMessage(const QByteArray& utf8);

QByteArray encode(const StudentMessage& m);
QByteArray encode(const TeacherMessage& m);

// ---- the rules for names and codes, shared by the host, the client and the dialogs ----------

// The name as it will be shown (whitespace runs become one space, ends trimmed), or an empty
// string when it is not acceptable: 1 … kMaxNameChars characters, each a letter, a digit, a
// space or one of - _ . ' (any script: 李雷 is a name); no control or formatting characters.
QString normalizedName(const QString& name);
// A join code: kMinCodeChars … kMaxCodeChars letters and digits (compared case-insensitively).
bool isValidCode(const QString& code);
// A fresh code of 6 characters that read unambiguously from the back of a room (no 0/O, 1/I/L).
QString makeJoinCode();
// A fresh reconnection key for a student (16 random letters and digits).
QString makeStudentKey();

const char* refuseReasonName(RefuseReason r);  // "code", "full", …
const char* sessionPurposeName(SessionPurpose p);

}  // namespace bp::classroom
