// Renders an SVG icon into PNG files of the hicolor icon theme sizes, at build time.
// Usage: renderappicon SVG OUTPUT_DIR ICON_NAME SIZE...
// Writes OUTPUT_DIR/<size>x<size>/apps/ICON_NAME.png for every SIZE.

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    // The offscreen platform lets the tool run in a build without a display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 5) {
        std::fprintf(stderr, "Usage: renderappicon SVG OUTPUT_DIR ICON_NAME SIZE...\n");
        return 2;
    }
    const QString svgPath = arguments.at(1);
    const QDir outputDir(arguments.at(2));
    const QString iconName = arguments.at(3);

    QSvgRenderer renderer(svgPath);
    if (!renderer.isValid()) {
        std::fprintf(stderr, "renderappicon: %s is missing or not a valid SVG file.\n",
                     qPrintable(svgPath));
        return 1;
    }

    for (const QString &sizeText : arguments.mid(4)) {
        bool ok = false;
        const int size = sizeText.toInt(&ok);
        if (!ok || size < 1 || size > 4096) {
            std::fprintf(stderr, "renderappicon: invalid size \"%s\"; use a number of pixels "
                                 "from 1 to 4096.\n",
                         qPrintable(sizeText));
            return 2;
        }

        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter, QRectF(0, 0, size, size));
        painter.end();

        const QString folder = QStringLiteral("%1x%1/apps").arg(size);
        const QString path = outputDir.filePath(folder + QLatin1Char('/') + iconName
                                                + QStringLiteral(".png"));
        if (!outputDir.mkpath(folder) || !image.save(path, "PNG")) {
            std::fprintf(stderr, "renderappicon: cannot write %s; check that the folder is "
                                 "writable.\n",
                         qPrintable(path));
            return 1;
        }
    }
    return 0;
}
