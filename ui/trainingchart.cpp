#include "trainingchart.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace ProfileLens {

TrainingChart::TrainingChart(QWidget *parent) : QChartView(parent)
{
    auto *chart = new QChart;
    chart->setTitle(tr("Loss and accuracy"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));

    m_loss = new QLineSeries(chart);
    m_loss->setName(tr("Training loss"));
    m_accuracy = new QLineSeries(chart);
    m_accuracy->setName(tr("Training accuracy"));
    m_validationLoss = new QLineSeries(chart);
    m_validationLoss->setName(tr("Validation loss"));
    m_validationLoss->setPointsVisible(true);
    m_validationAccuracy = new QLineSeries(chart);
    m_validationAccuracy->setName(tr("Validation accuracy"));
    m_validationAccuracy->setPointsVisible(true);

    for (QLineSeries *series : {m_loss, m_accuracy, m_validationLoss, m_validationAccuracy})
        chart->addSeries(series);
    // Loss series share a colour family, accuracy another, so the pairs read together.
    m_loss->setColor(QColor(0xc0, 0x39, 0x2b));
    m_validationLoss->setColor(QColor(0xe6, 0x7e, 0x22));
    m_accuracy->setColor(QColor(0x29, 0x80, 0xb9));
    m_validationAccuracy->setColor(QColor(0x16, 0xa0, 0x85));

    m_stepAxis = new QValueAxis(chart);
    m_stepAxis->setTitleText(tr("Step"));
    m_stepAxis->setLabelFormat(QStringLiteral("%d"));
    m_lossAxis = new QValueAxis(chart);
    m_lossAxis->setTitleText(tr("Loss"));
    m_accuracyAxis = new QValueAxis(chart);
    m_accuracyAxis->setTitleText(tr("Accuracy"));
    m_accuracyAxis->setRange(0.0, 1.0);
    chart->addAxis(m_stepAxis, Qt::AlignBottom);
    chart->addAxis(m_lossAxis, Qt::AlignLeft);
    chart->addAxis(m_accuracyAxis, Qt::AlignRight);
    for (QLineSeries *series : {m_loss, m_validationLoss}) {
        series->attachAxis(m_stepAxis);
        series->attachAxis(m_lossAxis);
    }
    for (QLineSeries *series : {m_accuracy, m_validationAccuracy}) {
        series->attachAxis(m_stepAxis);
        series->attachAxis(m_accuracyAxis);
    }

    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(360, 220);
    setAccessibleName(tr("Training loss and accuracy chart"));
    reset(100);
}

void TrainingChart::reset(int totalSteps)
{
    m_totalSteps = std::max(1, totalSteps);
    m_stride = std::max(1, m_totalSteps / kMaxTrainingPoints);
    m_lastStep = 0;
    m_hasAverage = false;
    m_maxLoss = 1.0;
    for (QLineSeries *series : {m_loss, m_accuracy, m_validationLoss, m_validationAccuracy})
        series->clear();
    m_stepAxis->setRange(0, m_totalSteps);
    m_lossAxis->setRange(0.0, m_maxLoss);
}

void TrainingChart::appendSteps(const std::vector<TrainingProgress> &steps)
{
    QList<QPointF> loss;
    QList<QPointF> accuracy;
    for (const TrainingProgress &step : steps) {
        if (step.step <= m_lastStep)
            continue;
        m_lastStep = step.step;
        if (!m_hasAverage) {
            m_averageLoss = step.loss;
            m_averageAccuracy = step.accuracy;
            m_hasAverage = true;
        } else {
            m_averageLoss += kSmoothing * (step.loss - m_averageLoss);
            m_averageAccuracy += kSmoothing * (step.accuracy - m_averageAccuracy);
        }
        if (step.step % m_stride == 0 || step.step == step.totalSteps) {
            loss.append(QPointF(step.step, m_averageLoss));
            accuracy.append(QPointF(step.step, m_averageAccuracy));
            m_maxLoss = std::max(m_maxLoss, m_averageLoss);
        }
        if (step.validated) {
            m_validationLoss->append(step.step, step.validationLoss);
            m_validationAccuracy->append(step.step, step.validationAccuracy);
            m_maxLoss = std::max(m_maxLoss, step.validationLoss);
        }
        if (step.totalSteps != m_totalSteps && step.totalSteps > 0) {
            m_totalSteps = step.totalSteps;
            m_stepAxis->setRange(0, m_totalSteps);
        }
    }
    if (!loss.isEmpty()) {
        m_loss->append(loss);
        m_accuracy->append(accuracy);
    }
    if (m_lossAxis->max() < m_maxLoss)
        m_lossAxis->setRange(0.0, m_maxLoss * 1.1);
}

int TrainingChart::trainingPointCount() const
{
    return int(m_loss->count());
}

int TrainingChart::validationPointCount() const
{
    return int(m_validationLoss->count());
}

} // namespace ProfileLens
