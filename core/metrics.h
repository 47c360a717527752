#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include <cstddef>
#include <limits>
#include <vector>

namespace ProfileLens {

/**
 * Counts of a binary classifier's decisions at one threshold.
 *
 * An item is predicted positive when its score is greater than or equal to the threshold.
 */
struct ConfusionMatrix
{
    qint64 truePositives = 0;
    qint64 falsePositives = 0;
    qint64 trueNegatives = 0;
    qint64 falseNegatives = 0;

    /// Number of items with label 1.
    qint64 actualPositives() const { return truePositives + falseNegatives; }
    /// Number of items with label 0.
    qint64 actualNegatives() const { return trueNegatives + falsePositives; }
    qint64 predictedPositives() const { return truePositives + falsePositives; }
    qint64 predictedNegatives() const { return trueNegatives + falseNegatives; }
    qint64 total() const { return actualPositives() + actualNegatives(); }

    bool operator==(const ConfusionMatrix &other) const;
    bool operator!=(const ConfusionMatrix &other) const { return !(*this == other); }
};

/// Display names of the two classes, in the order label 0, label 1.
struct ClassNames
{
    QString negative = QStringLiteral("0");
    QString positive = QStringLiteral("1");
};

/// Precision, recall, F1 score and support of one class, or an average of both classes.
struct ClassMetrics
{
    double precision = 0.0;
    double recall = 0.0;
    double f1Score = 0.0;
    /// Number of items whose true label is this class, or of all items for an average.
    qint64 support = 0;
};

/**
 * The values of scikit-learn's classification_report for a binary classifier.
 *
 * Matches `classification_report(y, y_pred, labels=[0, 1], zero_division=0)`: both classes
 * always have a row, even when one is absent from the labels and the predictions, and every
 * ratio with a zero denominator is 0. The macro average is the unweighted mean of the two
 * classes' values. The weighted average weights each class by its support.
 */
struct ClassificationReport
{
    ClassNames classNames;
    double threshold = 0.5;
    ConfusionMatrix confusion;
    /// Row of label 0: its precision is TN / (TN + FN) and its recall TN / (TN + FP).
    ClassMetrics negative;
    /// Row of label 1: its precision is TP / (TP + FP) and its recall TP / (TP + FN).
    ClassMetrics positive;
    /// (TP + TN) / total, or 0 for no items.
    double accuracy = 0.0;
    ClassMetrics macroAverage;
    ClassMetrics weightedAverage;
};

/// Computes the classification report from the counts at one threshold, in constant time.
ClassificationReport makeClassificationReport(const ConfusionMatrix &confusion,
                                              double threshold,
                                              const ClassNames &classNames = {});

/**
 * Formats a report as plain text with the layout of scikit-learn's classification_report.
 *
 * Columns are precision, recall, f1-score and support; rows are the two classes, then
 * accuracy, macro avg and weighted avg. The name column is right-aligned and as wide as the
 * longest row name; ratios have @p digits decimals, rounded half to even as Python does.
 * Headings are translatable; the columns widen when a translation is longer than 9 characters.
 */
QString formatClassificationReport(const ClassificationReport &report, int digits = 2);

/**
 * ROC curve points, ordered by decreasing threshold.
 *
 * Point i is the rates when every item scoring at least thresholds[i] is predicted positive.
 * The first point is (0, 0) with threshold +infinity. Each following point is one distinct
 * score, so tied scores form a single diagonal segment.
 *
 * NOTE: unlike scikit-learn's default drop_intermediate=True, no collinear point is dropped, so
 * a chart of a million distinct scores gets a million points and should thin them itself.
 */
struct RocCurve
{
    std::vector<double> falsePositiveRates;
    std::vector<double> truePositiveRates;
    std::vector<double> thresholds;
    /// Trapezoid area under the curve, equal to the Mann-Whitney U statistic / (P * N).
    double auc = 0.0;
    /// False when the labels lack a class. The rates of the missing class are then 0, so auc is 0.
    bool isDefined = false;
};

/**
 * Precision-recall curve points, ordered by decreasing threshold.
 *
 * The first point is recall 0, precision 1 at threshold +infinity, as in scikit-learn.
 * Each following point is one distinct score. Without positive labels every recall is 0
 * (0 / 0 taken as 0), and the average precision is 0.
 */
struct PrecisionRecallCurve
{
    std::vector<double> precisions;
    std::vector<double> recalls;
    std::vector<double> thresholds;
    /// Sum over the points of (R_i - R_(i-1)) * P_i, without interpolation, as defined by
    /// scikit-learn's average_precision_score.
    double averagePrecision = 0.0;
    /// False when there are no positive labels.
    bool isDefined = false;
};

/// A threshold chosen by one criterion, with the criterion's value and the counts there.
struct ThresholdChoice
{
    /// False when the criterion is undefined for the data, for example without positive labels.
    bool isValid = false;
    /// A score from the data, or +infinity when predicting no positive is best.
    double threshold = std::numeric_limits<double>::infinity();
    /// The criterion's value at the threshold: the F1 score, Youden's J or the recall (the
    /// F1 score for balancedThreshold()).
    double value = 0.0;
    ConfusionMatrix confusion;
};

/**
 * Scores and labels sorted once, for metrics at any threshold.
 *
 * Construction sorts the scores in O(n log n) and stores the distinct scores in decreasing
 * order with cumulative counts of items and of positives. After that, confusionMatrix() and
 * report() take O(log n) through a binary search, fast enough for a threshold slider over
 * millions of items. The curves and threshold finders take O(n).
 *
 * Scores are probabilities of the positive class, but any finite real numbers work. Labels are
 * 0 (negative) or 1 (positive). Invalid input leaves the evaluator empty, with errorString()
 * naming the first offending item. Immutable after construction, so safe to share between
 * threads.
 */
class ThresholdEvaluator
{
public:
    /// Creates an evaluator with no items.
    ThresholdEvaluator() = default;
    ThresholdEvaluator(const std::vector<double> &scores, const std::vector<int> &labels);
    ThresholdEvaluator(const std::vector<float> &scores, const std::vector<int> &labels);
    ThresholdEvaluator(const QList<double> &scores, const QList<int> &labels);
    ThresholdEvaluator(const QList<float> &scores, const QList<int> &labels);

    /// Returns false when the input was rejected, which leaves the evaluator with no items.
    bool isValid() const { return m_errorString.isEmpty(); }
    /// Names the offending index and value when the input was rejected, otherwise empty.
    QString errorString() const { return m_errorString; }

    qint64 size() const { return m_itemCount; }
    qint64 positiveCount() const { return m_positiveCount; }
    qint64 negativeCount() const { return m_itemCount - m_positiveCount; }
    /// Returns true when both labels occur, the condition for a defined ROC curve.
    bool hasBothClasses() const { return m_positiveCount > 0 && m_positiveCount < m_itemCount; }
    /// Distinct scores in decreasing order.
    const std::vector<double> &distinctScores() const { return m_distinctScores; }

    /// Counts the decisions when items scoring at least @p threshold are positive. O(log n).
    ConfusionMatrix confusionMatrix(double threshold) const;
    /// Computes the classification report at @p threshold. O(log n).
    ClassificationReport report(double threshold, const ClassNames &classNames = {}) const;

    RocCurve rocCurve() const;
    /// Computes the area under the ROC curve without building the curve, or 0 when undefined.
    double rocAuc() const;
    PrecisionRecallCurve precisionRecallCurve() const;
    /// Computes the average precision without building the curve, or 0 without positives.
    double averagePrecision() const;

    /**
     * Finds the threshold with the highest F1 score of the positive class.
     *
     * Candidates are the distinct scores and +infinity. Among equal F1 scores the highest
     * threshold wins, so the fewest items are flagged. Invalid without positive labels.
     */
    ThresholdChoice bestF1Threshold() const;

    /**
     * Finds the threshold with the highest Youden's J statistic, TPR - FPR.
     *
     * Candidates and tie-breaking are as for bestF1Threshold(). J is compared exactly in
     * integers. When no threshold beats chance, for example with inverted scores, the result is
     * +infinity with J = 0. Invalid unless both classes occur.
     */
    ThresholdChoice bestYoudenThreshold() const;

    /**
     * Finds the highest threshold whose recall is at least @p targetRecall.
     *
     * Recall only grows as the threshold falls, so this is the least permissive threshold that
     * meets the target: it flags the fewest items and so keeps precision as high as the target
     * allows. A target of 0 gives +infinity. Invalid without positive labels or when the target
     * is outside [0, 1].
     */
    ThresholdChoice thresholdForRecall(double targetRecall) const;

    /**
     * Finds the threshold that flags as many items as there are positive labels.
     *
     * There precision equals recall (the break-even point), so neither kind of error is
     * favoured. The choice depends on one rank, not on the peak of a noisy curve, so it moves
     * less from one small validation set to another than bestF1Threshold(). With tied scores
     * the count closest to the number of positives wins, and of two equally close counts the
     * smaller. Invalid without positive labels.
     */
    ThresholdChoice balancedThreshold() const;

private:
    template<typename Score>
    void build(const Score *scores, std::size_t scoreCount, const int *labels,
               std::size_t labelCount);
    ThresholdChoice makeChoice(std::size_t distinctCount, double value) const;
    /// Threshold that flags exactly the items of the @p distinctCount highest distinct scores.
    double thresholdAt(std::size_t distinctCount) const;
    ConfusionMatrix confusionAt(std::size_t distinctCount) const;

    QString m_errorString;
    qint64 m_itemCount = 0;
    qint64 m_positiveCount = 0;
    /// Distinct scores, decreasing.
    std::vector<double> m_distinctScores;
    /// Element k counts the items among the k highest distinct scores, so element 0 is 0.
    std::vector<qint64> m_cumulativeItems{0};
    /// Element k counts the positive items among the k highest distinct scores.
    std::vector<qint64> m_cumulativePositives{0};
};

} // namespace ProfileLens
