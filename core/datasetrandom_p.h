#pragma once

// Reproducible shuffling for dataset selection and splits. std::shuffle and
// std::uniform_int_distribution are implementation-defined, so the same seed would give
// different orders with libstdc++, libc++ and MSVC. std::mt19937_64's output sequence is
// fixed by the C++ standard, and the two functions below are written out here, so a seed
// gives the same order with every compiler.

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace ProfileLens::DatasetRandom {

/// Returns a uniformly distributed integer in [0, bound) by rejection sampling, so no value
/// is favoured. \a bound must be at least 1.
inline std::uint64_t boundedRandom(std::mt19937_64 &engine, std::uint64_t bound)
{
    // Values at or above `limit` would make the low remainders more likely; draw again.
    const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % bound + 1) % bound;
    std::uint64_t value = engine();
    while (value > limit)
        value = engine();
    return value % bound;
}

/// Shuffles \a items in place with the Fisher-Yates algorithm (from the back).
template<typename T>
void shuffle(std::vector<T> &items, std::mt19937_64 &engine)
{
    for (std::size_t i = items.size(); i > 1; --i) {
        const std::size_t j = std::size_t(boundedRandom(engine, i));
        std::swap(items[i - 1], items[j]);
    }
}

} // namespace ProfileLens::DatasetRandom
