#include "metrics.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>
#include <set>

using namespace ProfileLens;

Q_DECLARE_METATYPE(ProfileLens::ConfusionMatrix)

namespace ProfileLens {
// Lets QCOMPARE print the four counts of a failing confusion matrix.
char *toString(const ConfusionMatrix &confusion)
{
    return QTest::toString(QStringLiteral("TP=%1 FP=%2 TN=%3 FN=%4")
                               .arg(confusion.truePositives)
                               .arg(confusion.falsePositives)
                               .arg(confusion.trueNegatives)
                               .arg(confusion.falseNegatives));
}
} // namespace ProfileLens

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// Tolerance for values that the hand computations give as exact fractions.
constexpr double kTolerance = 1e-12;

bool near(double actual, double expected)
{
    if (std::isinf(expected))
        return actual == expected;
    return std::abs(actual - expected) <= kTolerance;
}

QByteArray describeMismatch(const char *expression, double actual, double expected)
{
    return QByteArray(expression) + ": got " + QByteArray::number(actual, 'g', 17) + ", expected "
        + QByteArray::number(expected, 'g', 17);
}

#define COMPARE_NEAR(actual, expected)                                                        \
    QVERIFY2(near((actual), (expected)), describeMismatch(#actual, (actual), (expected)).constData())

/// Counts the confusion matrix by visiting every item, independent of ThresholdEvaluator.
ConfusionMatrix countNaively(const QList<double> &scores, const QList<int> &labels,
                             double threshold)
{
    ConfusionMatrix confusion;
    for (qsizetype i = 0; i < scores.size(); ++i) {
        const bool predictedPositive = scores[i] >= threshold;
        if (labels[i] == 1) {
            if (predictedPositive)
                ++confusion.truePositives;
            else
                ++confusion.falseNegatives;
        } else {
            if (predictedPositive)
                ++confusion.falsePositives;
            else
                ++confusion.trueNegatives;
        }
    }
    return confusion;
}

/// AUC as the Mann-Whitney statistic: the share of (positive, negative) pairs ordered
/// correctly, a tie counting 1/2. O(P * N).
double mannWhitneyAuc(const QList<double> &scores, const QList<int> &labels)
{
    QList<double> positives;
    QList<double> negatives;
    for (qsizetype i = 0; i < scores.size(); ++i)
        (labels[i] == 1 ? positives : negatives).append(scores[i]);
    double wins = 0.0;
    for (double positive : positives) {
        for (double negative : negatives) {
            if (positive > negative)
                wins += 1.0;
            else if (positive == negative)
                wins += 0.5;
        }
    }
    return wins / (double(positives.size()) * double(negatives.size()));
}

/// Average precision by its definition, with one naive count per distinct score.
double naiveAveragePrecision(const QList<double> &scores, const QList<int> &labels)
{
    const std::set<double, std::greater<double>> thresholds(scores.begin(), scores.end());
    const qint64 positives = labels.count(1);
    double sum = 0.0;
    double previousRecall = 0.0;
    for (double threshold : thresholds) {
        const ConfusionMatrix confusion = countNaively(scores, labels, threshold);
        const double recall = double(confusion.truePositives) / double(positives);
        const double precision =
            double(confusion.truePositives) / double(confusion.predictedPositives());
        sum += (recall - previousRecall) * precision;
        previousRecall = recall;
    }
    return sum;
}

/// Returns true when no value of the report is NaN or infinite.
bool reportIsFinite(const ClassificationReport &report)
{
    for (const ClassMetrics &metrics : {report.negative, report.positive, report.macroAverage,
                                        report.weightedAverage}) {
        if (!std::isfinite(metrics.precision) || !std::isfinite(metrics.recall)
            || !std::isfinite(metrics.f1Score))
            return false;
    }
    return std::isfinite(report.accuracy);
}

ConfusionMatrix makeConfusion(qint64 truePositives, qint64 falsePositives, qint64 trueNegatives,
                              qint64 falseNegatives)
{
    ConfusionMatrix confusion;
    confusion.truePositives = truePositives;
    confusion.falsePositives = falsePositives;
    confusion.trueNegatives = trueNegatives;
    confusion.falseNegatives = falseNegatives;
    return confusion;
}

/// Scores rounded to @p step, so many items tie, with labels that follow the scores loosely.
void makeRandomSet(quint32 seed, int count, double step, QList<double> *scores,
                   QList<int> *labels)
{
    QRandomGenerator random(seed);
    scores->clear();
    labels->clear();
    for (int i = 0; i < count; ++i) {
        double score = random.generateDouble();
        if (step > 0.0)
            score = std::round(score / step) * step;
        scores->append(score);
        // The positive rate rises with the score, so the AUC is well above 0.5 but below 1.
        labels->append(random.generateDouble() < 0.2 + 0.6 * score ? 1 : 0);
    }
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void confusionMatrix_data();
    void confusionMatrix();
    void curves_data();
    void curves();
    void rocPointsSklearnExample();
    void rocPointsAllTied();
    void report_data();
    void report();
    void formatReport_data();
    void formatReport();
    void thresholdFinders_data();
    void thresholdFinders();
    void invalidInput_data();
    void invalidInput();
    void floatScoresMatchDouble();
    void fastMatchesNaive_data();
    void fastMatchesNaive();
};

void TestMetrics::confusionMatrix_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<ConfusionMatrix>("expected");

    // Items: (0.1, 0), (0.4, 0), (0.35, 1), (0.8, 1).
    QTest::newRow("score equal to threshold is positive") << 0.35 << makeConfusion(2, 1, 1, 0);
    QTest::newRow("between two scores") << 0.36 << makeConfusion(1, 1, 1, 1);
    QTest::newRow("at lowest score") << 0.1 << makeConfusion(2, 2, 0, 0);
    QTest::newRow("below every score") << 0.0 << makeConfusion(2, 2, 0, 0);
    QTest::newRow("above every score") << 0.81 << makeConfusion(0, 0, 2, 2);
    QTest::newRow("minus infinity") << -kInfinity << makeConfusion(2, 2, 0, 0);
    QTest::newRow("plus infinity") << kInfinity << makeConfusion(0, 0, 2, 2);
    QTest::newRow("NaN predicts nothing") << kNaN << makeConfusion(0, 0, 2, 2);
}

void TestMetrics::confusionMatrix()
{
    QFETCH(double, threshold);
    QFETCH(ConfusionMatrix, expected);

    const ThresholdEvaluator evaluator(QList<double>{0.1, 0.4, 0.35, 0.8}, QList<int>{0, 0, 1, 1});
    QVERIFY2(evaluator.isValid(), qPrintable(evaluator.errorString()));
    QCOMPARE(evaluator.confusionMatrix(threshold), expected);
}

void TestMetrics::curves_data()
{
    QTest::addColumn<QList<double>>("scores");
    QTest::addColumn<QList<int>>("labels");
    QTest::addColumn<double>("auc");
    QTest::addColumn<bool>("aucDefined");
    QTest::addColumn<double>("averagePrecision");
    QTest::addColumn<bool>("averagePrecisionDefined");

    // scikit-learn's documented example for roc_auc_score and average_precision_score.
    QTest::newRow("sklearn example") << QList<double>{0.1, 0.4, 0.35, 0.8}
                                     << QList<int>{0, 0, 1, 1} << 0.75 << true << 5.0 / 6.0
                                     << true;
    // One diagonal segment from (0, 0) to (1, 1); one PR point with precision 1/2, recall 1.
    QTest::newRow("all scores tied") << QList<double>{0.5, 0.5, 0.5, 0.5} << QList<int>{0, 1, 0, 1}
                                     << 0.5 << true << 0.5 << true;
    // Pairs: the positive at 0.6 beats 0.2 and ties 0.6; the one at 0.9 beats both: 3.5 / 4.
    // AP: recall 1/2 at precision 1, then recall 1 at precision 2/3.
    QTest::newRow("tie across classes") << QList<double>{0.2, 0.6, 0.6, 0.9}
                                        << QList<int>{0, 0, 1, 1} << 0.875 << true << 5.0 / 6.0
                                        << true;
    QTest::newRow("perfect separation") << QList<double>{0.1, 0.2, 0.8, 0.9}
                                        << QList<int>{0, 0, 1, 1} << 1.0 << true << 1.0 << true;
    // AP: recall 1/2 at precision 1/3, then recall 1 at precision 1/2: 1/6 + 1/4.
    QTest::newRow("inverted scores") << QList<double>{0.9, 0.8, 0.2, 0.1}
                                     << QList<int>{0, 0, 1, 1} << 0.0 << true << 5.0 / 12.0
                                     << true;
    QTest::newRow("only positives") << QList<double>{0.3, 0.7} << QList<int>{1, 1} << 0.0 << false
                                    << 1.0 << true;
    QTest::newRow("only negatives") << QList<double>{0.3, 0.7} << QList<int>{0, 0} << 0.0 << false
                                    << 0.0 << false;
    QTest::newRow("empty input") << QList<double>{} << QList<int>{} << 0.0 << false << 0.0
                                 << false;
}

void TestMetrics::curves()
{
    QFETCH(QList<double>, scores);
    QFETCH(QList<int>, labels);
    QFETCH(double, auc);
    QFETCH(bool, aucDefined);
    QFETCH(double, averagePrecision);
    QFETCH(bool, averagePrecisionDefined);

    const ThresholdEvaluator evaluator(scores, labels);
    QVERIFY2(evaluator.isValid(), qPrintable(evaluator.errorString()));

    COMPARE_NEAR(evaluator.rocAuc(), auc);
    const RocCurve roc = evaluator.rocCurve();
    COMPARE_NEAR(roc.auc, auc);
    QCOMPARE(roc.isDefined, aucDefined);
    QCOMPARE(roc.falsePositiveRates.size(), evaluator.distinctScores().size() + 1);
    QCOMPARE(roc.truePositiveRates.size(), roc.falsePositiveRates.size());
    QCOMPARE(roc.thresholds.size(), roc.falsePositiveRates.size());
    COMPARE_NEAR(roc.falsePositiveRates.front(), 0.0);
    COMPARE_NEAR(roc.truePositiveRates.front(), 0.0);
    QCOMPARE(roc.thresholds.front(), kInfinity);
    if (aucDefined) {
        COMPARE_NEAR(roc.falsePositiveRates.back(), 1.0);
        COMPARE_NEAR(roc.truePositiveRates.back(), 1.0);
        COMPARE_NEAR(mannWhitneyAuc(scores, labels), auc);
    }

    COMPARE_NEAR(evaluator.averagePrecision(), averagePrecision);
    const PrecisionRecallCurve pr = evaluator.precisionRecallCurve();
    COMPARE_NEAR(pr.averagePrecision, averagePrecision);
    QCOMPARE(pr.isDefined, averagePrecisionDefined);
    QCOMPARE(pr.precisions.size(), roc.thresholds.size());
    QCOMPARE(pr.recalls.size(), roc.thresholds.size());
    QCOMPARE(pr.thresholds, roc.thresholds);
    COMPARE_NEAR(pr.precisions.front(), 1.0);
    COMPARE_NEAR(pr.recalls.front(), 0.0);

    for (std::size_t i = 0; i < roc.thresholds.size(); ++i) {
        QVERIFY2(std::isfinite(roc.falsePositiveRates[i]) && std::isfinite(roc.truePositiveRates[i])
                     && std::isfinite(pr.precisions[i]) && std::isfinite(pr.recalls[i]),
                 qPrintable(QStringLiteral("point %1 is not finite").arg(i)));
    }
}

void TestMetrics::rocPointsSklearnExample()
{
    const ThresholdEvaluator evaluator(QList<double>{0.1, 0.4, 0.35, 0.8}, QList<int>{0, 0, 1, 1});

    const RocCurve roc = evaluator.rocCurve();
    QCOMPARE(roc.thresholds, (std::vector<double>{kInfinity, 0.8, 0.4, 0.35, 0.1}));
    QCOMPARE(roc.falsePositiveRates, (std::vector<double>{0.0, 0.0, 0.5, 0.5, 1.0}));
    QCOMPARE(roc.truePositiveRates, (std::vector<double>{0.0, 0.5, 0.5, 1.0, 1.0}));

    const PrecisionRecallCurve pr = evaluator.precisionRecallCurve();
    QCOMPARE(pr.recalls, (std::vector<double>{0.0, 0.5, 0.5, 1.0, 1.0}));
    QCOMPARE(pr.precisions, (std::vector<double>{1.0, 1.0, 0.5, 2.0 / 3.0, 0.5}));
}

void TestMetrics::rocPointsAllTied()
{
    const ThresholdEvaluator evaluator(QList<double>{0.5, 0.5, 0.5, 0.5}, QList<int>{0, 1, 0, 1});

    // Tied scores are one threshold, so the curve is the single segment (0, 0) to (1, 1).
    const RocCurve roc = evaluator.rocCurve();
    QCOMPARE(roc.thresholds, (std::vector<double>{kInfinity, 0.5}));
    QCOMPARE(roc.falsePositiveRates, (std::vector<double>{0.0, 1.0}));
    QCOMPARE(roc.truePositiveRates, (std::vector<double>{0.0, 1.0}));
}

void TestMetrics::report_data()
{
    QTest::addColumn<ConfusionMatrix>("confusion");
    QTest::addColumn<QList<double>>("negativeRow");
    QTest::addColumn<QList<double>>("positiveRow");
    QTest::addColumn<double>("accuracy");
    QTest::addColumn<QList<double>>("macroRow");
    QTest::addColumn<QList<double>>("weightedRow");

    // Rows are precision, recall, F1, support.
    // Negative class: precision 5/7, recall 5/6, F1 10/13. Positive: 2/3, 1/2, 4/7.
    // Weighted by supports 6 and 4: precision 73/105, recall 7/10, F1 314/455.
    QTest::newRow("mixed errors")
        << makeConfusion(2, 1, 5, 2) << QList<double>{5.0 / 7.0, 5.0 / 6.0, 10.0 / 13.0, 6}
        << QList<double>{2.0 / 3.0, 0.5, 4.0 / 7.0, 4} << 0.7
        << QList<double>{29.0 / 42.0, 2.0 / 3.0, 61.0 / 91.0, 10}
        << QList<double>{73.0 / 105.0, 0.7, 314.0 / 455.0, 10};
    // Positive precision is 0/0, so 0; negative precision 6/10, F1 12/16.
    QTest::newRow("no positive predictions")
        << makeConfusion(0, 0, 6, 4) << QList<double>{0.6, 1.0, 0.75, 6}
        << QList<double>{0.0, 0.0, 0.0, 4} << 0.6 << QList<double>{0.3, 0.5, 0.375, 10}
        << QList<double>{0.36, 0.6, 0.45, 10};
    // The absent positive class still has a row of zeros and halves the macro average.
    QTest::newRow("only negatives, all right")
        << makeConfusion(0, 0, 5, 0) << QList<double>{1.0, 1.0, 1.0, 5}
        << QList<double>{0.0, 0.0, 0.0, 0} << 1.0 << QList<double>{0.5, 0.5, 0.5, 5}
        << QList<double>{1.0, 1.0, 1.0, 5};
    QTest::newRow("only negatives, all wrong")
        << makeConfusion(0, 3, 0, 0) << QList<double>{0.0, 0.0, 0.0, 3}
        << QList<double>{0.0, 0.0, 0.0, 0} << 0.0 << QList<double>{0.0, 0.0, 0.0, 3}
        << QList<double>{0.0, 0.0, 0.0, 3};
    QTest::newRow("only positives, all right")
        << makeConfusion(4, 0, 0, 0) << QList<double>{0.0, 0.0, 0.0, 0}
        << QList<double>{1.0, 1.0, 1.0, 4} << 1.0 << QList<double>{0.5, 0.5, 0.5, 4}
        << QList<double>{1.0, 1.0, 1.0, 4};
    QTest::newRow("empty input") << makeConfusion(0, 0, 0, 0) << QList<double>{0.0, 0.0, 0.0, 0}
                                 << QList<double>{0.0, 0.0, 0.0, 0} << 0.0
                                 << QList<double>{0.0, 0.0, 0.0, 0}
                                 << QList<double>{0.0, 0.0, 0.0, 0};
}

void TestMetrics::report()
{
    QFETCH(ConfusionMatrix, confusion);
    QFETCH(QList<double>, negativeRow);
    QFETCH(QList<double>, positiveRow);
    QFETCH(double, accuracy);
    QFETCH(QList<double>, macroRow);
    QFETCH(QList<double>, weightedRow);

    const ClassificationReport report = makeClassificationReport(confusion, 0.5);
    QVERIFY(reportIsFinite(report));
    COMPARE_NEAR(report.accuracy, accuracy);
    QCOMPARE(report.confusion, confusion);

    const std::pair<const char *, std::pair<ClassMetrics, QList<double>>> rows[] = {
        {"negative", {report.negative, negativeRow}},
        {"positive", {report.positive, positiveRow}},
        {"macro avg", {report.macroAverage, macroRow}},
        {"weighted avg", {report.weightedAverage, weightedRow}},
    };
    for (const auto &[name, row] : rows) {
        const ClassMetrics &actual = row.first;
        const QList<double> &expected = row.second;
        QVERIFY2(near(actual.precision, expected[0]),
                 describeMismatch(name, actual.precision, expected[0]).append(" (precision)"));
        QVERIFY2(near(actual.recall, expected[1]),
                 describeMismatch(name, actual.recall, expected[1]).append(" (recall)"));
        QVERIFY2(near(actual.f1Score, expected[2]),
                 describeMismatch(name, actual.f1Score, expected[2]).append(" (F1)"));
        QVERIFY2(actual.support == qint64(expected[3]),
                 describeMismatch(name, double(actual.support), expected[3]).append(" (support)"));
    }
}

void TestMetrics::formatReport_data()
{
    QTest::addColumn<ConfusionMatrix>("confusion");
    QTest::addColumn<QString>("negativeName");
    QTest::addColumn<QString>("positiveName");
    QTest::addColumn<int>("digits");
    QTest::addColumn<QString>("expected");

    // The values of the "mixed errors" report row, with the names of the default attribute.
    QTest::newRow("eyeglasses names") << makeConfusion(2, 1, 5, 2)
                                      << QStringLiteral("no eyeglasses")
                                      << QStringLiteral("eyeglasses") << 2
                                      << QStringLiteral("               precision    recall  f1-score   support\n"
                                                        "\n"
                                                        "no eyeglasses       0.71      0.83      0.77         6\n"
                                                        "   eyeglasses       0.67      0.50      0.57         4\n"
                                                        "\n"
                                                        "     accuracy                           0.70        10\n"
                                                        "    macro avg       0.69      0.67      0.67        10\n"
                                                        " weighted avg       0.70      0.70      0.69        10\n");
    // Positive precision and accuracy are 1/8 and the macro precision 1/16, exact halves at the
    // second decimal, which Python's format() rounds to even: 0.12 and 0.06.
    QTest::newRow("default names, half to even")
        << makeConfusion(1, 7, 0, 0) << QStringLiteral("0") << QStringLiteral("1") << 2
        << QStringLiteral("              precision    recall  f1-score   support\n"
                          "\n"
                          "           0       0.00      0.00      0.00         7\n"
                          "           1       0.12      1.00      0.22         1\n"
                          "\n"
                          "    accuracy                           0.12         8\n"
                          "   macro avg       0.06      0.50      0.11         8\n"
                          "weighted avg       0.02      0.12      0.03         8\n");
    QTest::newRow("three digits")
        << makeConfusion(2, 1, 5, 2) << QStringLiteral("0") << QStringLiteral("1") << 3
        << QStringLiteral("              precision    recall  f1-score   support\n"
                          "\n"
                          "           0      0.714     0.833     0.769         6\n"
                          "           1      0.667     0.500     0.571         4\n"
                          "\n"
                          "    accuracy                          0.700        10\n"
                          "   macro avg      0.690     0.667     0.670        10\n"
                          "weighted avg      0.695     0.700     0.690        10\n");
}

void TestMetrics::formatReport()
{
    QFETCH(ConfusionMatrix, confusion);
    QFETCH(QString, negativeName);
    QFETCH(QString, positiveName);
    QFETCH(int, digits);
    QFETCH(QString, expected);

    ClassNames names;
    names.negative = negativeName;
    names.positive = positiveName;
    const QString text = formatClassificationReport(makeClassificationReport(confusion, 0.5, names),
                                                    digits);
    QCOMPARE(text, expected);
}

void TestMetrics::thresholdFinders_data()
{
    QTest::addColumn<QList<double>>("scores");
    QTest::addColumn<QList<int>>("labels");
    QTest::addColumn<QString>("criterion");
    QTest::addColumn<double>("targetRecall");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<double>("value");

    // Two positives, eight negatives. From the top: +, -, -, -, +, then five negatives.
    // F1 is 2/3 at 0.95 (1 TP, 0 FP) and 4/7 at 0.7 (2 TP, 3 FP), so F1 prefers 0.95.
    // Youden's J is 1/2 - 0 at 0.95 and 1 - 3/8 at 0.7, so J prefers 0.7.
    const QList<double> rare{0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
    const QList<int> rareLabels{1, 0, 0, 0, 1, 0, 0, 0, 0, 0};
    QTest::newRow("F1, rare positives") << rare << rareLabels << "f1" << 0.0 << true << 0.95
                                        << 2.0 / 3.0;
    QTest::newRow("Youden, rare positives") << rare << rareLabels << "youden" << 0.0 << true
                                            << 0.7 << 0.625;
    QTest::newRow("recall 0.5, rare positives") << rare << rareLabels << "recall" << 0.5 << true
                                                << 0.95 << 0.5;
    QTest::newRow("recall 0.51, rare positives") << rare << rareLabels << "recall" << 0.51 << true
                                                 << 0.7 << 1.0;

    // Five positives: cumulative TP from the top is 1, 2, 2, 3, 4, 4, 4, 5, 5, 5.
    const QList<double> balanced{0.9, 0.8, 0.7, 0.6, 0.55, 0.5, 0.4, 0.3, 0.2, 0.1};
    const QList<int> balancedLabels{1, 1, 0, 1, 1, 0, 0, 1, 0, 0};
    QTest::newRow("F1, balanced") << balanced << balancedLabels << "f1" << 0.0 << true << 0.55
                                  << 0.8;
    QTest::newRow("Youden, balanced") << balanced << balancedLabels << "youden" << 0.0 << true
                                      << 0.55 << 0.6;
    // 3 of 5 is exactly the literal 0.6: the threshold must not move down to 0.55.
    QTest::newRow("recall 0.6 met exactly") << balanced << balancedLabels << "recall" << 0.6
                                            << true << 0.6 << 0.6;
    QTest::newRow("recall 0.7") << balanced << balancedLabels << "recall" << 0.7 << true << 0.55
                                << 0.8;
    QTest::newRow("recall 1") << balanced << balancedLabels << "recall" << 1.0 << true << 0.3
                              << 1.0;
    QTest::newRow("recall 0 predicts nothing") << balanced << balancedLabels << "recall" << 0.0
                                               << true << kInfinity << 0.0;
    QTest::newRow("recall above 1") << balanced << balancedLabels << "recall" << 1.5 << false
                                    << kInfinity << 0.0;
    QTest::newRow("recall below 0") << balanced << balancedLabels << "recall" << -0.1 << false
                                    << kInfinity << 0.0;
    QTest::newRow("recall NaN") << balanced << balancedLabels << "recall" << kNaN << false
                                << kInfinity << 0.0;

    // F1 is 2/3 at 0.9 (1 TP, 0 FP, 1 FN) and again at 0.6 (2 TP, 2 FP): the higher one wins.
    QTest::newRow("F1 tie keeps higher") << QList<double>{0.9, 0.8, 0.7, 0.6, 0.5}
                                         << QList<int>{1, 0, 0, 1, 0} << "f1" << 0.0 << true
                                         << 0.9 << 2.0 / 3.0;
    // J is 1/2 at 0.9 and again at 0.7.
    QTest::newRow("Youden tie keeps higher") << QList<double>{0.9, 0.8, 0.7, 0.6}
                                             << QList<int>{1, 0, 1, 0} << "youden" << 0.0 << true
                                             << 0.9 << 0.5;

    const QList<double> inverted{0.9, 0.8, 0.2, 0.1};
    const QList<int> invertedLabels{0, 0, 1, 1};
    QTest::newRow("Youden, inverted scores") << inverted << invertedLabels << "youden" << 0.0
                                             << true << kInfinity << 0.0;
    QTest::newRow("F1, inverted scores") << inverted << invertedLabels << "f1" << 0.0 << true
                                         << 0.1 << 2.0 / 3.0;

    const QList<double> pair{0.3, 0.7};
    QTest::newRow("F1, only positives") << pair << QList<int>{1, 1} << "f1" << 0.0 << true << 0.3
                                        << 1.0;
    QTest::newRow("Youden, only positives") << pair << QList<int>{1, 1} << "youden" << 0.0
                                            << false << kInfinity << 0.0;
    QTest::newRow("recall, only positives") << pair << QList<int>{1, 1} << "recall" << 0.5
                                            << true << 0.7 << 0.5;
    QTest::newRow("F1, only negatives") << pair << QList<int>{0, 0} << "f1" << 0.0 << false
                                        << kInfinity << 0.0;
    QTest::newRow("Youden, only negatives") << pair << QList<int>{0, 0} << "youden" << 0.0
                                            << false << kInfinity << 0.0;
    QTest::newRow("recall, only negatives") << pair << QList<int>{0, 0} << "recall" << 0.5
                                            << false << kInfinity << 0.0;
    QTest::newRow("F1, empty input") << QList<double>{} << QList<int>{} << "f1" << 0.0 << false
                                     << kInfinity << 0.0;

    // Three positives: the top three scores are flagged, two of them right, so precision and
    // recall are both 2/3.
    QTest::newRow("balanced, break-even") << QList<double>{0.9, 0.8, 0.7, 0.6, 0.5, 0.4}
                                          << QList<int>{1, 1, 0, 1, 0, 0} << "balanced" << 0.0
                                          << true << 0.7 << 2.0 / 3.0;
    // Three positives; a tie at 0.5 flags 1 or 4 items, and 4 is closer to 3.
    QTest::newRow("balanced, tie closest") << QList<double>{0.9, 0.5, 0.5, 0.5, 0.1}
                                           << QList<int>{1, 0, 1, 0, 1} << "balanced" << 0.0
                                           << true << 0.5 << 4.0 / 7.0;
    // Two positives; 1 and 3 flagged items are equally close, so the smaller count wins.
    QTest::newRow("balanced, equal distance keeps fewer")
        << QList<double>{0.9, 0.5, 0.5, 0.1} << QList<int>{1, 1, 0, 0} << "balanced" << 0.0
        << true << 0.9 << 2.0 / 3.0;
    QTest::newRow("balanced, only negatives") << pair << QList<int>{0, 0} << "balanced" << 0.0
                                              << false << kInfinity << 0.0;
    QTest::newRow("balanced, only positives") << pair << QList<int>{1, 1} << "balanced" << 0.0
                                              << true << 0.3 << 1.0;
    QTest::newRow("recall, empty input") << QList<double>{} << QList<int>{} << "recall" << 0.5
                                         << false << kInfinity << 0.0;
}

void TestMetrics::thresholdFinders()
{
    QFETCH(QList<double>, scores);
    QFETCH(QList<int>, labels);
    QFETCH(QString, criterion);
    QFETCH(double, targetRecall);
    QFETCH(bool, valid);
    QFETCH(double, threshold);
    QFETCH(double, value);

    const ThresholdEvaluator evaluator(scores, labels);
    QVERIFY2(evaluator.isValid(), qPrintable(evaluator.errorString()));

    ThresholdChoice choice;
    if (criterion == QLatin1String("f1"))
        choice = evaluator.bestF1Threshold();
    else if (criterion == QLatin1String("youden"))
        choice = evaluator.bestYoudenThreshold();
    else if (criterion == QLatin1String("balanced"))
        choice = evaluator.balancedThreshold();
    else
        choice = evaluator.thresholdForRecall(targetRecall);

    QCOMPARE(choice.isValid, valid);
    QCOMPARE(choice.threshold, threshold);
    COMPARE_NEAR(choice.value, value);
    if (valid)
        QCOMPARE(choice.confusion, evaluator.confusionMatrix(choice.threshold));
}

void TestMetrics::invalidInput_data()
{
    QTest::addColumn<QList<double>>("scores");
    QTest::addColumn<QList<int>>("labels");
    QTest::addColumn<QString>("expectedInMessage");

    QTest::newRow("fewer labels") << QList<double>{0.1, 0.2, 0.3} << QList<int>{0, 1}
                                  << QStringLiteral("3 scores but 2 labels");
    QTest::newRow("label 2") << QList<double>{0.1, 0.2, 0.3} << QList<int>{0, 1, 2}
                             << QStringLiteral("label 2 at index 2");
    QTest::newRow("label -1") << QList<double>{0.1, 0.2} << QList<int>{-1, 1}
                              << QStringLiteral("label -1 at index 0");
    QTest::newRow("NaN score") << QList<double>{0.1, kNaN} << QList<int>{0, 1}
                               << QStringLiteral("score nan at index 1");
    QTest::newRow("infinite score") << QList<double>{kInfinity, 0.1} << QList<int>{0, 1}
                                    << QStringLiteral("score inf at index 0");
}

void TestMetrics::invalidInput()
{
    QFETCH(QList<double>, scores);
    QFETCH(QList<int>, labels);
    QFETCH(QString, expectedInMessage);

    const ThresholdEvaluator evaluator(scores, labels);
    QVERIFY(!evaluator.isValid());
    QVERIFY2(evaluator.errorString().contains(expectedInMessage),
             qPrintable(evaluator.errorString()));

    // A rejected input behaves as an empty one instead of crashing.
    QCOMPARE(evaluator.size(), qint64(0));
    QCOMPARE(evaluator.confusionMatrix(0.5), ConfusionMatrix());
    QVERIFY(reportIsFinite(evaluator.report(0.5)));
    QCOMPARE(evaluator.rocAuc(), 0.0);
    QCOMPARE(evaluator.rocCurve().thresholds.size(), std::size_t(1));
    QVERIFY(!evaluator.bestF1Threshold().isValid);
}

void TestMetrics::floatScoresMatchDouble()
{
    QList<double> scores;
    QList<int> labels;
    makeRandomSet(7, 2000, 0.0, &scores, &labels);
    QList<float> floatScores;
    for (double score : scores)
        floatScores.append(float(score));
    QList<double> widenedScores;
    for (float score : floatScores)
        widenedScores.append(double(score));

    const ThresholdEvaluator fromFloat(floatScores, labels);
    const ThresholdEvaluator fromDouble(widenedScores, labels);
    const ThresholdEvaluator fromStdFloat(std::vector<float>(floatScores.begin(), floatScores.end()),
                                          std::vector<int>(labels.begin(), labels.end()));
    QVERIFY(fromFloat.isValid());
    QCOMPARE(fromFloat.distinctScores(), fromDouble.distinctScores());
    QCOMPARE(fromStdFloat.distinctScores(), fromDouble.distinctScores());
    QCOMPARE(fromFloat.rocAuc(), fromDouble.rocAuc());
    QCOMPARE(fromFloat.confusionMatrix(double(0.5f)), fromDouble.confusionMatrix(double(0.5f)));
}

void TestMetrics::fastMatchesNaive_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<double>("step");

    QTest::newRow("scores on 0.01 grid") << quint32(1) << 0.01;
    QTest::newRow("scores on 0.1 grid") << quint32(2) << 0.1;
    QTest::newRow("continuous scores") << quint32(3) << 0.0;
}

void TestMetrics::fastMatchesNaive()
{
    QFETCH(quint32, seed);
    QFETCH(double, step);

    constexpr int kItemCount = 10000;
    QList<double> scores;
    QList<int> labels;
    makeRandomSet(seed, kItemCount, step, &scores, &labels);
    const ThresholdEvaluator evaluator(scores, labels);
    QVERIFY2(evaluator.isValid(), qPrintable(evaluator.errorString()));
    QCOMPARE(evaluator.size(), qint64(kItemCount));
    QCOMPARE(evaluator.positiveCount(), qint64(labels.count(1)));

    // Every distinct score, the midpoints between them, random values and the extremes.
    const std::vector<double> &distinct = evaluator.distinctScores();
    if (step > 0.0)
        QVERIFY2(distinct.size() < std::size_t(kItemCount) / 10, "expected many ties");
    QList<double> thresholds(distinct.begin(), distinct.end());
    for (std::size_t i = 1; i < distinct.size(); i += 7)
        thresholds.append((distinct[i - 1] + distinct[i]) / 2.0);
    QRandomGenerator random(seed + 100);
    for (int i = 0; i < 200; ++i)
        thresholds.append(random.generateDouble() * 1.2 - 0.1);
    thresholds << -kInfinity << kInfinity << -1.0 << 2.0 << 0.0 << 1.0;

    for (double threshold : thresholds) {
        const ConfusionMatrix expected = countNaively(scores, labels, threshold);
        const ConfusionMatrix actual = evaluator.confusionMatrix(threshold);
        if (actual != expected) {
            QFAIL(qPrintable(QStringLiteral("threshold %1: got %2, expected %3")
                                 .arg(threshold, 0, 'g', 17)
                                 .arg(QString::fromLatin1(QScopedArrayPointer<char>(toString(actual)).data()))
                                 .arg(QString::fromLatin1(QScopedArrayPointer<char>(toString(expected)).data()))));
        }
        const ClassificationReport report = evaluator.report(threshold);
        const ClassificationReport naiveReport = makeClassificationReport(expected, threshold);
        QCOMPARE(report.positive.f1Score, naiveReport.positive.f1Score);
        QCOMPARE(report.weightedAverage.recall, naiveReport.weightedAverage.recall);
        QCOMPARE(report.accuracy, naiveReport.accuracy);
    }

    COMPARE_NEAR(evaluator.rocAuc(), mannWhitneyAuc(scores, labels));
    COMPARE_NEAR(evaluator.averagePrecision(), naiveAveragePrecision(scores, labels));
    QVERIFY(evaluator.rocAuc() > 0.6 && evaluator.rocAuc() < 0.9);

    // Each finder's choice is the best over every threshold checked naively.
    const ThresholdChoice bestF1 = evaluator.bestF1Threshold();
    const ThresholdChoice bestYouden = evaluator.bestYoudenThreshold();
    const ThresholdChoice forRecall = evaluator.thresholdForRecall(0.9);
    const ThresholdChoice balanced = evaluator.balancedThreshold();
    QVERIFY(bestF1.isValid && bestYouden.isValid && forRecall.isValid && balanced.isValid);
    // At the balanced threshold the flagged count is as close to the positives as any.
    const qint64 balancedGap = qAbs(balanced.confusion.truePositives
                                    + balanced.confusion.falsePositives - evaluator.positiveCount());
    QVERIFY(forRecall.value >= 0.9);
    const qint64 positives = evaluator.positiveCount();
    const qint64 negatives = evaluator.negativeCount();
    for (double threshold : thresholds) {
        const ConfusionMatrix confusion = countNaively(scores, labels, threshold);
        const double f1 = makeClassificationReport(confusion, threshold).positive.f1Score;
        QVERIFY2(f1 <= bestF1.value + kTolerance, qPrintable(QString::number(threshold)));
        const double youden = double(confusion.truePositives) / double(positives)
            - double(confusion.falsePositives) / double(negatives);
        QVERIFY2(youden <= bestYouden.value + kTolerance, qPrintable(QString::number(threshold)));
        const double recall = double(confusion.truePositives) / double(positives);
        if (threshold > forRecall.threshold)
            QVERIFY2(recall < 0.9, qPrintable(QString::number(threshold)));
        const qint64 flagged = confusion.truePositives + confusion.falsePositives;
        QVERIFY2(qAbs(flagged - positives) >= balancedGap, qPrintable(QString::number(threshold)));
    }
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
