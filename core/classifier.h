#pragma once

#include <QList>
#include <QRect>
#include <QSize>
#include <QString>

#include <memory>

namespace ProfileLens {

class ClassifierPrivate;

/**
 * A binary image classifier network, chosen by architecture name.
 *
 * The network reads a batch of grayscale images (N x 1 x height x width, values in [0, 1]) and
 * returns two logits per image: class 0 (attribute absent) and class 1 (attribute present).
 *
 * Copies share the same network, like a Qt explicitly shared handle: training one copy changes
 * the others. Use clone() for an independent copy. A classifier must not be trained and used for
 * prediction from two threads at once.
 */
class Classifier
{
public:
    /// A registered architecture.
    struct Architecture
    {
        QString name;
        /// One line for users, such as the layer list.
        QString description;
    };

    /// The architecture of models trained without an explicit choice.
    static QString defaultArchitecture();
    /// All registered architectures, the default first.
    static QList<Architecture> architectures();
    static bool isKnownArchitecture(const QString &name);

    /**
     * Builds a network with freshly initialised weights, drawn from LibTorch's global random
     * generator (seed it first for reproducible weights). Returns a null classifier and sets
     * \a errorString when the name is unknown or the input size too small for the architecture.
     */
    static Classifier create(const QString &architecture, QSize inputSize = QSize(28, 28),
                             QString *errorString = nullptr);

    /**
     * Builds an averaging classifier with freshly initialised weights: \a members networks of
     * one architecture, and with \a mirror each network also reads the mirror image of every
     * face. Its probability is the mean of all of theirs. ModelFile uses this to rebuild a
     * saved combination before reading its weights.
     */
    static Classifier createAveraged(const QString &architecture, QSize inputSize, int members,
                                     bool mirror, QString *errorString = nullptr);

    /**
     * Returns a classifier whose probability is the mean of those of \a members (copied), and
     * with \a mirror also of their probabilities for the mirror image of each face. The
     * members must be single networks of the same architecture and input size. Returns a null
     * classifier and sets \a errorString otherwise.
     */
    static Classifier combine(const QList<Classifier> &members, bool mirror,
                              QString *errorString = nullptr);

    /**
     * Builds an averaging classifier with freshly initialised weights whose network i reads
     * only the part \a memberInputs[i] of the \a inputSize input, and with \a mirror also the
     * mirror image of that part. ModelFile uses this to rebuild a saved combination of parts.
     */
    static Classifier createWithParts(const QString &architecture, QSize inputSize,
                                      const QList<QRect> &memberInputs, bool mirror,
                                      QString *errorString = nullptr);

    /**
     * Returns a classifier for an input of \a inputSize that runs each of \a parts (copied) on
     * its place \a placements[i] in the input. Its probability is the mean of all the parts'
     * networks, each weighing the same, and with \a mirror also on the mirror image of each
     * place. The parts must share one architecture and each read an input of its place's
     * size. Returns a null classifier and sets \a errorString otherwise.
     */
    static Classifier combineParts(const QList<Classifier> &parts, const QList<QRect> &placements,
                                   QSize inputSize, bool mirror, QString *errorString = nullptr);

    /// Largest number of networks in one averaging classifier.
    static constexpr int kMaximumMembers = 16;

    /// Creates a null classifier.
    Classifier();
    ~Classifier();
    Classifier(const Classifier &other);
    Classifier &operator=(const Classifier &other);

    bool isNull() const;
    QString architecture() const;
    /// Width and height of the images the network reads.
    QSize inputSize() const;
    /// Number of trainable values.
    qint64 parameterCount() const;
    /// Number of networks whose probabilities are averaged; 1 for a single network.
    int memberCount() const;
    /// Whether the mirror image of each face is averaged in too.
    bool averagesMirror() const;
    /// The part of the input each network reads, one per network; empty when every network
    /// reads all of it.
    QList<QRect> memberInputs() const;
    /// Whether this is one plain network, the only kind the trainer accepts.
    bool isSingleNetwork() const
    {
        return memberCount() == 1 && !averagesMirror() && memberInputs().isEmpty();
    }

    /// Returns a deep copy with its own weights.
    Classifier clone() const;
    /// Returns a deep copy whose weights are rounded to half precision, as a model file saved
    /// with WeightPrecision::Float16 reads back.
    Classifier roundedToHalf() const;

private:
    friend class ClassifierPrivate;
    static Classifier createAveraged(const QString &architecture, QSize inputSize, int members,
                                     bool mirror, const QList<QRect> &memberInputs,
                                     QString *errorString);
    explicit Classifier(std::shared_ptr<ClassifierPrivate> d);

    std::shared_ptr<ClassifierPrivate> d;
};

} // namespace ProfileLens
