#pragma once

#include <QLoggingCategory>

// One logging category per component; enable with QT_LOGGING_RULES="profilelens.*=true".
Q_DECLARE_LOGGING_CATEGORY(lcImage)
Q_DECLARE_LOGGING_CATEGORY(lcAlign)
Q_DECLARE_LOGGING_CATEGORY(lcDataset)
Q_DECLARE_LOGGING_CATEGORY(lcTrain)
Q_DECLARE_LOGGING_CATEGORY(lcProject)
Q_DECLARE_LOGGING_CATEGORY(lcDownload)
