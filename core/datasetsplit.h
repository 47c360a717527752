#pragma once

#include "dataset.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace ProfileLens {

/// Method that divides selected rows into training, validation and test sets.
enum class SplitMethod {
    /// A seeded random fraction goes to test, stratified by label unless turned off.
    Random,
    /// CelebA's partition file: 0 train, 1 validation, 2 test.
    Official,
    /// Whole groups (people, identities) go to one side, so no group is on both.
    Group,
};

/// Handling of CelebA's validation partition in the official split.
enum class ValidationMode {
    /// Validation rows form their own set.
    Separate,
    /// Validation rows join the training set.
    MergeIntoTrain,
};

/// Parameters of splitRows().
struct SplitOptions
{
    SplitMethod method = SplitMethod::Random;
    /// Share of the rows (Random) or, as nearly as whole groups allow, of the images
    /// (Group) that goes to the test set. Must be greater than 0 and less than 1.
    double testFraction = 0.2;
    /// Seed of the std::mt19937_64 engine behind every random choice.
    std::uint64_t seed = 42;
    /// Keep the share of positives about equal on both sides (Random and Group).
    bool stratify = true;
    /// Used by SplitMethod::Official only.
    ValidationMode validation = ValidationMode::Separate;
};

/// Row indices of each set, with their sizes and positive counts, or the reason the rows
/// could not be split.
struct DatasetSplit
{
    /// Row indices into the dataset, each set in the order of the input rows.
    std::vector<int> train;
    std::vector<int> validation;
    std::vector<int> test;
    int trainPositives = 0;
    int validationPositives = 0;
    int testPositives = 0;
    /// Input rows in no set (no partition in the official split).
    int leftOutCount = 0;
    /// Translated message; empty on success.
    QString error;
    QStringList warnings;

    bool ok() const { return error.isEmpty(); }
    /// Returns a translated one-line report of each set's size and positives.
    QString summary() const;
};

/// Returns the untranslated key of \a method ("random", "official", "group").
QString splitMethodKey(SplitMethod method);
/// Parses a key written by splitMethodKey(); returns false for an unknown key.
bool splitMethodFromKey(const QString &key, SplitMethod *method);

/**
 * Divides \a rows of \a dataset into training, validation and test sets, counting
 * positives of attribute column \a attribute. Each input row lands in at most one set.
 *
 * The group split needs Dataset::groupIds. Rows without a group count as groups of their
 * own. Groups are placed in a seeded random order, each on the side that brings the test
 * set closer to the requested share of images and (when stratifying) of positives. The test
 * set is therefore a random sample of people, not the people with the most photos.
 */
DatasetSplit splitRows(const Dataset &dataset, const std::vector<int> &rows, int attribute,
                       const SplitOptions &options = {});

} // namespace ProfileLens
