// check_translations.cpp — fails when a translation is incomplete, so a string added without its
// translation fails CI.
//
//   check_translations --lupdate PATH --work DIR --ts FILE [--ts FILE…] [--plurals-ts FILE…]
//                      -- SOURCE…
//
// Each .ts file is copied into DIR and lupdate is run on the copy over the current SOURCEs
// (files or folders), keeping obsolete entries, exactly as a developer refreshing the file
// would (--plurals-ts files with -pluralonly: English keeps only the plural forms). Then every
// message of the updated copy is checked:
//   untranslated  a source string missing from the committed file, or still type="unfinished"
//   vanished      an entry whose string is gone from the sources (run lupdate -no-obsolete)
//   empty         an empty translation or plural form
//   forms         a plural entry without the language's number of forms (zh_CN 1, en 2)
//   placeholders  %1…%99 of the source not all in the translation (and %n in plural forms)
//   shortcut      an "&" shortcut in the source but not in the translation
// Prints one line per problem and a summary line "problems: untranslated N, vanished N, …";
// exits 1 if there is any.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QXmlStreamReader>
#include <cstdio>
#include <map>

namespace {

struct Problems {
    std::map<QString, int> count;  // kind → number found (every kind listed, also at 0)
    Problems() {
        for (const char* k :
             {"untranslated", "vanished", "empty", "forms", "placeholders", "shortcut"})
            count[QString::fromLatin1(k)] = 0;
    }
    void add(const QString& kind, const QString& file, const QString& context,
             const QString& source) {
        ++count[kind];
        QString shown = source.left(90);
        shown.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
        std::printf("%s: %s: [%s] \"%s%s\"\n", qPrintable(kind), qPrintable(file),
                    qPrintable(context), qPrintable(shown), source.size() > 90 ? "…" : "");
    }
    int total() const {
        int n = 0;
        for (const auto& [kind, c] : count) n += c;
        return n;
    }
};

// Placeholders %1 … %99 (and %L1) in s, without the L; plus %n when withN.
QSet<QString> placeholders(const QString& s, bool withN) {
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    QSet<QString> out;
    for (auto it = re.globalMatch(s); it.hasNext();) {
        const QString p = it.next().captured(1);
        if (p != QLatin1String("n") || withN) out.insert(p);
    }
    return out;
}

// True if s has a keyboard shortcut marker: "&" followed by a character other than "&" or a
// space ("&&" is a literal ampersand).
bool hasShortcut(const QString& s) {
    for (qsizetype i = 0; i + 1 < s.size(); ++i) {
        if (s[i] != QLatin1Char('&')) continue;
        if (s[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (!s[i + 1].isSpace()) return true;
    }
    return false;
}

struct Message {
    QString context, source, type;  // type: "", "unfinished", "vanished", "obsolete"
    QString translation;            // non-plural text
    QStringList forms;              // plural forms
    bool numerus = false;
};

bool readTs(const QString& path, QString& language, std::vector<Message>& out) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return false;
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = Message{};
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (m.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform"))
                        m.forms << xml.readElementText();
                    else
                        xml.skipCurrentElement();
                }
            } else {
                m.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
            out.push_back(m);
        }
    }
    if (xml.hasError()) {
        std::fprintf(stderr, "%s:%lld: %s\n", qPrintable(path), xml.lineNumber(),
                     qPrintable(xml.errorString()));
        return false;
    }
    return true;
}

void check(const QString& file, const QString& language, const std::vector<Message>& messages,
           Problems& p) {
    const int wantForms = language.startsWith(QLatin1String("zh")) ? 1 : 2;
    for (const Message& m : messages) {
        if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete")) {
            p.add(QStringLiteral("vanished"), file, m.context, m.source);
            continue;
        }
        if (m.type == QLatin1String("unfinished")) {
            p.add(QStringLiteral("untranslated"), file, m.context, m.source);
            continue;
        }
        const QStringList texts = m.numerus ? m.forms : QStringList{m.translation};
        bool empty = texts.isEmpty();
        for (const QString& t : texts) empty = empty || t.trimmed().isEmpty();
        if (empty) {
            p.add(QStringLiteral("empty"), file, m.context, m.source);
            continue;
        }
        if (m.numerus && texts.size() != wantForms)
            p.add(QStringLiteral("forms"), file, m.context, m.source);
        const QSet<QString> want = placeholders(m.source, m.numerus);
        bool placeholdersOk = true, shortcutOk = true;
        for (const QString& t : texts) {
            // A plural form for exactly one may spell the number out ("1 sample"): %n optional.
            QSet<QString> need = want;
            if (m.numerus && texts.size() > 1 && &t == &texts.front())
                need.remove(QStringLiteral("n"));
            placeholdersOk = placeholdersOk && placeholders(t, true).contains(need);
            shortcutOk = shortcutOk && (hasShortcut(t) || !hasShortcut(m.source));
        }
        if (!placeholdersOk) p.add(QStringLiteral("placeholders"), file, m.context, m.source);
        if (!shortcutOk) p.add(QStringLiteral("shortcut"), file, m.context, m.source);
    }
}

int usage() {
    std::fprintf(stderr,
                 "usage: check_translations --lupdate PATH --work DIR --ts FILE… "
                 "[--plurals-ts FILE…] -- SOURCE…\n");
    return 2;
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QString lupdate, work;
    QStringList full, pluralOnly, sources;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        const bool hasValue = i + 1 < args.size();
        if (a == QLatin1String("--")) {
            sources = args.mid(i + 1);
            break;
        }
        if (!hasValue) return usage();
        if (a == QLatin1String("--lupdate")) {
            lupdate = args[++i];
        } else if (a == QLatin1String("--work")) {
            work = args[++i];
        } else if (a == QLatin1String("--ts")) {
            full << args[++i];
        } else if (a == QLatin1String("--plurals-ts")) {
            pluralOnly << args[++i];
        } else {
            return usage();
        }
    }
    if (lupdate.isEmpty() || work.isEmpty() || sources.isEmpty() ||
        (full.isEmpty() && pluralOnly.isEmpty()))
        return usage();
    if (!QDir().mkpath(work)) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(work));
        return 2;
    }

    Problems problems;
    int files = 0;
    std::size_t messages = 0;
    for (const QString& ts : full + pluralOnly) {
        const QString copy = QDir(work).filePath(QFileInfo(ts).fileName());
        QFile::remove(copy);
        if (!QFile::copy(ts, copy)) {
            std::fprintf(stderr, "cannot copy %s to %s\n", qPrintable(ts), qPrintable(copy));
            return 2;
        }
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QStringList lupdateArgs{QStringLiteral("-silent"), QStringLiteral("-locations"),
                                QStringLiteral("none")};
        if (pluralOnly.contains(ts)) lupdateArgs << QStringLiteral("-pluralonly");
        lupdateArgs << sources << QStringLiteral("-ts") << copy;
        QProcess run;
        run.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        run.start(lupdate, lupdateArgs);
        if (!run.waitForFinished(120000) || run.exitStatus() != QProcess::NormalExit ||
            run.exitCode() != 0) {
            std::fprintf(stderr, "lupdate failed on %s: %s\n", qPrintable(copy),
                         qPrintable(run.errorString()));
            return 2;
        }
        QString language;
        std::vector<Message> all;
        if (!readTs(copy, language, all)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(copy));
            return 2;
        }
        ++files;
        messages += all.size();
        check(QFileInfo(ts).fileName(), language, all, problems);
    }

    QStringList summary;
    for (const auto& [kind, c] : problems.count)
        summary << QStringLiteral("%1 %2").arg(kind).arg(c);
    std::printf("checked %d file(s), %zu message(s)\nproblems: %s\n", files, messages,
                qPrintable(summary.join(QStringLiteral(", "))));
    if (problems.total() > 0) {
        std::printf(
            "Refresh the .ts files (cmake --build <build> --target update_translations) and "
            "translate the entries above.\n");
        return 1;
    }
    return 0;
}
