#include "clicommon.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

#include <unistd.h>

namespace ProfileLens::Cli {

namespace {

constexpr int kBarWidth = 30;          // characters
constexpr qint64 kRedrawIntervalMs = 100;

qint64 monotonicMs()
{
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    return clock.elapsed();
}

} // namespace

void printOut(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printError(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

ProgressBar::ProgressBar(const QString &label, bool quiet)
    : m_label(label)
    , m_enabled(!quiet && isatty(STDERR_FILENO))
{
}

ProgressBar::~ProgressBar()
{
    finish();
}

void ProgressBar::update(qint64 done, qint64 total, const QString &detail)
{
    if (!m_enabled || total <= 0)
        return;
    const qint64 now = monotonicMs();
    if (done < total && m_lastDrawMs >= 0 && now - m_lastDrawMs < kRedrawIntervalMs)
        return;
    m_lastDrawMs = now;
    const int filled = int(kBarWidth * done / total);
    const QString bar = QString(filled, QLatin1Char('#'))
        + QString(kBarWidth - filled, QLatin1Char('.'));
    const QString line = QStringLiteral("\r%1 [%2] %3/%4 %5")
                             .arg(m_label, bar)
                             .arg(done)
                             .arg(total)
                             .arg(detail);
    std::fputs(line.toUtf8().constData(), stderr);
    std::fputs("\x1b[K", stderr); // clear what a longer previous line left
    std::fflush(stderr);
    m_drawn = true;
}

void ProgressBar::finish()
{
    if (m_drawn) {
        std::fputc('\n', stderr);
        std::fflush(stderr);
        m_drawn = false;
    }
}

bool parseCommandLine(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        printError(CliMessages::tr("Run '%1 %2 --help' for usage.")
                       .arg(QCoreApplication::applicationName(), arguments.value(0)));
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // QCommandLineParser names the executable's path; the usage line also needs the verb.
        QString help = parser.helpText();
        const QString program = QCoreApplication::arguments().value(0);
        const int at = help.indexOf(program);
        if (!program.isEmpty() && at >= 0)
            help.replace(at, program.size(),
                         QStringLiteral("profilelens-cli %1").arg(arguments.value(0)));
        printOut(help);
        std::exit(ExitSuccess);
    }
    return true;
}

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"'))
        && !value.contains(QLatin1Char('\n')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QCommandLineOption quietOption()
{
    return QCommandLineOption({QStringLiteral("q"), QStringLiteral("quiet")},
                              CliMessages::tr("Draw no progress bar; results, warnings and errors still appear."));
}

InputOptions::InputOptions()
    : inputSize(QStringLiteral("input-size"),
                CliMessages::tr("Size of the grayscale model input in pixels: N for N x N, or WxH "
                                "(default 28 for the whole face, as in the reference pipeline, "
                                "and 88x40 for the eye band)."),
                CliMessages::tr("SIZE"))
    , faceRegion(QStringLiteral("face-region"),
                 CliMessages::tr("Part of the aligned face the model reads: face (all of it, the "
                                 "default), eyes (a band from the eyebrows to the upper cheeks, "
                                 "which gives thin frames more pixels), or face+eyes (both, the "
                                 "face at 56x56 above the band at 88x40, each view with its own "
                                 "networks, as in the default eyeglasses model)."),
                 CliMessages::tr("REGION"), QStringLiteral("face"))
{
}

bool InputOptions::read(const QCommandLineParser &parser, PreprocessSettings *settings) const
{
    const QString region = parser.value(faceRegion);
    if (region == QLatin1String("eyes")) {
        settings->region = PreprocessSettings::eyeBand();
        settings->inputSize = PreprocessSettings::defaultInputSize(settings->region);
    } else if (region == QLatin1String("face")) {
        settings->region = PreprocessSettings::fullFace();
        settings->inputSize = QSize(28, 28);
    } else if (region == QLatin1String("face+eyes")) {
        const AlignmentSettings alignment = settings->alignment;
        *settings = PreprocessSettings::faceAndEyeBand();
        settings->alignment = alignment;
        if (parser.isSet(inputSize)) {
            printError(CliMessages::tr("--input-size does not apply to --face-region face+eyes, "
                                       "whose views are 56x56 and 88x40: leave it out."));
            return false;
        }
        return true;
    } else {
        printError(CliMessages::tr("Invalid --face-region value '%1': use face, eyes or face+eyes.")
                       .arg(region));
        return false;
    }
    if (!parser.isSet(inputSize))
        return true;

    // "N" is N x N, "WxH" a width and a height.
    const QString text = parser.value(inputSize);
    const QStringList parts = text.split(QLatin1Char('x'), Qt::KeepEmptyParts, Qt::CaseInsensitive);
    bool widthOk = false;
    bool heightOk = true;
    const int width = parts.value(0).toInt(&widthOk);
    const int height = parts.size() == 2 ? parts.at(1).toInt(&heightOk) : width;
    const int largest = settings->alignment.outputSize.width();
    if (parts.size() > 2 || !widthOk || !heightOk || width < 8 || height < 8 || width > largest
        || height > largest) {
        printError(CliMessages::tr("Invalid --input-size value '%1': give a side such as 56 or a "
                                   "width and height such as 88x40, each from 8 to %2 pixels.")
                       .arg(text)
                       .arg(largest));
        return false;
    }
    settings->inputSize = QSize(width, height);
    return true;
}

} // namespace ProfileLens::Cli
