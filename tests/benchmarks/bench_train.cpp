// Measures the training step of the reference CNN at batch 100: with LibTorch's default
// settings, and through Trainer with the project's settings. A 1024x1024 matrix multiply in the
// same run gives the machine's ceiling. Results and the command line: README.md here.

#include "classifier_p.h"
#include "trainer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <ATen/Parallel.h>
#include <ATen/Version.h>
#include <torch/nn/functional/loss.h>
#include <torch/optim/adam.h>
#include <torch/utils.h>
#include <torch/version.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using namespace ProfileLens;

namespace {

constexpr int kBatch = 100;
constexpr int kSize = 28;
/// Steps of the reference recipe, for the projected training time.
constexpr int kRecipeSteps = 2000;

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

/// Returns the median GFLOP/s of a 1024x1024 float matrix product (2 * 1024^3 operations).
double matmulGflops(int repeats)
{
    const torch::Tensor a = torch::rand({1024, 1024});
    const torch::Tensor b = torch::rand({1024, 1024});
    torch::Tensor c = torch::mm(a, b); // warm-up
    std::vector<double> rates;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        torch::mm_out(c, a, b);
        rates.push_back(2.0 * 1024 * 1024 * 1024 / double(timer.nsecsElapsed()));
    }
    return median(rates);
}

/// Returns the median milliseconds of a plain training step with whatever settings are active.
double plainStepMs(int warmup, int steps)
{
    torch::manual_seed(1);
    const Classifier classifier = Classifier::create(QStringLiteral("reference"));
    torch::nn::Sequential net = ClassifierPrivate::get(classifier)->net;
    torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(1e-3));
    const torch::Tensor images = torch::rand({kBatch, 1, kSize, kSize});
    const torch::Tensor labels = torch::randint(0, 2, {kBatch}, torch::kInt64);
    net->train();

    std::vector<double> times;
    for (int i = 0; i < warmup + steps; ++i) {
        QElapsedTimer timer;
        timer.start();
        optimizer.zero_grad();
        const torch::Tensor loss =
            torch::nn::functional::cross_entropy(net->forward(images), labels);
        loss.backward();
        optimizer.step();
        (void)loss.item<float>();
        if (i >= warmup)
            times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

/// Random images with random labels: the step time does not depend on the pixel values.
TensorSet randomImages(int count)
{
    std::mt19937 random(3);
    std::uniform_real_distribution<float> pixel(0.0f, 1.0f);
    TensorSet set;
    set.pixels.resize(std::size_t(count) * kSize * kSize);
    for (float &value : set.pixels)
        value = pixel(random);
    for (int i = 0; i < count; ++i)
        set.labels.push_back(i % 2);
    return set;
}

/// Returns the median milliseconds per step of Trainer::train() with the project's settings.
double trainerStepMs(int threads, int warmup, int steps, bool augment)
{
    TrainingOptions options;
    options.steps = warmup + steps;
    options.threads = threads;
    options.augmentation.enabled = augment;
    std::vector<double> elapsed;
    const TrainingResult result = Trainer(options).train(
        randomImages(2000), {},
        [&](const TrainingProgress &progress) { elapsed.push_back(progress.elapsedSeconds); });
    if (!result.isOk()) {
        std::fprintf(stderr, "Training failed: %s\n", qPrintable(result.errorString));
        return -1.0;
    }
    std::vector<double> times;
    for (std::size_t i = std::size_t(warmup); i < elapsed.size(); ++i)
        times.push_back((elapsed[i] - elapsed[i - 1]) * 1e3);
    return median(times);
}

void printBlasConfiguration()
{
    std::printf("BLAS: %s\n", qPrintable(blasDescription()));
    for (const QString &line : QString::fromStdString(at::show_config()).split(QLatin1Char('\n'))) {
        if (line.contains(QLatin1String("BLAS")) || line.contains(QLatin1String("LAPACK")))
            std::printf("  show_config: %s\n", qPrintable(line.trimmed()));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Training-step benchmark of the reference CNN"));
    parser.addHelpOption();
    const QCommandLineOption stepsOption(QStringLiteral("steps"),
                                         QStringLiteral("Measured steps per variant."),
                                         QStringLiteral("count"), QStringLiteral("30"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"),
                                           QStringLiteral("Project setting for LibTorch threads."),
                                           QStringLiteral("count"), QStringLiteral("2"));
    const QCommandLineOption blasOption(QStringLiteral("blas-threads"),
                                        QStringLiteral("OpenBLAS threads in the project phase; 0 "
                                                       "keeps OpenBLAS's own setting."),
                                        QStringLiteral("count"), QStringLiteral("0"));
    parser.addOption(stepsOption);
    parser.addOption(threadsOption);
    parser.addOption(blasOption);
    parser.process(app);
    const int blasThreads = parser.value(blasOption).toInt();
    const int steps = std::max(5, parser.value(stepsOption).toInt());
    const int threads = std::max(1, parser.value(threadsOption).toInt());
    constexpr int kWarmup = 5;

    std::printf("Cores: %d, LibTorch %s\n", QThread::idealThreadCount(), TORCH_VERSION);
    printBlasConfiguration();

    // LibTorch defaults first: the project settings are process-wide and cannot be undone.
    std::printf("\nLibTorch defaults (%d intra-op threads, %d inter-op threads):\n",
                torch::get_num_threads(), at::get_num_interop_threads());
    std::printf("  matmul 1024x1024:     %7.1f GFLOP/s\n", matmulGflops(20));
    const double defaultMs = plainStepMs(kWarmup, steps);
    std::printf("  reference step:       %7.1f ms\n", defaultMs);

    applyThreadSettings(threads);
    if (blasThreads > 0)
        setBlasThreads(blasThreads);
    std::printf("\nProject settings (%d intra-op threads, %d inter-op threads):\n",
                torch::get_num_threads(), at::get_num_interop_threads());
    std::printf("  matmul 1024x1024:     %7.1f GFLOP/s\n", matmulGflops(20));
    const double plainMs = plainStepMs(kWarmup, steps);
    std::printf("  reference step:       %7.1f ms (same loop as the defaults)\n", plainMs);
    const double trainerMs = trainerStepMs(threads, kWarmup, steps, false);
    std::printf("  Trainer step:         %7.1f ms (batch gather included)\n", trainerMs);
    const double augmentedMs = trainerStepMs(threads, kWarmup, steps, true);
    std::printf("  Trainer step, augmented: %4.1f ms\n", augmentedMs);

    std::printf("\nGain over defaults: %.2fx\n", defaultMs / trainerMs);
    std::printf("Projected %d steps: %.0f s (%.0f s with augmentation)\n", kRecipeSteps,
                trainerMs * kRecipeSteps / 1e3, augmentedMs * kRecipeSteps / 1e3);
    return 0;
}
