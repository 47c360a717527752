// Child process for tst_projectstore's crash test: labels every (image, attribute) pair of a
// project one at a time and prints "<image id> <attribute> <value>" on stdout after each
// setLabel() has returned, so every printed line is a label the store confirmed as committed.
//
// Usage: labelwriter_helper PROJECT_FOLDER DELAY_MS

#include "projectstore.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: labelwriter_helper PROJECT_FOLDER DELAY_MS\n");
        return 2;
    }
    const int delayMs = args.at(2).toInt();

    ProfileLens::ProjectStore store;
    const ProfileLens::StoreStatus opened = store.open(args.at(1));
    if (!opened.isOk()) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.errorString));
        return 1;
    }
    const auto images = store.images();
    const auto attributes = store.attributes();
    if (!images.isOk() || !attributes.isOk()) {
        std::fprintf(stderr, "cannot list the project\n");
        return 1;
    }

    int n = 0;
    for (const QString &attribute : attributes.value) {
        for (const ProfileLens::ImageRecord &image : images.value) {
            const auto value = static_cast<ProfileLens::LabelValue>(n++ % 3);
            const ProfileLens::StoreStatus status = store.setLabel(image.id, attribute, value);
            if (!status.isOk()) {
                std::fprintf(stderr, "%s\n", qPrintable(status.errorString));
                return 1;
            }
            std::printf("%lld %s %s\n", static_cast<long long>(image.id), qPrintable(attribute),
                        qPrintable(ProfileLens::labelValueKey(value)));
            std::fflush(stdout);
            if (delayMs > 0)
                QThread::msleep(static_cast<unsigned long>(delayMs));
        }
    }
    return 0;
}
