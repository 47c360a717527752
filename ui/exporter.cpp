#include "exporter.h"

#include "projectstore.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextStream>
#include <QWidget>

#include <algorithm>

namespace ProfileLens {

namespace {

struct TargetRow
{
    const ImageRecord *image = nullptr;
    double probability = 0.0;
};

} // namespace

QString Exporter::csvField(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"'))
        && !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool Exporter::writeTargetingCsv(const ProjectStore &store, qint64 modelId,
                                 const QString &attribute, double threshold, const QString &path,
                                 QString *errorString, int *rowCount)
{
    // Read
    const auto images = store.images();
    if (!images.isOk()) {
        *errorString = images.errorString;
        return false;
    }
    const auto predictions = store.predictions(modelId);
    if (!predictions.isOk()) {
        *errorString = predictions.errorString;
        return false;
    }
    const auto labels = store.labels(attribute);
    if (!labels.isOk()) {
        *errorString = labels.errorString;
        return false;
    }
    QHash<qint64, const ImageRecord *> imagesById;
    for (const ImageRecord &image : images.value)
        imagesById.insert(image.id, &image);
    QHash<qint64, LabelValue> labelsById;
    for (const LabelRecord &label : labels.value)
        labelsById.insert(label.imageId, label.value);

    std::vector<TargetRow> rows;
    for (const PredictionRecord &prediction : predictions.value) {
        const ImageRecord *image = imagesById.value(prediction.imageId);
        if (image && prediction.probability.has_value())
            rows.push_back({image, *prediction.probability});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const TargetRow &a, const TargetRow &b) {
        return a.probability > b.probability;
    });

    // Write
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *errorString = tr("Could not write %1 (%2).")
                           .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    QTextStream out(&file);
    out << "source_kind,source,label,probability,prediction\n";
    for (const TargetRow &row : rows) {
        const ImageSource &source = row.image->source;
        const QString where = source.kind == ImageSourceKind::Handle && !source.handle.isEmpty()
            ? source.handle
            : source.location;
        const auto label = labelsById.find(row.image->id);
        out << imageSourceKindKey(source.kind) << ',' << csvField(where) << ','
            << (label == labelsById.end() ? QString() : labelValueKey(label.value())) << ','
            << QString::number(row.probability, 'f', 6) << ','
            << (row.probability >= threshold ? "yes" : "no") << '\n';
    }
    out.flush();
    if (!file.commit()) {
        *errorString = tr("Could not write %1 (%2).")
                           .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    if (rowCount)
        *rowCount = int(rows.size());
    return true;
}

bool Exporter::writeWidgetPng(QWidget *widget, const QString &path, QString *errorString,
                              QSize size, qreal devicePixelRatio)
{
    const QSize logical = size.isValid() ? size : widget->size();
    const QSize oldSize = widget->size();
    if (logical != oldSize)
        widget->resize(logical);
    QImage image(logical * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        widget->render(&painter);
    }
    if (logical != oldSize)
        widget->resize(oldSize);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        *errorString = tr("Could not write the image %1 (%2).")
                           .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool Exporter::writeWidgetSvg(QWidget *widget, const QString &path, const QString &title,
                              QString *errorString)
{
    // QSvgGenerator writes straight to the file name, so a failure may leave a partial file.
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(widget->size());
    generator.setViewBox(QRect(QPoint(0, 0), widget->size()));
    generator.setTitle(title);
    generator.setDescription(tr("Exported by ProfileLens"));
    QPainter painter;
    if (!painter.begin(&generator)) {
        *errorString = tr("Could not write the drawing %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    widget->render(&painter);
    painter.end();
    if (!QFileInfo::exists(path)) {
        *errorString = tr("Could not write the drawing %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

bool Exporter::writeReportText(const ClassificationReport &report, const QString &path,
                               QString *errorString)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *errorString = tr("Could not write %1 (%2).")
                           .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    QTextStream out(&file);
    out << tr("Threshold: %1").arg(report.threshold, 0, 'f', 4) << "\n\n";
    out << formatClassificationReport(report) << '\n';
    out.flush();
    if (!file.commit()) {
        *errorString = tr("Could not write %1 (%2).")
                           .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace ProfileLens
