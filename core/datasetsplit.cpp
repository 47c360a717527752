#include "datasetsplit.h"

#include "datasetrandom_p.h"
#include "logging.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <cmath>

namespace ProfileLens {

namespace {

// The "ProfileLens::Dataset" translation context, declared so that lupdate can read it.
struct DatasetSplitMessages
{
    Q_DECLARE_TR_FUNCTIONS(ProfileLens::Dataset)
};

enum class Side : std::uint8_t { Train, Validation, Test, LeftOut };

/// Places each row by the official partition.
void assignOfficial(const Dataset &dataset, const std::vector<int> &rows,
                    const SplitOptions &options, std::vector<Side> &sides)
{
    for (std::size_t i = 0; i < rows.size(); ++i) {
        switch (dataset.partition(rows[i])) {
        case Partition::Train:
            sides[i] = Side::Train;
            break;
        case Partition::Validation:
            sides[i] = options.validation == ValidationMode::Separate ? Side::Validation
                                                                      : Side::Train;
            break;
        case Partition::Test:
            sides[i] = Side::Test;
            break;
        case Partition::None:
            sides[i] = Side::LeftOut;
            break;
        }
    }
}

/// Sends a seeded random round(fraction * count) of each class (or of all rows) to test.
void assignRandom(const std::vector<std::uint8_t> &positive, const SplitOptions &options,
                  std::vector<Side> &sides)
{
    std::mt19937_64 engine(options.seed);
    std::vector<std::vector<std::size_t>> strata(options.stratify ? 2 : 1);
    for (std::size_t i = 0; i < positive.size(); ++i)
        strata[options.stratify ? positive[i] : 0].push_back(i);

    std::fill(sides.begin(), sides.end(), Side::Train);
    for (std::vector<std::size_t> &stratum : strata) {
        DatasetRandom::shuffle(stratum, engine);
        const auto testCount = std::size_t(std::llround(options.testFraction * double(stratum.size())));
        for (std::size_t k = 0; k < testCount; ++k)
            sides[stratum[k]] = Side::Test;
    }
}

struct GroupTally
{
    int images = 0;
    int positives = 0;
    std::vector<std::size_t> members;
};

/// Places whole groups in a seeded random order on the side that brings the test share of
/// images and positives closest to the target.
void assignGroups(const Dataset &dataset, const std::vector<int> &rows,
                  const std::vector<std::uint8_t> &positive, const SplitOptions &options,
                  std::vector<Side> &sides)
{
    // Tally the groups in order of first appearance; rows without a group stand alone.
    std::vector<GroupTally> groups;
    QHash<int, int> tallyOfGroup;
    int totalPositives = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const int groupId = dataset.groupIds[std::size_t(rows[i])];
        const auto found = groupId >= 0 ? tallyOfGroup.constFind(groupId)
                                        : tallyOfGroup.constEnd();
        int tally = 0;
        if (found != tallyOfGroup.constEnd()) {
            tally = found.value();
        } else {
            tally = int(groups.size());
            groups.emplace_back();
            if (groupId >= 0)
                tallyOfGroup.insert(groupId, tally);
        }
        GroupTally &group = groups[std::size_t(tally)];
        ++group.images;
        group.positives += positive[i];
        group.members.push_back(i);
        totalPositives += positive[i];
    }

    // A random order, not largest first. Largest first fills the test set's positives with
    // the few people who have the most photos (on LFW, 22 people for 383 photos with
    // eyeglasses), and a test set of so few people measures little.
    std::vector<std::size_t> order(groups.size());
    for (std::size_t g = 0; g < order.size(); ++g)
        order[g] = g;
    std::mt19937_64 engine(options.seed);
    DatasetRandom::shuffle(order, engine);

    const double total = double(rows.size());
    const double targetImages = options.testFraction * total;
    const double targetPositives = options.testFraction * double(totalPositives);
    const double positiveWeight = options.stratify && totalPositives > 0 ? 1.0 : 0.0;
    const auto cost = [&](double images, double positives) {
        const double imageError = (images - targetImages) / total;
        const double positiveError =
            totalPositives > 0 ? (positives - targetPositives) / double(totalPositives) : 0.0;
        return imageError * imageError + positiveWeight * positiveError * positiveError;
    };

    // Greedy placement in that order.
    std::vector<std::uint8_t> inTest(groups.size(), 0);
    double testImages = 0;
    double testPositives = 0;
    for (std::size_t g : order) {
        const GroupTally &group = groups[g];
        const double withGroup = cost(testImages + group.images, testPositives + group.positives);
        if (withGroup >= cost(testImages, testPositives))
            continue;
        inTest[g] = 1;
        testImages += group.images;
        testPositives += group.positives;
    }

    // Groups placed early can leave the test set over its target once the positives are
    // matched. Moving single groups either way while that lowers the cost corrects it;
    // the cost only falls, so the passes end.
    constexpr int kMaxRefinementPasses = 20;
    for (int pass = 0; pass < kMaxRefinementPasses; ++pass) {
        bool moved = false;
        for (std::size_t g : order) {
            const GroupTally &group = groups[g];
            const double sign = inTest[g] ? -1.0 : 1.0;
            const double images = testImages + sign * group.images;
            const double positives = testPositives + sign * group.positives;
            if (cost(images, positives) >= cost(testImages, testPositives))
                continue;
            inTest[g] = inTest[g] ? 0 : 1;
            testImages = images;
            testPositives = positives;
            moved = true;
        }
        if (!moved)
            break;
    }

    std::fill(sides.begin(), sides.end(), Side::Train);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (!inTest[g])
            continue;
        for (std::size_t member : groups[g].members)
            sides[member] = Side::Test;
    }
}

} // namespace

QString DatasetSplit::summary() const
{
    QString text = DatasetSplitMessages::tr("train %1 images (%2 positive)")
                       .arg(train.size())
                       .arg(trainPositives);
    if (!validation.empty()) {
        text += DatasetSplitMessages::tr(", validation %1 images (%2 positive)")
                    .arg(validation.size())
                    .arg(validationPositives);
    }
    text += DatasetSplitMessages::tr(", test %1 images (%2 positive)").arg(test.size()).arg(testPositives);
    if (leftOutCount > 0)
        text += DatasetSplitMessages::tr(", %1 left out").arg(leftOutCount);
    return text;
}

QString splitMethodKey(SplitMethod method)
{
    switch (method) {
    case SplitMethod::Random:
        return QStringLiteral("random");
    case SplitMethod::Official:
        return QStringLiteral("official");
    case SplitMethod::Group:
        return QStringLiteral("group");
    }
    return {};
}

bool splitMethodFromKey(const QString &key, SplitMethod *method)
{
    for (SplitMethod candidate : {SplitMethod::Random, SplitMethod::Official, SplitMethod::Group}) {
        if (key.compare(splitMethodKey(candidate), Qt::CaseInsensitive) == 0) {
            *method = candidate;
            return true;
        }
    }
    return false;
}

DatasetSplit splitRows(const Dataset &dataset, const std::vector<int> &rows, int attribute,
                       const SplitOptions &options)
{
    DatasetSplit split;

    // Check the request.
    if (attribute < 0 || attribute >= dataset.attributeCount()) {
        split.error = DatasetSplitMessages::tr("Attribute column %1 does not exist; the dataset has %2 attributes.")
                          .arg(attribute)
                          .arg(dataset.attributeCount());
        return split;
    }
    for (int row : rows) {
        if (row < 0 || row >= dataset.rowCount()) {
            split.error = DatasetSplitMessages::tr("Row %1 does not exist; the dataset has %2 rows.")
                              .arg(row)
                              .arg(dataset.rowCount());
            return split;
        }
    }
    const bool fractionUsed = options.method != SplitMethod::Official;
    if (fractionUsed && !(options.testFraction > 0.0 && options.testFraction < 1.0)) {
        split.error = DatasetSplitMessages::tr("The test fraction must be greater than 0 and less than 1, not %1.")
                          .arg(options.testFraction);
        return split;
    }
    if (options.method == SplitMethod::Official && !dataset.hasPartitions()) {
        split.error = DatasetSplitMessages::tr("The official split needs list_eval_partition.txt next to the "
                                               "attribute file, and %1 has none. Choose the random or group split.")
                          .arg(dataset.labelFile);
        return split;
    }
    if (options.method == SplitMethod::Group && !dataset.hasGroups()) {
        split.error = DatasetSplitMessages::tr("The group split needs a 'group' or 'person' column (or "
                                               "identity_CelebA.txt), and %1 has none. Choose the random split.")
                          .arg(dataset.labelFile);
        return split;
    }

    // Place each row.
    std::vector<std::uint8_t> positive(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        positive[i] = dataset.label(rows[i], attribute) > 0 ? 1 : 0;
    std::vector<Side> sides(rows.size(), Side::Train);
    switch (options.method) {
    case SplitMethod::Random:
        assignRandom(positive, options, sides);
        break;
    case SplitMethod::Official:
        assignOfficial(dataset, rows, options, sides);
        break;
    case SplitMethod::Group:
        assignGroups(dataset, rows, positive, options, sides);
        break;
    }

    // Collect the sets in input order.
    for (std::size_t i = 0; i < rows.size(); ++i) {
        switch (sides[i]) {
        case Side::Train:
            split.train.push_back(rows[i]);
            split.trainPositives += positive[i];
            break;
        case Side::Validation:
            split.validation.push_back(rows[i]);
            split.validationPositives += positive[i];
            break;
        case Side::Test:
            split.test.push_back(rows[i]);
            split.testPositives += positive[i];
            break;
        case Side::LeftOut:
            ++split.leftOutCount;
            break;
        }
    }

    if (split.leftOutCount > 0) {
        split.warnings.append(DatasetSplitMessages::tr("%1 selected rows have no partition and were left out.")
                                  .arg(split.leftOutCount));
    }
    if (split.train.empty() || split.test.empty()) {
        split.error = options.method == SplitMethod::Group
                          ? DatasetSplitMessages::tr("The split left the training or the test set empty (%1). Select "
                                                     "images of more people.")
                                .arg(split.summary())
                          : DatasetSplitMessages::tr("The split left the training or the test set empty (%1). Select "
                                                     "more images.")
                                .arg(split.summary());
        return split;
    }

    qCInfo(lcDataset).noquote() << "Split" << rows.size() << "rows by"
                                << splitMethodKey(options.method) << "seed" << options.seed
                                << ":" << split.summary();
    return split;
}

} // namespace ProfileLens
