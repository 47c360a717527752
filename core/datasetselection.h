#pragma once

#include "dataset.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace ProfileLens {

/// Policy for picking the rows of a dataset used in training and evaluation.
enum class SelectionPolicy {
    /// Every positive in file order, then negatives in file order until maxCount rows are
    /// taken, then a seeded shuffle. Reproduces the reference training set.
    Reference,
    /// The same number of positives and negatives (as many as the smaller class allows,
    /// up to maxCount in total), each drawn at random with the seed, then shuffled.
    Balanced,
    /// Every usable row, shuffled with the seed.
    All,
};

/// Parameters of selectRows().
struct SelectionOptions
{
    /// Attribute whose labels decide positives and negatives (matched case-insensitively).
    QString attribute = QStringLiteral("Eyeglasses");
    SelectionPolicy policy = SelectionPolicy::Reference;
    /// Most rows selected by Reference and Balanced; All ignores it.
    int maxCount = 80000;
    /// Seed of the std::mt19937_64 engine behind every random choice.
    std::uint64_t seed = 42;
    /// Leave out rows whose image was found missing (only when images were checked).
    bool skipMissingImages = true;
};

/// Rows chosen by selectRows(), or the reason nothing was chosen.
struct DatasetSelection
{
    /// Row indices into the dataset, in the shuffled order.
    std::vector<int> rows;
    /// Attribute column the selection was made for, or -1 on error.
    int attribute = -1;
    int positiveCount = 0;
    int negativeCount = 0;
    /// Rows not considered because their image is missing.
    int skippedMissingCount = 0;
    /// Translated message; empty on success.
    QString error;
    QStringList warnings;

    bool ok() const { return error.isEmpty(); }
};

/// Returns the untranslated key of \a policy ("reference", "balanced", "all").
QString selectionPolicyKey(SelectionPolicy policy);
/// Parses a key written by selectionPolicyKey(); returns false for an unknown key.
bool selectionPolicyFromKey(const QString &key, SelectionPolicy *policy);

/// Picks rows of \a dataset for \a options.attribute under \a options.policy. The result
/// depends only on the dataset, the options and the seed, on every platform.
DatasetSelection selectRows(const Dataset &dataset, const SelectionOptions &options = {});

} // namespace ProfileLens
