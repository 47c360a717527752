#pragma once

#include "trainer.h"

#include <QChartView>

#include <vector>

QT_BEGIN_NAMESPACE
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace ProfileLens {

/**
 * Live chart of a training run: loss on the left axis, accuracy on the right, both against
 * the step. Training values are smoothed with an exponential moving average and thinned to
 * at most kMaxTrainingPoints per series. Validation values appear as points at the steps
 * where the trainer evaluated. New steps are appended to the series, never redrawn from scratch.
 */
class TrainingChart : public QChartView
{
    Q_OBJECT

public:
    /// Maximum points per training series, enough to show the trend of a long run.
    static constexpr int kMaxTrainingPoints = 500;
    /// Weight of the newest step in the moving average of loss and accuracy.
    static constexpr double kSmoothing = 0.1;

    explicit TrainingChart(QWidget *parent = nullptr);

    /// Empties the chart for a run of \a totalSteps steps.
    void reset(int totalSteps);
    /// Appends steps in increasing order.
    void appendSteps(const std::vector<TrainingProgress> &steps);

    /// Points in the training loss series and the validation loss series.
    int trainingPointCount() const;
    int validationPointCount() const;

private:
    QLineSeries *m_loss = nullptr;
    QLineSeries *m_accuracy = nullptr;
    QLineSeries *m_validationLoss = nullptr;
    QLineSeries *m_validationAccuracy = nullptr;
    QValueAxis *m_stepAxis = nullptr;
    QValueAxis *m_lossAxis = nullptr;
    QValueAxis *m_accuracyAxis = nullptr;
    int m_totalSteps = 0;
    int m_stride = 1;
    int m_lastStep = 0;
    bool m_hasAverage = false;
    double m_averageLoss = 0.0;
    double m_averageAccuracy = 0.0;
    double m_maxLoss = 1.0;
};

} // namespace ProfileLens
