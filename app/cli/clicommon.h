#pragma once

#include "preprocessor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdio>

namespace ProfileLens::Cli {

/// Exit statuses shared by every command.
enum ExitStatus {
    ExitSuccess = 0,
    ExitFailure = 1,   // the command ran but produced nothing usable
    ExitUsage = 2,     // invalid arguments
};

/// Writes a line to standard output / standard error, UTF-8 encoded.
void printOut(const QString &text);
void printError(const QString &text);

/// The "ProfileLens::Cli" translation context of command-line text, declared so that
/// lupdate can read it.
struct CliMessages
{
    Q_DECLARE_TR_FUNCTIONS(ProfileLens::Cli)
};

/**
 * A one-line progress bar on standard error, drawn only when it is a terminal and the
 * command is not quiet; elsewhere it prints nothing, so logs stay clean.
 */
class ProgressBar
{
public:
    ProgressBar(const QString &label, bool quiet);
    ~ProgressBar();

    void update(qint64 done, qint64 total, const QString &detail = {});
    void finish();

private:
    QString m_label;
    bool m_enabled = false;
    bool m_drawn = false;
    qint64 m_lastDrawMs = -1;
};

/// Parses \a arguments (the command name first) and handles --help; returns false and
/// prints the reason when they are invalid.
bool parseCommandLine(QCommandLineParser &parser, const QStringList &arguments);

/// Returns \a value quoted for CSV when it contains a comma, a quote or a line break.
QString csvField(const QString &value);

/// The option every command has.
QCommandLineOption quietOption();

/// --input-size and --face-region, shared by the commands that preprocess pictures.
struct InputOptions
{
    QCommandLineOption inputSize;
    QCommandLineOption faceRegion;

    InputOptions();
    /// Sets the region and input size of \a settings from the parsed options; prints the
    /// reason and returns false when either is invalid.
    bool read(const QCommandLineParser &parser, PreprocessSettings *settings) const;
};

/// Each command: its name, one-line summary and entry point (arguments start with the name).
struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

int runAlign(const QStringList &arguments);
int runPrepare(const QStringList &arguments);
int runTrain(const QStringList &arguments);
int runCombine(const QStringList &arguments);
int runEvaluate(const QStringList &arguments);
int runPredict(const QStringList &arguments);

} // namespace ProfileLens::Cli
