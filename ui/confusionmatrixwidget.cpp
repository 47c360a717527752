#include "confusionmatrixwidget.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace ProfileLens {

namespace {

/// Cell colours at rate 1; lower rates blend toward the window background.
const QColor kCorrectColor(0x2f, 0x6f, 0xb5);
const QColor kErrorColor(0xc0, 0x39, 0x2b);

QColor blend(const QColor &from, const QColor &to, double amount)
{
    const double a = std::clamp(amount, 0.0, 1.0);
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * a),
                            float(from.greenF() + (to.greenF() - from.greenF()) * a),
                            float(from.blueF() + (to.blueF() - from.blueF()) * a));
}

} // namespace

ConfusionMatrixWidget::ConfusionMatrixWidget(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setAccessibleName(tr("Confusion matrix"));
    updateAccessibleText();
}

void ConfusionMatrixWidget::setMatrix(const ConfusionMatrix &matrix, const ClassNames &classNames)
{
    if (matrix == m_matrix && classNames.negative == m_classNames.negative
        && classNames.positive == m_classNames.positive)
        return;
    m_matrix = matrix;
    m_classNames = classNames;
    updateAccessibleText();
    update();
}

ConfusionMatrix ConfusionMatrixWidget::matrix() const
{
    return m_matrix;
}

ClassNames ConfusionMatrixWidget::classNames() const
{
    return m_classNames;
}

qint64 ConfusionMatrixWidget::count(int actualClass, int predictedClass) const
{
    if (actualClass == 1)
        return predictedClass == 1 ? m_matrix.truePositives : m_matrix.falseNegatives;
    return predictedClass == 1 ? m_matrix.falsePositives : m_matrix.trueNegatives;
}

double ConfusionMatrixWidget::rate(int actualClass, int predictedClass) const
{
    const qint64 rowTotal = actualClass == 1 ? m_matrix.actualPositives() : m_matrix.actualNegatives();
    return rowTotal > 0 ? double(count(actualClass, predictedClass)) / double(rowTotal) : 0.0;
}

QRect ConfusionMatrixWidget::gridRect() const
{
    const QFontMetrics metrics(font());
    const int lineHeight = metrics.height();
    const int top = 2 * lineHeight + 8;
    const int rowNameWidth =
        std::max(metrics.horizontalAdvance(m_classNames.negative),
                 metrics.horizontalAdvance(m_classNames.positive));
    const int left = std::min(width() / 3, lineHeight + 8 + rowNameWidth + 8);
    return QRect(left, top, std::max(0, width() - left - 4), std::max(0, height() - top - 4));
}

QRect ConfusionMatrixWidget::cellRect(int actualClass, int predictedClass) const
{
    const QRect grid = gridRect();
    const int cellWidth = grid.width() / 2;
    const int cellHeight = grid.height() / 2;
    return QRect(grid.left() + predictedClass * cellWidth, grid.top() + actualClass * cellHeight,
                 cellWidth, cellHeight);
}

QPoint ConfusionMatrixWidget::cellAt(const QPoint &position) const
{
    for (int actual = 0; actual < 2; ++actual) {
        for (int predicted = 0; predicted < 2; ++predicted) {
            if (cellRect(actual, predicted).contains(position))
                return QPoint(actual, predicted);
        }
    }
    return QPoint(-1, -1);
}

QSize ConfusionMatrixWidget::sizeHint() const
{
    return QSize(360, 220);
}

QSize ConfusionMatrixWidget::minimumSizeHint() const
{
    const int lineHeight = QFontMetrics(font()).height();
    return QSize(200, 2 * lineHeight + 8 + 2 * (3 * lineHeight + 8));
}

void ConfusionMatrixWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &colors = palette();
    const QFontMetrics metrics(font());
    const int lineHeight = metrics.height();
    const QRect grid = gridRect();
    const QString names[2] = {m_classNames.negative, m_classNames.positive};

    // Headings
    painter.setPen(colors.color(QPalette::WindowText));
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(QRect(grid.left(), 0, grid.width(), lineHeight), Qt::AlignCenter,
                     tr("Predicted"));
    painter.save();
    painter.translate(2, grid.center().y());
    painter.rotate(-90);
    painter.drawText(QRect(-grid.height() / 2, 0, grid.height(), lineHeight), Qt::AlignCenter,
                     tr("Actual"));
    painter.restore();
    painter.setFont(font());
    for (int i = 0; i < 2; ++i) {
        const QRect column = cellRect(0, i);
        painter.drawText(QRect(column.left(), lineHeight + 4, column.width(), lineHeight),
                         Qt::AlignCenter, metrics.elidedText(names[i], Qt::ElideRight, column.width()));
        const QRect row = cellRect(i, 0);
        const int nameLeft = lineHeight + 6;
        const QRect nameRect(nameLeft, row.top(), grid.left() - nameLeft - 4, row.height());
        painter.drawText(nameRect, Qt::AlignRight | Qt::AlignVCenter,
                         metrics.elidedText(names[i], Qt::ElideRight, nameRect.width()));
    }

    // Cells
    const QColor background = colors.color(QPalette::Base);
    const QLocale locale;
    QFont countFont = font();
    countFont.setPointSizeF(font().pointSizeF() * 1.5);
    countFont.setBold(true);
    for (int actual = 0; actual < 2; ++actual) {
        for (int predicted = 0; predicted < 2; ++predicted) {
            const QRect cell = cellRect(actual, predicted).adjusted(2, 2, -2, -2);
            const double cellRate = rate(actual, predicted);
            const QColor fill = blend(background, actual == predicted ? kCorrectColor : kErrorColor,
                                      0.15 + 0.85 * cellRate);
            painter.setPen(Qt::NoPen);
            painter.setBrush(fill);
            painter.drawRoundedRect(cell, 4, 4);
            if (hasFocus() && m_current == QPoint(predicted, actual)) {
                painter.setPen(QPen(colors.color(QPalette::Highlight), 3));
                painter.setBrush(Qt::NoBrush);
                painter.drawRoundedRect(cell.adjusted(1, 1, -1, -1), 4, 4);
            }
            // Dark text on light cells, light text on dark ones.
            painter.setPen(fill.lightnessF() > 0.55 ? QColor(Qt::black) : QColor(Qt::white));
            const QRect upper(cell.left(), cell.top(), cell.width(), cell.height() / 2 + 4);
            const QRect lower(cell.left(), cell.center().y() + 4, cell.width(), cell.height() / 2 - 4);
            painter.setFont(countFont);
            painter.drawText(upper, Qt::AlignHCenter | Qt::AlignBottom,
                             locale.toString(count(actual, predicted)));
            painter.setFont(font());
            painter.drawText(lower, Qt::AlignHCenter | Qt::AlignTop,
                             tr("%1% of row").arg(locale.toString(100.0 * cellRate, 'f', 1)));
        }
    }
}

void ConfusionMatrixWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const QPoint cell = cellAt(event->position().toPoint());
    if (cell.x() < 0)
        return;
    m_current = QPoint(cell.y(), cell.x());
    update();
    Q_EMIT cellClicked(cell.x(), cell.y());
}

void ConfusionMatrixWidget::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
        m_current.setX(1 - m_current.x());
        update();
        return;
    case Qt::Key_Up:
    case Qt::Key_Down:
        m_current.setY(1 - m_current.y());
        update();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        Q_EMIT cellClicked(m_current.y(), m_current.x());
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void ConfusionMatrixWidget::updateAccessibleText()
{
    const QLocale locale;
    const QString names[2] = {m_classNames.negative, m_classNames.positive};
    QStringList cells;
    for (int actual = 0; actual < 2; ++actual) {
        for (int predicted = 0; predicted < 2; ++predicted) {
            cells << tr("actual %1, predicted %2: %3 images, %4% of the actual class")
                         .arg(names[actual], names[predicted],
                              locale.toString(count(actual, predicted)),
                              locale.toString(100.0 * rate(actual, predicted), 'f', 1));
        }
    }
    setAccessibleDescription(cells.join(QLatin1String("; ")));
    setToolTip(tr("Click a cell to list its images"));
}

} // namespace ProfileLens
