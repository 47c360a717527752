#include "datasetselection.h"

#include "datasetrandom_p.h"
#include "logging.h"

#include <QCoreApplication>

#include <algorithm>

namespace ProfileLens {

namespace {

// The "ProfileLens::Dataset" translation context, declared so that lupdate can read it.
struct DatasetSelectionMessages
{
    Q_DECLARE_TR_FUNCTIONS(ProfileLens::Dataset)
};

} // namespace

QString selectionPolicyKey(SelectionPolicy policy)
{
    switch (policy) {
    case SelectionPolicy::Reference:
        return QStringLiteral("reference");
    case SelectionPolicy::Balanced:
        return QStringLiteral("balanced");
    case SelectionPolicy::All:
        return QStringLiteral("all");
    }
    return {};
}

bool selectionPolicyFromKey(const QString &key, SelectionPolicy *policy)
{
    for (SelectionPolicy candidate :
         {SelectionPolicy::Reference, SelectionPolicy::Balanced, SelectionPolicy::All}) {
        if (key.compare(selectionPolicyKey(candidate), Qt::CaseInsensitive) == 0) {
            *policy = candidate;
            return true;
        }
    }
    return false;
}

DatasetSelection selectRows(const Dataset &dataset, const SelectionOptions &options)
{
    DatasetSelection selection;
    selection.attribute = dataset.attributeIndex(options.attribute);
    if (selection.attribute < 0) {
        selection.error = DatasetSelectionMessages::tr("Attribute '%1' not found in %2. %3")
                              .arg(options.attribute, dataset.labelFile,
                                   dataset.availableAttributesText());
        return selection;
    }
    if (options.maxCount < 1 && options.policy != SelectionPolicy::All) {
        selection.error = DatasetSelectionMessages::tr("The number of images to select must be at least 1, not %1.")
                              .arg(options.maxCount);
        return selection;
    }

    // Usable rows of each class, in file order.
    const bool skipMissing = options.skipMissingImages && dataset.imagesChecked();
    std::vector<int> positives;
    std::vector<int> negatives;
    for (int row = 0; row < dataset.rowCount(); ++row) {
        if (skipMissing && dataset.imageMissing[std::size_t(row)]) {
            ++selection.skippedMissingCount;
            continue;
        }
        if (dataset.label(row, selection.attribute) > 0)
            positives.push_back(row);
        else
            negatives.push_back(row);
    }

    std::mt19937_64 engine(options.seed);
    const std::size_t maxCount = std::size_t(std::max(options.maxCount, 0));
    std::vector<int> &rows = selection.rows;
    switch (options.policy) {
    case SelectionPolicy::Reference: {
        const std::size_t positiveTaken = std::min(positives.size(), maxCount);
        const std::size_t negativeTaken = std::min(negatives.size(), maxCount - positiveTaken);
        rows.assign(positives.begin(), positives.begin() + std::ptrdiff_t(positiveTaken));
        rows.insert(rows.end(), negatives.begin(), negatives.begin() + std::ptrdiff_t(negativeTaken));
        break;
    }
    case SelectionPolicy::Balanced: {
        const std::size_t perClass = std::min({positives.size(), negatives.size(), maxCount / 2});
        DatasetRandom::shuffle(positives, engine);
        DatasetRandom::shuffle(negatives, engine);
        rows.assign(positives.begin(), positives.begin() + std::ptrdiff_t(perClass));
        rows.insert(rows.end(), negatives.begin(), negatives.begin() + std::ptrdiff_t(perClass));
        // Keep file order before the final shuffle, so it alone decides the order.
        std::sort(rows.begin(), rows.end());
        break;
    }
    case SelectionPolicy::All:
        rows.reserve(positives.size() + negatives.size());
        for (int row = 0; row < dataset.rowCount(); ++row) {
            if (!(skipMissing && dataset.imageMissing[std::size_t(row)]))
                rows.push_back(row);
        }
        break;
    }
    DatasetRandom::shuffle(rows, engine);

    for (int row : rows) {
        if (dataset.label(row, selection.attribute) > 0)
            ++selection.positiveCount;
        else
            ++selection.negativeCount;
    }

    if (skipMissing && selection.skippedMissingCount > 0) {
        selection.warnings.append(DatasetSelectionMessages::tr("Rows not considered because their image is missing: %1.")
                                      .arg(selection.skippedMissingCount));
    }
    if (rows.empty()) {
        selection.error = DatasetSelectionMessages::tr("No image is available for attribute '%1': %2 of the %3 rows have "
                                                       "no image on disk. Copy the images into %4.")
                              .arg(dataset.attributeNames.at(selection.attribute))
                              .arg(selection.skippedMissingCount)
                              .arg(dataset.rowCount())
                              .arg(dataset.imageDir);
    } else if (selection.positiveCount == 0 || selection.negativeCount == 0) {
        selection.warnings.append(DatasetSelectionMessages::tr("The selection holds only one class of '%1' (%2 positive, "
                                                               "%3 negative); a classifier cannot learn from it.")
                                      .arg(dataset.attributeNames.at(selection.attribute))
                                      .arg(selection.positiveCount)
                                      .arg(selection.negativeCount));
    }

    qCInfo(lcDataset).noquote() << "Selected" << rows.size() << "rows with policy"
                                << selectionPolicyKey(options.policy) << "seed" << options.seed
                                << ":" << selection.positiveCount << "positive,"
                                << selection.negativeCount << "negative";
    return selection;
}

} // namespace ProfileLens
