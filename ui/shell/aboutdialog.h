// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Help → About Shoebox: version, licence, and the credits that the data and model licences require
// (GeoNames' CC BY 4.0 attribution, Natural Earth, world-atlas, the model's authors). UI thread only.

#include <QDialog>

class QLabel;

namespace shoebox {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The rich text shown, also for tests: every credit a licence asks for.
    static QString creditsHtml();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLabel* m_title;
    QLabel* m_text;
};

} // namespace shoebox
