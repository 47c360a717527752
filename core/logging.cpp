#include "logging.h"

Q_LOGGING_CATEGORY(lcImage, "profilelens.image", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAlign, "profilelens.align", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDataset, "profilelens.dataset", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTrain, "profilelens.train", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProject, "profilelens.project", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDownload, "profilelens.download", QtInfoMsg)
