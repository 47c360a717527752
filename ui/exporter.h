#pragma once

#include "metrics.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace ProfileLens {

class ProjectStore;

/**
 * Writes what the analyst takes away: the targeting list, charts and the report.
 * Every function writes atomically (QSaveFile) where the format allows, returns false and
 * sets \a errorString (naming the file) on failure.
 */
class Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Exporter)

public:
    /**
     * Writes one CSV row per project image that has a probability from model \a modelId.
     * Columns: source_kind (file, url, handle), source (the file path, URL or handle), label
     * (the hand label of \a attribute: yes, no, unsure or empty), probability, and prediction
     * (yes when the probability is at least \a threshold). Rows are sorted by probability,
     * highest first. Must be called on the thread that owns \a store. \a rowCount receives the
     * number of rows written.
     */
    static bool writeTargetingCsv(const ProjectStore &store, qint64 modelId,
                                  const QString &attribute, double threshold,
                                  const QString &path, QString *errorString,
                                  int *rowCount = nullptr);

    /// Renders \a widget (a chart view, say) into a PNG of \a size logical pixels (the
    /// widget's own size when invalid) at \a devicePixelRatio.
    static bool writeWidgetPng(QWidget *widget, const QString &path, QString *errorString,
                               QSize size = QSize(), qreal devicePixelRatio = 2.0);
    /// Renders \a widget as an SVG drawing with \a title.
    static bool writeWidgetSvg(QWidget *widget, const QString &path, const QString &title,
                               QString *errorString);
    /// Writes formatClassificationReport(\a report) with a line naming the threshold.
    static bool writeReportText(const ClassificationReport &report, const QString &path,
                                QString *errorString);

    /// Quotes \a field for CSV when it contains a comma, quote or line break (RFC 4180).
    static QString csvField(const QString &field);
};

} // namespace ProfileLens
