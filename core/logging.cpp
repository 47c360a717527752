#include "logging.h"

Q_LOGGING_CATEGORY(lcImage, "profilelens.image", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAlign, "profilelens.align", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDataset, "profilelens.dataset", QtWarningMsg)
Q_LOGGING_CATEGORY(lcTrain, "profilelens.train", QtWarningMsg)
Q_LOGGING_CATEGORY(lcProject, "profilelens.project", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDownload, "profilelens.download", QtWarningMsg)
