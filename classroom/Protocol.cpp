// Protocol.cpp — strict parsing and encoding of class mode's messages (see Protocol.h and
// docs/CLASSROOM_PROTOCOL.md). JSON is read by Qt's QJsonDocument (a well-kept parser; our code
// only validates the object it returns).
#include "Protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRandomGenerator>
#include <QSet>
#include <cmath>
#include <initializer_list>

namespace bp::classroom {
namespace {

// Thrown inside the parser only; turned into a Parsed with its error and detail.
struct Refusal {
    ParseError error;
    QString detail;
};
[[noreturn]] void refuse(const QString& detail) {
    throw Refusal{ParseError::BadField, detail};
}

// The object has exactly the keys required and at most those optional (besides "type").
void checkKeys(const QJsonObject& o, const QString& type,
               std::initializer_list<const char*> required,
               std::initializer_list<const char*> optional = {}) {
    QSet<QString> allowed{QStringLiteral("type")};
    for (const char* k : required) {
        allowed.insert(QLatin1String(k));
        if (!o.contains(QLatin1String(k)))
            refuse(type + QStringLiteral(": missing ") + QLatin1String(k));
    }
    for (const char* k : optional) allowed.insert(QLatin1String(k));
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!allowed.contains(it.key()))
            refuse(type + QStringLiteral(": unknown key '") + it.key().left(32) +
                   QLatin1Char('\''));
}

QString field(const QString& type, const char* key) {
    return type + QLatin1Char('.') + QLatin1String(key);
}

double number(const QJsonObject& o, const QString& type, const char* key, double min, double max) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble()) refuse(field(type, key) + QStringLiteral(": not a number"));
    const double x = v.toDouble();
    if (!std::isfinite(x) || x < min || x > max)
        refuse(field(type, key) + QStringLiteral(": out of range %1 … %2").arg(min).arg(max));
    return x;
}

double whole(const QJsonObject& o, const QString& type, const char* key, double min, double max) {
    const double x = number(o, type, key, min, max);
    if (x != std::floor(x)) refuse(field(type, key) + QStringLiteral(": not a whole number"));
    return x;
}

int integer(const QJsonObject& o, const QString& type, const char* key, int min, int max) {
    return static_cast<int>(whole(o, type, key, min, max));
}

QString text(const QJsonObject& o, const QString& type, const char* key, int maxChars) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isString()) refuse(field(type, key) + QStringLiteral(": not a string"));
    const QString s = v.toString();
    if (s.size() > maxChars)
        refuse(field(type, key) + QStringLiteral(": longer than %1").arg(maxChars));
    return s;
}

// A learning rate: above 0, at most kMaxLearningRate.
double rate(const QJsonObject& o, const QString& type, const char* key) {
    const double lr = number(o, type, key, 0.0, Limits::kMaxLearningRate);
    if (!(lr > 0)) refuse(field(type, key) + QStringLiteral(": must be above 0"));
    return lr;
}

// [[x, y], …] with at most maxPoints pairs, x whole and ascending within [0, 2^53], y checked.
QVector<QPointF> points(const QJsonObject& o, const QString& type, const char* key, int maxPoints,
                        double yMin, double yMax, bool yPositive) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isArray()) refuse(field(type, key) + QStringLiteral(": not an array"));
    const QJsonArray a = v.toArray();
    if (a.size() > maxPoints)
        refuse(field(type, key) +
               QStringLiteral(": %1 points, max %2").arg(a.size()).arg(maxPoints));
    QVector<QPointF> out;
    out.reserve(a.size());
    for (const QJsonValue& p : a) {
        const QJsonArray xy = p.toArray();
        if (!p.isArray() || xy.size() != 2 || !xy[0].isDouble() || !xy[1].isDouble())
            refuse(field(type, key) + QStringLiteral(": each point is [samples, value]"));
        const double x = xy[0].toDouble(), y = xy[1].toDouble();
        if (!std::isfinite(x) || x < 0 || x > Limits::kMaxSamples || x != std::floor(x))
            refuse(field(type, key) + QStringLiteral(": samples must be a whole number ≥ 0"));
        if (!out.isEmpty() && x < out.back().x())
            refuse(field(type, key) + QStringLiteral(": samples must not decrease"));
        if (!std::isfinite(y) || y < yMin || y > yMax || (yPositive && !(y > 0)))
            refuse(field(type, key) + QStringLiteral(": value out of range"));
        out.append(QPointF(x, y));
    }
    return out;
}

// ---- student → teacher ----

Hello parseHello(const QJsonObject& o) {
    const QString t = QStringLiteral("hello");
    checkKeys(o, t, {"protocol", "code", "name", "key"});
    Hello h;
    h.protocol = integer(o, t, "protocol", 1, 1000000);  // any version parses; the host compares
    h.code = text(o, t, "code", Limits::kMaxCodeChars);
    h.name = text(o, t, "name", 4 * Limits::kMaxNameChars);  // normalizedName() says if it fits
    h.key = text(o, t, "key", Limits::kMaxKeyChars);
    if (h.key.size() < 8) refuse(QStringLiteral("hello.key: shorter than 8"));
    for (const QChar c : h.key)
        if (!(c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
              (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))))
            refuse(QStringLiteral("hello.key: letters and digits only"));
    return h;
}

RunStart parseRun(const QJsonObject& o) {
    const QString t = QStringLiteral("run");
    checkKeys(o, t, {"run", "layers", "learning_rate", "seed", "batch"});
    RunStart r;
    r.run = integer(o, t, "run", 0, Limits::kMaxRun);
    const QJsonValue lv = o.value(QLatin1String("layers"));
    if (!lv.isArray()) refuse(QStringLiteral("run.layers: not an array"));
    const QJsonArray layers = lv.toArray();
    if (layers.size() < 2 || layers.size() > Limits::kMaxLayers)
        refuse(QStringLiteral("run.layers: 2 … %1 layers").arg(Limits::kMaxLayers));
    for (const QJsonValue& n : layers) {
        const double x = n.toDouble(-1);
        if (!n.isDouble() || x < 1 || x > Limits::kMaxNeurons || x != std::floor(x))
            refuse(QStringLiteral("run.layers: neuron counts 1 … %1").arg(Limits::kMaxNeurons));
        r.layers.push_back(static_cast<int>(x));
    }
    r.learningRate = rate(o, t, "learning_rate");
    r.seed = static_cast<std::uint64_t>(whole(o, t, "seed", 0, Limits::kMaxSamples));
    r.batch = integer(o, t, "batch", 1, 1 << 20);
    return r;
}

Progress parseProgress(const QJsonObject& o) {
    const QString t = QStringLiteral("progress");
    checkKeys(o, t, {"run", "samples_seen", "learning_rate", "error"}, {"rate_changes"});
    Progress p;
    p.run = integer(o, t, "run", 0, Limits::kMaxRun);
    p.samplesSeen = whole(o, t, "samples_seen", 0, Limits::kMaxSamples);
    p.learningRate = rate(o, t, "learning_rate");
    // Σ(t − o)² over the outputs: 0 … outputs, so at most kMaxNeurons.
    p.error = points(o, t, "error", Limits::kMaxProgressPoints, 0, Limits::kMaxNeurons, false);
    if (o.contains(QLatin1String("rate_changes")))
        p.rateChanges = points(o, t, "rate_changes", Limits::kMaxRateChanges, 0,
                               Limits::kMaxLearningRate, true);
    return p;
}

Epoch parseEpoch(const QJsonObject& o) {
    const QString t = QStringLiteral("epoch");
    checkKeys(o, t,
              {"run", "epoch", "samples_seen", "test_accuracy", "mean_error", "learning_rate"});
    Epoch e;
    e.run = integer(o, t, "run", 0, Limits::kMaxRun);
    e.epoch = integer(o, t, "epoch", 1, Limits::kMaxEpoch);
    e.samplesSeen = whole(o, t, "samples_seen", 0, Limits::kMaxSamples);
    if (!o.value(QLatin1String("test_accuracy")).isNull())
        e.testAccuracy = number(o, t, "test_accuracy", 0, 1);
    e.meanError = number(o, t, "mean_error", 0, Limits::kMaxNeurons);
    e.learningRate = rate(o, t, "learning_rate");
    return e;
}

// ---- teacher → student ----

const char* const kReasonNames[] = {"code",     "full",    "name",    "name_taken",
                                    "protocol", "removed", "timeout", "flood"};
const char* const kPurposeNames[] = {"start", "sweep", "challenge"};

template <class Enum, std::size_t N>
Enum enumFrom(const QJsonObject& o, const QString& type, const char* key,
              const char* const (&names)[N]) {
    const QString s = text(o, type, key, 32);
    for (std::size_t i = 0; i < N; ++i)
        if (s == QLatin1String(names[i])) return static_cast<Enum>(i);
    refuse(field(type, key) + QStringLiteral(": unknown value"));
}

Welcome parseWelcome(const QJsonObject& o) {
    const QString t = QStringLiteral("welcome");
    checkKeys(o, t, {"protocol", "name"});
    Welcome w;
    w.protocol = integer(o, t, "protocol", 1, 1000000);
    w.name = normalizedName(text(o, t, "name", Limits::kMaxNameChars));
    if (w.name.isEmpty()) refuse(QStringLiteral("welcome.name: not a valid name"));
    return w;
}

Refused parseRefused(const QJsonObject& o) {
    const QString t = QStringLiteral("refused");
    checkKeys(o, t, {"reason"});
    return Refused{enumFrom<RefuseReason>(o, t, "reason", kReasonNames)};
}

SessionOffer parseSession(const QJsonObject& o) {
    const QString t = QStringLiteral("session");
    checkKeys(o, t, {"purpose", "bps"});
    SessionOffer s;
    s.purpose = enumFrom<SessionPurpose>(o, t, "purpose", kPurposeNames);
    const QString b64 = text(o, t, "bps", Limits::kMaxTeacherMessageBytes);
    const auto decoded =
        QByteArray::fromBase64Encoding(b64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty()) refuse(QStringLiteral("session.bps: not base64"));
    if (decoded.decoded.size() > Limits::kMaxSessionBytes)
        refuse(QStringLiteral("session.bps: larger than %1 bytes").arg(Limits::kMaxSessionBytes));
    s.bps = decoded.decoded;
    return s;
}

Goal parseGoal(const QJsonObject& o) {
    const QString t = QStringLiteral("goal");
    checkKeys(o, t, {"active", "min_accuracy", "max_hidden"});
    Goal g;
    if (!o.value(QLatin1String("active")).isBool())
        refuse(QStringLiteral("goal.active: not true/false"));
    g.active = o.value(QLatin1String("active")).toBool();
    g.minAccuracy = number(o, t, "min_accuracy", 0, 1);
    g.maxHidden = integer(o, t, "max_hidden", 0, Limits::kMaxNeurons * Limits::kMaxLayers);
    return g;
}

// Common envelope: size cap, JSON object, "type" string.
template <class Message>
Parsed<Message> parseEnvelope(const QByteArray& utf8, int maxBytes,
                              Message (*dispatch)(const QString&, const QJsonObject&)) {
    Parsed<Message> out;
    if (utf8.size() > maxBytes) {
        out.error = ParseError::TooLarge;
        out.detail = QStringLiteral("%1 bytes, max %2").arg(utf8.size()).arg(maxBytes);
        return out;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        out.error = ParseError::NotJson;
        out.detail = pe.error != QJsonParseError::NoError ? pe.errorString()
                                                          : QStringLiteral("not an object");
        return out;
    }
    const QJsonObject o = doc.object();
    const QJsonValue type = o.value(QLatin1String("type"));
    if (!type.isString()) {
        out.error = ParseError::BadType;
        out.detail = QStringLiteral("no \"type\"");
        return out;
    }
    try {
        out.message = dispatch(type.toString(), o);
    } catch (const Refusal& r) {
        out.error = r.error;
        out.detail = r.detail;
    }
    return out;
}

StudentMessage dispatchStudent(const QString& type, const QJsonObject& o) {
    if (type == QLatin1String("hello")) return parseHello(o);
    if (type == QLatin1String("run")) return parseRun(o);
    if (type == QLatin1String("progress")) return parseProgress(o);
    if (type == QLatin1String("epoch")) return parseEpoch(o);
    throw Refusal{ParseError::BadType, QStringLiteral("unknown type '%1'").arg(type.left(32))};
}

TeacherMessage dispatchTeacher(const QString& type, const QJsonObject& o) {
    if (type == QLatin1String("welcome")) return parseWelcome(o);
    if (type == QLatin1String("refused")) return parseRefused(o);
    if (type == QLatin1String("session")) return parseSession(o);
    if (type == QLatin1String("goal")) return parseGoal(o);
    throw Refusal{ParseError::BadType, QStringLiteral("unknown type '%1'").arg(type.left(32))};
}

QJsonArray toJson(const QVector<QPointF>& pts) {
    QJsonArray a;
    for (const QPointF& p : pts) a.append(QJsonArray{p.x(), p.y()});
    return a;
}

QByteArray compact(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

}  // namespace

int RunStart::hiddenNeurons() const {
    int n = 0;
    for (std::size_t i = 1; i + 1 < layers.size(); ++i) n += layers[i];
    return n;
}

bool Epoch::operator==(const Epoch& o) const {
    const bool sameAcc =
        (std::isnan(testAccuracy) && std::isnan(o.testAccuracy)) || testAccuracy == o.testAccuracy;
    return run == o.run && epoch == o.epoch && samplesSeen == o.samplesSeen && sameAcc &&
           meanError == o.meanError && learningRate == o.learningRate;
}

bool Goal::metBy(double testAccuracy, int hiddenNeurons) const {
    if (!active || std::isnan(testAccuracy)) return false;
    // A tolerance of half a test sample in 10⁶: 0.95 typed by the teacher equals 9500/10000.
    return testAccuracy + 1e-9 >= minAccuracy && (maxHidden == 0 || hiddenNeurons <= maxHidden);
}

const char* parseErrorName(ParseError e) {
    switch (e) {
        case ParseError::None:
            return "none";
        case ParseError::TooLarge:
            return "too_large";
        case ParseError::NotJson:
            return "not_json";
        case ParseError::BadType:
            return "bad_type";
        case ParseError::BadField:
            return "bad_field";
    }
    return "?";
}

const char* refuseReasonName(RefuseReason r) {
    return kReasonNames[static_cast<int>(r)];
}
const char* sessionPurposeName(SessionPurpose p) {
    return kPurposeNames[static_cast<int>(p)];
}

Parsed<StudentMessage> parseStudentMessage(const QByteArray& utf8) {
    return parseEnvelope<StudentMessage>(utf8, Limits::kMaxStudentMessageBytes, &dispatchStudent);
}

Parsed<TeacherMessage> parseTeacherMessage(const QByteArray& utf8) {
    return parseEnvelope<TeacherMessage>(utf8, Limits::kMaxTeacherMessageBytes, &dispatchTeacher);
}

QByteArray encode(const StudentMessage& m) {
    QJsonObject o;
    if (const auto* h = std::get_if<Hello>(&m)) {
        o = {{"type", "hello"},
             {"protocol", h->protocol},
             {"code", h->code},
             {"name", h->name},
             {"key", h->key}};
    } else if (const auto* r = std::get_if<RunStart>(&m)) {
        QJsonArray layers;
        for (int n : r->layers) layers.append(n);
        o = {{"type", "run"},
             {"run", r->run},
             {"layers", layers},
             {"learning_rate", r->learningRate},
             {"seed", static_cast<double>(r->seed)},
             {"batch", r->batch}};
    } else if (const auto* p = std::get_if<Progress>(&m)) {
        o = {{"type", "progress"},
             {"run", p->run},
             {"samples_seen", p->samplesSeen},
             {"learning_rate", p->learningRate},
             {"error", toJson(p->error)}};
        if (!p->rateChanges.isEmpty())
            o.insert(QStringLiteral("rate_changes"), toJson(p->rateChanges));
    } else if (const auto* e = std::get_if<Epoch>(&m)) {
        o = {{"type", "epoch"},
             {"run", e->run},
             {"epoch", e->epoch},
             {"samples_seen", e->samplesSeen},
             {"test_accuracy",
              std::isnan(e->testAccuracy) ? QJsonValue() : QJsonValue(e->testAccuracy)},
             {"mean_error", e->meanError},
             {"learning_rate", e->learningRate}};
    }
    return compact(o);
}

QByteArray encode(const TeacherMessage& m) {
    QJsonObject o;
    if (const auto* w = std::get_if<Welcome>(&m)) {
        o = {{"type", "welcome"}, {"protocol", w->protocol}, {"name", w->name}};
    } else if (const auto* r = std::get_if<Refused>(&m)) {
        o = {{"type", "refused"}, {"reason", refuseReasonName(r->reason)}};
    } else if (const auto* s = std::get_if<SessionOffer>(&m)) {
        o = {{"type", "session"},
             {"purpose", sessionPurposeName(s->purpose)},
             {"bps", QString::fromLatin1(s->bps.toBase64())}};
    } else if (const auto* g = std::get_if<Goal>(&m)) {
        o = {{"type", "goal"},
             {"active", g->active},
             {"min_accuracy", g->minAccuracy},
             {"max_hidden", g->maxHidden}};
    }
    return compact(o);
}

QString normalizedName(const QString& name) {
    const QString s = name.simplified();
    if (s.isEmpty() || s.size() > Limits::kMaxNameChars) return {};
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c.isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
            const char32_t u = QChar::surrogateToUcs4(c, s[i + 1]);
            if (!QChar::isLetterOrNumber(u)) return {};
            ++i;
            continue;
        }
        if (c.isLetterOrNumber() || c == QLatin1Char(' ') || c == QLatin1Char('-') ||
            c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('\''))
            continue;
        return {};
    }
    return s;
}

bool isValidCode(const QString& code) {
    if (code.size() < Limits::kMinCodeChars || code.size() > Limits::kMaxCodeChars) return false;
    for (const QChar c : code)
        if (c.unicode() > 127 || !c.isLetterOrNumber()) return false;
    return true;
}

namespace {
QString randomText(const char* alphabet, int length) {
    const int n = static_cast<int>(std::char_traits<char>::length(alphabet));
    QString s;
    for (int i = 0; i < length; ++i)
        s.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(n)]));
    return s;
}
}  // namespace

QString makeJoinCode() {
    return randomText("23456789ABCDEFGHJKMNPQRSTUVWXYZ", 6);
}

QString makeStudentKey() {
    return randomText("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 16);
}

}  // namespace bp::classroom
