#include "Icons.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QImageReader>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>

namespace wf::ui {
namespace {

const QString kIconDir = QStringLiteral(":/icons");

QString iconPath(const QString &name)
{
    return kIconDir + QLatin1Char('/') + name + QStringLiteral(".svg");
}

// Draws one SVG with `currentColor` replaced by the palette colour of the mode asked for. The image
// plugin of Qt SVG does the drawing, so no SVG library is linked; pixmaps are cached per name, size
// and colour, so repainting costs a cache look-up.
class SvgIconEngine final : public QIconEngine {
public:
    SvgIconEngine(QString name, QByteArray svg) : m_name(std::move(name)), m_svg(std::move(svg)) {}

    QIconEngine *clone() const override { return new SvgIconEngine(m_name, m_svg); }
    QString key() const override { return QStringLiteral("wf.svg"); }
    QString iconName() override { return m_name; }
    bool isNull() override { return m_svg.isEmpty(); }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override
    {
        return QSize(24, 24).scaled(size, Qt::KeepAspectRatio);
    }

    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        return {QSize(16, 16), QSize(24, 24), QSize(32, 32), QSize(48, 48), QSize(64, 64)};
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override { return render(size, mode); }

    // QIcon asks for the size in device pixels already; the device pixel ratio is set by QIcon.
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal) override
    {
        return render(size, mode);
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
        const QSize side = actualSize(rect.size(), mode, QIcon::Off);
        QPixmap drawn = render(side * ratio, mode);
        drawn.setDevicePixelRatio(ratio);
        const QRect target(rect.x() + (rect.width() - side.width()) / 2,
                           rect.y() + (rect.height() - side.height()) / 2, side.width(), side.height());
        painter->drawPixmap(target, drawn);
    }

private:
    static QColor colourFor(QIcon::Mode mode)
    {
        const QPalette palette = QGuiApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected:
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        case QIcon::Normal:
        case QIcon::Active:
            break;
        }
        return palette.color(QPalette::Active, QPalette::WindowText);
    }

    QPixmap render(const QSize &requested, QIcon::Mode mode) const
    {
        const QSize size = QSize(24, 24).scaled(requested, Qt::KeepAspectRatio);
        if (size.isEmpty() || m_svg.isEmpty())
            return {};
        const QColor colour = colourFor(mode);
        const QString cacheKey = QStringLiteral("wf.icon:%1:%2x%3:%4")
                                     .arg(m_name)
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg(colour.rgba(), 8, 16, QLatin1Char('0'));
        QPixmap cached;
        if (QPixmapCache::find(cacheKey, &cached))
            return cached;
        QByteArray svg = m_svg;
        svg.replace("currentColor", colour.name(QColor::HexRgb).toLatin1());
        QBuffer buffer(&svg);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, "svg");
        reader.setScaledSize(size);
        const QImage image = reader.read();
        if (image.isNull()) {
            qWarning("icon %s cannot be drawn: %s", qPrintable(m_name), qPrintable(reader.errorString()));
            return {};
        }
        QPixmap drawn = QPixmap::fromImage(image);
        QPixmapCache::insert(cacheKey, drawn);
        return drawn;
    }

    QString m_name;
    QByteArray m_svg;
};

} // namespace

QIcon icon(const QString &name)
{
    QFile file(iconPath(name));
    if (name.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return QIcon(new SvgIconEngine(name, file.readAll()));
}

QStringList iconNames()
{
    QStringList names;
    const QStringList files = QDir(kIconDir).entryList({QStringLiteral("*.svg")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        names.append(file.chopped(4));
    return names;
}

} // namespace wf::ui
