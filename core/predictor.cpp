#include "predictor.h"
#include "classifier_p.h"
#include "logging.h"

#include <QCoreApplication>

#include <c10/core/InferenceMode.h>

namespace ProfileLens {

namespace {

// The "Predictor" translation context, declared so that lupdate can read it.
struct PredictorMessages
{
    Q_DECLARE_TR_FUNCTIONS(Predictor)
};

} // namespace

Predictor::Predictor(const Classifier &classifier, int threads)
    : m_classifier(classifier)
    , m_threads(threads)
{
}

PredictionResult Predictor::predict(const TensorSet &images,
                                    const PredictionProgressCallback &progress,
                                    const std::atomic<bool> *cancel) const
{
    PredictionResult result;
    if (m_classifier.isNull()) {
        result.errorString = PredictorMessages::tr("No model is loaded, so there is nothing to predict with.");
        return result;
    }
    const QString invalid = images.validate(false);
    if (!invalid.isEmpty()) {
        result.errorString = invalid;
        return result;
    }
    const QSize inputSize = m_classifier.inputSize();
    if (images.width != inputSize.width() || images.height != inputSize.height()) {
        result.errorString = PredictorMessages::tr("The images are %1x%2 pixels, but the model reads %3x%4.")
                                 .arg(images.width)
                                 .arg(images.height)
                                 .arg(inputSize.width())
                                 .arg(inputSize.height());
        return result;
    }
    if (images.isEmpty())
        return result;

    try {
        applyThreadSettings(m_threads);
        torch::nn::Sequential net = ClassifierPrivate::get(m_classifier)->net;
        const torch::Tensor logits =
            evaluateLogits(net, imagesAsTensor(images), m_batchSize, cancel, progress);
        if (!logits.defined()) {
            result.canceled = true;
            return result;
        }

        const torch::Tensor positive = torch::softmax(logits, 1).select(1, 1).contiguous();
        const float *data = positive.data_ptr<float>();
        result.probabilities.assign(data, data + positive.numel());
    } catch (const std::exception &error) {
        result.errorString = PredictorMessages::tr("Prediction failed: %1").arg(exceptionMessage(error));
        qCWarning(lcTrain).noquote() << result.errorString;
    }
    return result;
}

float Predictor::predictOne(const std::vector<float> &pixels, QString *errorString) const
{
    const QSize inputSize = m_classifier.inputSize();
    TensorSet single;
    single.width = inputSize.width();
    single.height = inputSize.height();
    if (int(pixels.size()) != single.pixelsPerImage()) {
        if (errorString)
            *errorString = PredictorMessages::tr("The image has %1 values, but the model reads %2x%3 = %4.")
                               .arg(qulonglong(pixels.size()))
                               .arg(single.width)
                               .arg(single.height)
                               .arg(single.pixelsPerImage());
        return -1.0f;
    }
    single.pixels = pixels;

    const PredictionResult result = predict(single);
    if (!result.isOk() || result.probabilities.size() != 1) {
        if (errorString)
            *errorString = result.errorString;
        return -1.0f;
    }
    if (errorString)
        errorString->clear();
    return result.probabilities.front();
}

SplitPredictions Predictor::predictSplits(const TensorSet &training, const TensorSet &test,
                                          const std::atomic<bool> *cancel) const
{
    SplitPredictions predictions;
    predictions.training = predict(training, {}, cancel);
    predictions.test = predict(test, {}, cancel);
    return predictions;
}

} // namespace ProfileLens
