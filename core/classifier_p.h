#pragma once

// Private: includes LibTorch. Only core sources, tests of internals and benchmarks include it.

#include "classifier.h"
#include "tensordata.h"

#include <QList>
#include <QRect>

#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>

#include <atomic>
#include <exception>
#include <functional>
#include <string>
#include <vector>

namespace ProfileLens {

/// Builds the layers of one architecture for images of the given size.
using ClassifierBuilder = torch::nn::Sequential (*)(int height, int width);

/// One entry of the architecture registry.
struct ArchitectureEntry
{
    const char *name;
    const char *description;
    /// Smallest width and height the layers accept (each 2x pooling halves the size).
    int minimumInputSize;
    ClassifierBuilder build;
};

/// The registry, the default architecture first. Add an architecture by adding a row here.
const std::vector<ArchitectureEntry> &architectureRegistry();
const ArchitectureEntry *findArchitecture(const QString &name);

class ClassifierPrivate
{
public:
    QString architecture;
    QSize inputSize;
    int members = 1;
    bool mirror = false;
    /// Part of the input each network reads, one per network; empty when all read all of it.
    QList<QRect> memberInputs;
    /// Input N x 1 x H x W float, output N x 2 logits. An averaging classifier contains one
    /// "average" module whose logits are the logarithms of the mean probabilities.
    torch::nn::Sequential net{nullptr};

    static Classifier wrap(std::shared_ptr<ClassifierPrivate> d) { return Classifier(std::move(d)); }
    static ClassifierPrivate *get(const Classifier &classifier) { return classifier.d.get(); }
};

/// Parameters and buffers with their dotted names ("conv1.weight", "bn1.running_mean").
std::vector<std::pair<std::string, torch::Tensor>> namedState(const torch::nn::Module &module);

/// Copies every parameter and buffer of \a from into \a to; both must have the same layout.
void copyState(const torch::nn::Module &from, torch::nn::Module &to);

/// Returns a contiguous N x 1 x H x W float tensor that shares memory with \a set's pixels.
torch::Tensor imagesAsTensor(const TensorSet &set);

/// Returns the labels as an int64 tensor (a copy).
torch::Tensor labelsAsTensor(const TensorSet &set);

/**
 * Sets LibTorch's intra-op threads when \a threads > 0, and its inter-op threads to 1 on the first
 * call: the networks here run one operator at a time, so a second inter-op pool only adds idle
 * threads. Both settings are process-wide.
 */
void applyThreadSettings(int threads);

/**
 * Sets the threads of OpenBLAS's own pool, which LibTorch's matrix products use, when OpenBLAS is
 * the loaded BLAS; returns false otherwise.
 */
bool setBlasThreads(int threads);

/// Names the BLAS library in use, such as OpenBLAS's configuration string.
QString blasDescription();

/**
 * Returns the N x 2 logits of \a images (N x 1 x H x W) in batches of \a batchSize, in evaluation
 * mode without autograd, and restores the network's training mode afterwards. Checks \a cancel
 * before each batch and returns an undefined tensor when it is set.
 */
torch::Tensor evaluateLogits(torch::nn::Sequential &net, const torch::Tensor &images, int batchSize,
                             const std::atomic<bool> *cancel = nullptr,
                             const std::function<void(int done, int total)> &progress = {});

/// Returns the message of a LibTorch or standard exception without LibTorch's C++ backtrace.
QString exceptionMessage(const std::exception &error);

} // namespace ProfileLens
