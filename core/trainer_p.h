#pragma once

// Private: includes LibTorch. Only core sources and tests of internals include it.

#include "trainer.h"

#include <torch/types.h>

#include <random>

namespace ProfileLens {

/**
 * Applies AugmentationSettings to a batch (N x 1 x H x W) and returns a new tensor: one affine
 * resampling for flip, shift and rotation, then brightness and contrast, then blur, low
 * resolution and JPEG compression for some images. The parameters come from \a random, so a
 * run is reproducible from its seed.
 */
torch::Tensor augmentBatch(const torch::Tensor &batch, const AugmentationSettings &settings,
                           std::mt19937_64 &random);

} // namespace ProfileLens
