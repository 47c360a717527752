#pragma once

#include "metrics.h"

#include <QPoint>
#include <QWidget>

namespace ProfileLens {

/**
 * A 2x2 confusion matrix: rows are the actual class, columns the predicted class, class 0
 * first. Each cell shows its count and its share of the row (the row-normalised rate), and
 * its colour deepens with that rate: blue for correct decisions, red for errors.
 *
 * Cells can be clicked, or chosen with the arrow keys and activated with Enter or Space.
 * The accessible description reads all four cells.
 */
class ConfusionMatrixWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ConfusionMatrixWidget(QWidget *parent = nullptr);

    void setMatrix(const ConfusionMatrix &matrix, const ClassNames &classNames);
    ConfusionMatrix matrix() const;
    ClassNames classNames() const;

    /// Returns the count of the cell (actual class, predicted class), each 0 or 1.
    qint64 count(int actualClass, int predictedClass) const;
    /// Returns the count divided by the row's total, or 0 for an empty row.
    double rate(int actualClass, int predictedClass) const;
    /// Returns the cell's rectangle in widget coordinates.
    QRect cellRect(int actualClass, int predictedClass) const;
    /// Returns the (actual, predicted) cell under \a position, or (-1, -1).
    QPoint cellAt(const QPoint &position) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void cellClicked(int actualClass, int predictedClass);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateAccessibleText();
    /// Returns the area of the four cells, leaving room for the headings.
    QRect gridRect() const;

    ConfusionMatrix m_matrix;
    ClassNames m_classNames;
    /// Cell chosen with the keyboard, as (predicted, actual) = (x, y).
    QPoint m_current{1, 1};
};

} // namespace ProfileLens
