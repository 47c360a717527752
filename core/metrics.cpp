#include "metrics.h"

#include <QCoreApplication>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>

namespace ProfileLens {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// Width of each number column in scikit-learn's classification_report.
constexpr int kReportColumnWidth = 9;

/// Divides two counts, giving 0 for a zero denominator (scikit-learn's zero_division=0).
double ratio(qint64 numerator, qint64 denominator)
{
    if (denominator == 0)
        return 0.0;
    return double(numerator) / double(denominator);
}

/// Computes one class's row, where tp, fp and fn are counted with that class as positive.
ClassMetrics classMetrics(qint64 truePositives, qint64 falsePositives, qint64 falseNegatives)
{
    ClassMetrics metrics;
    metrics.precision = ratio(truePositives, truePositives + falsePositives);
    metrics.recall = ratio(truePositives, truePositives + falseNegatives);
    // F1 from the counts, which equals 2PR / (P + R) whenever both are defined.
    metrics.f1Score = ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    metrics.support = truePositives + falseNegatives;
    return metrics;
}

/// Formats a ratio with a fixed number of decimals, independent of the C locale.
QString formatFixed(double value, int digits)
{
    // std::to_chars rounds the exact binary value, half to even like Python's format().
    char buffer[400];
    const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value,
                                      std::chars_format::fixed, digits);
    if (result.ec != std::errc())
        return QString::number(value, 'f', digits);
    return QString::fromLatin1(buffer, int(result.ptr - buffer));
}

// The "ProfileLens::ClassificationReport" translation context, declared so that lupdate can read it.
struct ReportMessages
{
    Q_DECLARE_TR_FUNCTIONS(ProfileLens::ClassificationReport)
};

// The "ProfileLens::ThresholdEvaluator" translation context, declared so that lupdate can read it.
struct EvaluatorMessages
{
    Q_DECLARE_TR_FUNCTIONS(ProfileLens::ThresholdEvaluator)
};

} // namespace

bool ConfusionMatrix::operator==(const ConfusionMatrix &other) const
{
    return truePositives == other.truePositives && falsePositives == other.falsePositives
        && trueNegatives == other.trueNegatives && falseNegatives == other.falseNegatives;
}

ClassificationReport makeClassificationReport(const ConfusionMatrix &confusion,
                                              double threshold,
                                              const ClassNames &classNames)
{
    ClassificationReport report;
    report.classNames = classNames;
    report.threshold = threshold;
    report.confusion = confusion;

    report.positive = classMetrics(confusion.truePositives, confusion.falsePositives,
                                   confusion.falseNegatives);
    // For the negative class the roles swap: a false negative predicted it wrongly.
    report.negative = classMetrics(confusion.trueNegatives, confusion.falseNegatives,
                                   confusion.falsePositives);

    const qint64 total = confusion.total();
    report.accuracy = ratio(confusion.truePositives + confusion.trueNegatives, total);

    const ClassMetrics &negative = report.negative;
    const ClassMetrics &positive = report.positive;
    report.macroAverage.precision = (negative.precision + positive.precision) / 2.0;
    report.macroAverage.recall = (negative.recall + positive.recall) / 2.0;
    report.macroAverage.f1Score = (negative.f1Score + positive.f1Score) / 2.0;
    report.macroAverage.support = total;

    if (total > 0) {
        const double negativeWeight = double(negative.support) / double(total);
        const double positiveWeight = double(positive.support) / double(total);
        report.weightedAverage.precision =
            negative.precision * negativeWeight + positive.precision * positiveWeight;
        report.weightedAverage.recall =
            negative.recall * negativeWeight + positive.recall * positiveWeight;
        report.weightedAverage.f1Score =
            negative.f1Score * negativeWeight + positive.f1Score * positiveWeight;
    }
    report.weightedAverage.support = total;
    return report;
}

QString formatClassificationReport(const ClassificationReport &report, int digits)
{
    digits = std::max(0, digits);
    const QString headings[] = {ReportMessages::tr("precision"), ReportMessages::tr("recall"), ReportMessages::tr("f1-score"),
                                ReportMessages::tr("support")};
    const QString accuracyName = ReportMessages::tr("accuracy");
    const QString macroName = ReportMessages::tr("macro avg");
    const QString weightedName = ReportMessages::tr("weighted avg");

    int columnWidth = kReportColumnWidth;
    for (const QString &heading : headings)
        columnWidth = std::max(columnWidth, int(heading.size()));
    int nameWidth = digits;
    for (const QString &name : {report.classNames.negative, report.classNames.positive,
                                accuracyName, macroName, weightedName}) {
        nameWidth = std::max(nameWidth, int(name.size()));
    }

    // Every row is the right-aligned name, a space, then " " and a right-aligned field per column.
    const auto field = [columnWidth](const QString &text) {
        return QLatin1Char(' ') + text.rightJustified(columnWidth);
    };
    const auto row = [&](const QString &name, const QString &precision, const QString &recall,
                         const QString &f1Score, qint64 support) {
        return name.rightJustified(nameWidth) + QLatin1Char(' ') + field(precision)
            + field(recall) + field(f1Score) + field(QString::number(support))
            + QLatin1Char('\n');
    };
    const auto metricsRow = [&](const QString &name, const ClassMetrics &metrics) {
        return row(name, formatFixed(metrics.precision, digits), formatFixed(metrics.recall, digits),
                   formatFixed(metrics.f1Score, digits), metrics.support);
    };

    QString text = QString(nameWidth, QLatin1Char(' ')) + QLatin1Char(' ');
    for (const QString &heading : headings)
        text += field(heading);
    text += QLatin1String("\n\n");

    text += metricsRow(report.classNames.negative, report.negative);
    text += metricsRow(report.classNames.positive, report.positive);
    text += QLatin1Char('\n');

    // The accuracy row fills only the f1-score and support columns, as in scikit-learn.
    text += row(accuracyName, QString(), QString(), formatFixed(report.accuracy, digits),
                report.confusion.total());
    text += metricsRow(macroName, report.macroAverage);
    text += metricsRow(weightedName, report.weightedAverage);
    return text;
}

ThresholdEvaluator::ThresholdEvaluator(const std::vector<double> &scores,
                                       const std::vector<int> &labels)
{
    build(scores.data(), scores.size(), labels.data(), labels.size());
}

ThresholdEvaluator::ThresholdEvaluator(const std::vector<float> &scores,
                                       const std::vector<int> &labels)
{
    build(scores.data(), scores.size(), labels.data(), labels.size());
}

ThresholdEvaluator::ThresholdEvaluator(const QList<double> &scores, const QList<int> &labels)
{
    build(scores.constData(), std::size_t(scores.size()), labels.constData(),
          std::size_t(labels.size()));
}

ThresholdEvaluator::ThresholdEvaluator(const QList<float> &scores, const QList<int> &labels)
{
    build(scores.constData(), std::size_t(scores.size()), labels.constData(),
          std::size_t(labels.size()));
}

template<typename Score>
void ThresholdEvaluator::build(const Score *scores, std::size_t scoreCount, const int *labels,
                               std::size_t labelCount)
{
    if (scoreCount != labelCount) {
        m_errorString = EvaluatorMessages::tr("Got %1 scores but %2 labels. Pass exactly one label per score.")
                            .arg(qint64(scoreCount))
                            .arg(qint64(labelCount));
        return;
    }

    // Split by label and validate.
    std::vector<double> positiveScores;
    std::vector<double> negativeScores;
    for (std::size_t i = 0; i < scoreCount; ++i) {
        const double score = double(scores[i]);
        if (!std::isfinite(score)) {
            m_errorString = EvaluatorMessages::tr("Invalid score %2 at index %1. Every score must be a "
                                                           "finite number, such as a probability from 0 to 1.")
                                .arg(qint64(i))
                                .arg(score);
            return;
        }
        if (labels[i] == 1) {
            positiveScores.push_back(score);
        } else if (labels[i] == 0) {
            negativeScores.push_back(score);
        } else {
            m_errorString = EvaluatorMessages::tr("Invalid label %2 at index %1. Labels must be 0 (negative) "
                                                           "or 1 (positive).")
                                .arg(qint64(i))
                                .arg(labels[i]);
            return;
        }
    }

    // Sort each class by decreasing score. Sorting plain doubles moves half the bytes that
    // sorting (score, label) pairs would.
    std::sort(positiveScores.begin(), positiveScores.end(), std::greater<double>());
    std::sort(negativeScores.begin(), negativeScores.end(), std::greater<double>());

    // Merge, collapsing tied scores into one entry with cumulative counts.
    m_itemCount = qint64(scoreCount);
    m_positiveCount = qint64(positiveScores.size());
    m_cumulativeItems.assign(1, 0);
    m_cumulativePositives.assign(1, 0);
    std::size_t nextPositive = 0;
    std::size_t nextNegative = 0;
    qint64 items = 0;
    qint64 positives = 0;
    while (nextPositive < positiveScores.size() || nextNegative < negativeScores.size()) {
        double score = -kInfinity;
        if (nextPositive < positiveScores.size())
            score = positiveScores[nextPositive];
        if (nextNegative < negativeScores.size())
            score = std::max(score, negativeScores[nextNegative]);

        while (nextPositive < positiveScores.size() && positiveScores[nextPositive] == score) {
            ++nextPositive;
            ++positives;
            ++items;
        }
        while (nextNegative < negativeScores.size() && negativeScores[nextNegative] == score) {
            ++nextNegative;
            ++items;
        }
        m_distinctScores.push_back(score);
        m_cumulativeItems.push_back(items);
        m_cumulativePositives.push_back(positives);
    }
}

double ThresholdEvaluator::thresholdAt(std::size_t distinctCount) const
{
    return distinctCount == 0 ? kInfinity : m_distinctScores[distinctCount - 1];
}

ConfusionMatrix ThresholdEvaluator::confusionMatrix(double threshold) const
{
    // Number of distinct scores >= threshold. A NaN threshold fails every comparison, so it
    // predicts nothing positive, consistent with the comparison rule.
    const auto end = std::partition_point(m_distinctScores.begin(), m_distinctScores.end(),
                                          [threshold](double score) { return score >= threshold; });
    return confusionAt(std::size_t(end - m_distinctScores.begin()));
}

ConfusionMatrix ThresholdEvaluator::confusionAt(std::size_t distinctCount) const
{
    ConfusionMatrix confusion;
    confusion.truePositives = m_cumulativePositives[distinctCount];
    confusion.falsePositives = m_cumulativeItems[distinctCount] - confusion.truePositives;
    confusion.falseNegatives = m_positiveCount - confusion.truePositives;
    confusion.trueNegatives = negativeCount() - confusion.falsePositives;
    return confusion;
}

ClassificationReport ThresholdEvaluator::report(double threshold,
                                                const ClassNames &classNames) const
{
    return makeClassificationReport(confusionMatrix(threshold), threshold, classNames);
}

RocCurve ThresholdEvaluator::rocCurve() const
{
    RocCurve curve;
    const std::size_t pointCount = m_cumulativeItems.size();
    curve.falsePositiveRates.reserve(pointCount);
    curve.truePositiveRates.reserve(pointCount);
    curve.thresholds.reserve(pointCount);
    for (std::size_t k = 0; k < pointCount; ++k) {
        const qint64 truePositives = m_cumulativePositives[k];
        const qint64 falsePositives = m_cumulativeItems[k] - truePositives;
        curve.falsePositiveRates.push_back(ratio(falsePositives, negativeCount()));
        curve.truePositiveRates.push_back(ratio(truePositives, m_positiveCount));
        curve.thresholds.push_back(thresholdAt(k));
    }
    curve.isDefined = hasBothClasses();
    curve.auc = rocAuc();
    return curve;
}

double ThresholdEvaluator::rocAuc() const
{
    if (!hasBothClasses())
        return 0.0;

    // Twice the trapezoid area, scaled by P * N, is a sum of integers: each segment adds
    // (FP_k - FP_(k-1)) * (TP_k + TP_(k-1)). The sum is at most n^2 / 2, within qint64 for any
    // input that fits in memory, and the one division rounds the exact area once.
    qint64 twiceScaledArea = 0;
    for (std::size_t k = 1; k < m_cumulativeItems.size(); ++k) {
        const qint64 falsePositives = m_cumulativeItems[k] - m_cumulativePositives[k];
        const qint64 previousFalsePositives =
            m_cumulativeItems[k - 1] - m_cumulativePositives[k - 1];
        twiceScaledArea += (falsePositives - previousFalsePositives)
            * (m_cumulativePositives[k] + m_cumulativePositives[k - 1]);
    }
    return double(twiceScaledArea) / (2.0 * double(m_positiveCount) * double(negativeCount()));
}

PrecisionRecallCurve ThresholdEvaluator::precisionRecallCurve() const
{
    PrecisionRecallCurve curve;
    const std::size_t pointCount = m_cumulativeItems.size();
    curve.precisions.reserve(pointCount);
    curve.recalls.reserve(pointCount);
    curve.thresholds.reserve(pointCount);
    for (std::size_t k = 0; k < pointCount; ++k) {
        // Nothing is predicted positive at +infinity, and scikit-learn anchors that point at 1.
        const double precision =
            k == 0 ? 1.0 : ratio(m_cumulativePositives[k], m_cumulativeItems[k]);
        curve.precisions.push_back(precision);
        curve.recalls.push_back(ratio(m_cumulativePositives[k], m_positiveCount));
        curve.thresholds.push_back(thresholdAt(k));
    }
    curve.isDefined = m_positiveCount > 0;
    curve.averagePrecision = averagePrecision();
    return curve;
}

double ThresholdEvaluator::averagePrecision() const
{
    if (m_positiveCount == 0)
        return 0.0;

    // Recall rises only at scores with positives, so the sum runs over those points.
    double sum = 0.0;
    for (std::size_t k = 1; k < m_cumulativeItems.size(); ++k) {
        const qint64 newPositives = m_cumulativePositives[k] - m_cumulativePositives[k - 1];
        if (newPositives == 0)
            continue;
        const double precision = ratio(m_cumulativePositives[k], m_cumulativeItems[k]);
        sum += double(newPositives) * precision;
    }
    return sum / double(m_positiveCount);
}

ThresholdChoice ThresholdEvaluator::makeChoice(std::size_t distinctCount, double value) const
{
    ThresholdChoice choice;
    choice.isValid = true;
    choice.threshold = thresholdAt(distinctCount);
    choice.value = value;
    choice.confusion = confusionAt(distinctCount);
    return choice;
}

ThresholdChoice ThresholdEvaluator::bestF1Threshold() const
{
    if (m_positiveCount == 0)
        return {};

    // Equal fractions round to the same double, so ties are detected exactly. The strict
    // comparison keeps the first tied point, which has the highest threshold.
    std::size_t bestCount = 0;
    double bestF1 = 0.0;
    for (std::size_t k = 1; k < m_cumulativeItems.size(); ++k) {
        const qint64 truePositives = m_cumulativePositives[k];
        const qint64 falsePositives = m_cumulativeItems[k] - truePositives;
        const qint64 falseNegatives = m_positiveCount - truePositives;
        const double f1 =
            ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
        if (f1 > bestF1) {
            bestF1 = f1;
            bestCount = k;
        }
    }
    return makeChoice(bestCount, bestF1);
}

ThresholdChoice ThresholdEvaluator::bestYoudenThreshold() const
{
    if (!hasBothClasses())
        return {};

    // J = TP/P - FP/N has the sign and order of TP*N - FP*P, which is exact in integers.
    const qint64 negatives = negativeCount();
    std::size_t bestCount = 0;
    qint64 bestScaledJ = 0;
    for (std::size_t k = 1; k < m_cumulativeItems.size(); ++k) {
        const qint64 truePositives = m_cumulativePositives[k];
        const qint64 falsePositives = m_cumulativeItems[k] - truePositives;
        const qint64 scaledJ = truePositives * negatives - falsePositives * m_positiveCount;
        if (scaledJ > bestScaledJ) {
            bestScaledJ = scaledJ;
            bestCount = k;
        }
    }
    const qint64 truePositives = m_cumulativePositives[bestCount];
    const qint64 falsePositives = m_cumulativeItems[bestCount] - truePositives;
    return makeChoice(bestCount,
                      ratio(truePositives, m_positiveCount) - ratio(falsePositives, negatives));
}

ThresholdChoice ThresholdEvaluator::thresholdForRecall(double targetRecall) const
{
    if (m_positiveCount == 0 || !(targetRecall >= 0.0 && targetRecall <= 1.0))
        return {};

    // Recall TP_k / P never falls as k grows, so the first k meeting the target is the
    // highest threshold. Dividing, rather than multiplying the target by P, makes a target
    // such as 0.7 match 7 of 10 positives exactly, because both round the same real number.
    const double positives = double(m_positiveCount);
    const auto first = std::partition_point(
        m_cumulativePositives.begin(), m_cumulativePositives.end(),
        [positives, targetRecall](qint64 truePositives) {
            return double(truePositives) / positives < targetRecall;
        });
    const std::size_t distinctCount = std::size_t(first - m_cumulativePositives.begin());
    return makeChoice(distinctCount, ratio(m_cumulativePositives[distinctCount], m_positiveCount));
}

ThresholdChoice ThresholdEvaluator::balancedThreshold() const
{
    if (m_positiveCount == 0)
        return {};

    // Flagged items only grow as k grows, so the closest count lies next to the first k that
    // flags at least as many items as there are positives.
    const auto first = std::lower_bound(m_cumulativeItems.begin(), m_cumulativeItems.end(),
                                        m_positiveCount);
    std::size_t bestCount = std::size_t(first - m_cumulativeItems.begin());
    if (bestCount == m_cumulativeItems.size()
        || (bestCount > 0
            && m_positiveCount - m_cumulativeItems[bestCount - 1]
                <= m_cumulativeItems[bestCount] - m_positiveCount)) {
        --bestCount;
    }
    const qint64 truePositives = m_cumulativePositives[bestCount];
    const qint64 falsePositives = m_cumulativeItems[bestCount] - truePositives;
    const qint64 falseNegatives = m_positiveCount - truePositives;
    return makeChoice(bestCount, ratio(2 * truePositives,
                                       2 * truePositives + falsePositives + falseNegatives));
}

} // namespace ProfileLens
