// Times ThresholdEvaluator against a naive O(n) recount over the same scores.
//
// Usage: bench_metrics [item count, default 1000000]
// Prints the one-off sort, the per-threshold confusion matrix + report, the same recount done
// naively, and the O(n) curves, with ratios. Results are recorded in README.md here.

#include "metrics.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace ProfileLens;

namespace {

/// Thresholds timed on the fast path, where each call is a binary search.
constexpr int kFastThresholdCount = 10000;
/// Thresholds timed on the naive path, where each call reads every item.
constexpr int kNaiveThresholdCount = 200;
/// Runs of each one-off step. The minimum is reported because other processes disturb it least.
constexpr int kRepeats = 5;
/// Seed of the scores, labels and thresholds, so runs are comparable.
constexpr quint32 kSeed = 20240601;

/// Counts with one pass over the items. The loop has no data-dependent branch, so random labels
/// cause no branch mispredictions and the baseline is not slowed artificially.
ConfusionMatrix countNaively(const std::vector<double> &scores, const std::vector<int> &labels,
                             double threshold)
{
    qint64 predictedPositives = 0;
    qint64 truePositives = 0;
    qint64 actualPositives = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const int predictedPositive = scores[i] >= threshold ? 1 : 0;
        predictedPositives += predictedPositive;
        truePositives += predictedPositive & labels[i];
        actualPositives += labels[i];
    }
    ConfusionMatrix confusion;
    confusion.truePositives = truePositives;
    confusion.falsePositives = predictedPositives - truePositives;
    confusion.falseNegatives = actualPositives - truePositives;
    confusion.trueNegatives = qint64(scores.size()) - predictedPositives - confusion.falseNegatives;
    return confusion;
}

/// Runs @p work @p repeats times and returns the minimum time in milliseconds.
template<typename Work>
double minimumMilliseconds(int repeats, Work work)
{
    QElapsedTimer timer;
    qint64 best = -1;
    for (int repeat = 0; repeat < repeats; ++repeat) {
        timer.start();
        work();
        const qint64 elapsed = timer.nsecsElapsed();
        best = best < 0 ? elapsed : std::min(best, elapsed);
    }
    return double(best) / 1e6;
}

double microseconds(qint64 nanoseconds)
{
    return double(nanoseconds) / 1000.0;
}

} // namespace

int main(int argc, char **argv)
{
    const long itemCount = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 1000000;
    if (itemCount <= 0) {
        std::fprintf(stderr, "Invalid item count '%s'. Pass a positive integer.\n", argv[1]);
        return 1;
    }

    // Scores are rounded to 1e-6 so that some items tie, as scores from a model often do. The
    // positive rate rises with the score.
    QRandomGenerator random(kSeed);
    std::vector<double> scores(std::size_t(itemCount), 0.0);
    std::vector<int> labels(std::size_t(itemCount), 0);
    for (std::size_t i = 0; i < scores.size(); ++i) {
        scores[i] = std::round(random.generateDouble() * 1e6) / 1e6;
        labels[i] = random.generateDouble() < 0.1 + 0.8 * scores[i] ? 1 : 0;
    }
    std::vector<double> thresholds(kFastThresholdCount);
    for (double &threshold : thresholds)
        threshold = random.generateDouble();

    // One-off sort.
    ThresholdEvaluator evaluator;
    const double sortMilliseconds = minimumMilliseconds(
        kRepeats, [&] { evaluator = ThresholdEvaluator(scores, labels); });
    if (!evaluator.isValid()) {
        std::fprintf(stderr, "%s\n", qPrintable(evaluator.errorString()));
        return 1;
    }

    // Fast path: the binary search plus the report, as the threshold slider calls it.
    QElapsedTimer timer;
    qint64 checksum = 0;
    double reportChecksum = 0.0;
    timer.start();
    for (double threshold : thresholds) {
        const ClassificationReport report = evaluator.report(threshold);
        checksum += report.confusion.truePositives;
        reportChecksum += report.weightedAverage.f1Score;
    }
    const double fastMicroseconds = microseconds(timer.nsecsElapsed()) / kFastThresholdCount;

    // Naive path: a full pass over the items per threshold, plus the same report.
    qint64 naiveChecksum = 0;
    qint64 fastSubsetChecksum = 0;
    timer.start();
    for (int i = 0; i < kNaiveThresholdCount; ++i) {
        const ConfusionMatrix confusion = countNaively(scores, labels, thresholds[std::size_t(i)]);
        const ClassificationReport report =
            makeClassificationReport(confusion, thresholds[std::size_t(i)]);
        naiveChecksum += report.confusion.truePositives;
    }
    const double naiveMicroseconds = microseconds(timer.nsecsElapsed()) / kNaiveThresholdCount;
    for (int i = 0; i < kNaiveThresholdCount; ++i)
        fastSubsetChecksum += evaluator.confusionMatrix(thresholds[std::size_t(i)]).truePositives;

    // O(n) work done once per evaluation: curves, areas and threshold finders.
    RocCurve roc;
    const double rocMilliseconds = minimumMilliseconds(kRepeats, [&] { roc = evaluator.rocCurve(); });
    PrecisionRecallCurve pr;
    const double prMilliseconds =
        minimumMilliseconds(kRepeats, [&] { pr = evaluator.precisionRecallCurve(); });
    ThresholdChoice bestF1;
    ThresholdChoice bestYouden;
    ThresholdChoice forRecall;
    const double findersMilliseconds = minimumMilliseconds(kRepeats, [&] {
        bestF1 = evaluator.bestF1Threshold();
        bestYouden = evaluator.bestYoudenThreshold();
        forRecall = evaluator.thresholdForRecall(0.9);
    });

    std::printf("items: %ld (%zu distinct scores, %lld positives)\n", itemCount,
                evaluator.distinctScores().size(), static_cast<long long>(evaluator.positiveCount()));
    std::printf("one-off sort (construction, min of %d): %.2f ms\n", kRepeats, sortMilliseconds);
    std::printf("fast recompute, mean of %d thresholds: %.3f us\n", kFastThresholdCount,
                fastMicroseconds);
    std::printf("naive recompute, mean of %d thresholds: %.1f us\n", kNaiveThresholdCount,
                naiveMicroseconds);
    std::printf("naive / fast: %.0fx\n", naiveMicroseconds / fastMicroseconds);
    std::printf("sort / naive recompute: %.1f (naive recomputes that cost one sort)\n",
                sortMilliseconds * 1000.0 / naiveMicroseconds);
    std::printf("ROC curve + AUC (min of %d): %.2f ms (AUC %.6f), PR curve + AP: %.2f ms (AP %.6f)\n",
                kRepeats, rocMilliseconds, roc.auc, prMilliseconds, pr.averagePrecision);
    std::printf("three threshold finders (min of %d): %.2f ms (F1 %.6f at %.6f, J %.6f at %.6f, "
                "recall >= 0.9 at %.6f)\n",
                kRepeats, findersMilliseconds, bestF1.value, bestF1.threshold, bestYouden.value,
                bestYouden.threshold, forRecall.threshold);

    // The two paths must agree, or the timings compare different work.
    if (naiveChecksum != fastSubsetChecksum) {
        std::fprintf(stderr, "Fast and naive counts differ: %lld vs %lld\n",
                     static_cast<long long>(fastSubsetChecksum),
                     static_cast<long long>(naiveChecksum));
        return 1;
    }
    std::printf("checksums: %lld %.3f\n", static_cast<long long>(checksum), reportChecksum);
    return 0;
}
