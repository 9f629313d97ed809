// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every libFuzzer harness shares: Qt's messages silenced (a warning per input would be most of
// the run time) and a reader that splits one fuzz input into the several byte strings a parser takes.
// Each harness runs on libFuzzer's one thread.

#include <QByteArray>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>

namespace shoebox::fuzz {

inline void quietQt()
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString&) {});
}

// Consumes a fuzz input front to back: integers of a few bytes, then length-prefixed byte strings,
// so that one mutated input describes several arguments without any of them being parsed as text.
class Input {
public:
    Input(const uint8_t* data, size_t size)
        : m_data(data)
        , m_size(size)
    {
    }
    bool atEnd() const { return m_pos >= m_size; }
    uint8_t byte() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    uint32_t u32()
    {
        uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v = (v << 8) | byte();
        return v;
    }
    // A piece of at most 64 KiB whose length the next two bytes give.
    QByteArray piece()
    {
        const size_t want = (size_t(byte()) << 8) | byte();
        const size_t n = qMin(want, m_size - qMin(m_pos, m_size));
        QByteArray out(reinterpret_cast<const char*>(m_data + m_pos), qsizetype(n));
        m_pos += n;
        return out;
    }
    QByteArray rest()
    {
        const size_t from = qMin(m_pos, m_size);
        m_pos = m_size;
        return QByteArray(reinterpret_cast<const char*>(m_data + from), qsizetype(m_size - from));
    }

private:
    const uint8_t* m_data;
    size_t m_size;
    size_t m_pos = 0;
};

} // namespace shoebox::fuzz
