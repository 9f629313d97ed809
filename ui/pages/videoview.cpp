#include "pages/videoview.h"

#include <QAudioOutput>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QVideoWidget>

namespace shoebox {

namespace {

QString clock(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

void VideoView::preferFfmpegBackend()
{
    if (!qEnvironmentVariableIsSet("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
}

VideoView::VideoView(QWidget* parent)
    : QWidget(parent)
    , m_player((preferFfmpegBackend(), new QMediaPlayer(this)))
    , m_audio(new QAudioOutput(this))
    , m_video(new QVideoWidget(this))
    , m_play(new QToolButton(this))
    , m_mute(new QToolButton(this))
    , m_seek(new QSlider(Qt::Horizontal, this))
    , m_time(new QLabel(this))
{
    m_player->setAudioOutput(m_audio);
    m_player->setVideoOutput(m_video);
    m_play->setObjectName(QStringLiteral("playButton"));
    m_mute->setObjectName(QStringLiteral("muteButton"));
    m_seek->setObjectName(QStringLiteral("seekSlider"));
    m_mute->setCheckable(true);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 8, 4);
    bar->addWidget(m_play);
    bar->addWidget(m_seek, 1);
    bar->addWidget(m_time);
    bar->addWidget(m_mute);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_video, 1);
    layout->addLayout(bar);
    connect(m_play, &QToolButton::clicked, this, &VideoView::togglePlay);
    connect(m_mute, &QToolButton::clicked, this, &VideoView::toggleMute);
    connect(m_seek, &QSlider::sliderPressed, this, [this] { m_sliderHeld = true; });
    connect(m_seek, &QSlider::sliderReleased, this, [this] {
        m_sliderHeld = false;
        m_player->setPosition(m_seek->value());
    });
    // A click on the groove or a key moves the slider without a press: seek there too.
    connect(m_seek, &QSlider::actionTriggered, this, [this] {
        if (!m_sliderHeld)
            m_player->setPosition(m_seek->sliderPosition());
    });
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
        m_seek->setRange(0, int(std::min<qint64>(ms, INT_MAX)));
        updateTime();
    });
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
        if (!m_sliderHeld)
            m_seek->setValue(int(std::min<qint64>(ms, INT_MAX)));
        updateTime();
        Q_EMIT positionChanged(ms);
    });
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, &VideoView::updateButtons);
    connect(m_audio, &QAudioOutput::mutedChanged, this, &VideoView::updateButtons);
    updateButtons();
    updateTime();
}

VideoView::~VideoView()
{
    m_player->stop();
}

void VideoView::setFile(const QString& path)
{
    m_player->stop();
    m_player->setSource(path.isEmpty() ? QUrl() : QUrl::fromLocalFile(path));
    m_seek->setValue(0);
    if (!path.isEmpty())
        m_player->play();
}

void VideoView::stop()
{
    m_player->stop();
}

void VideoView::togglePlay()
{
    if (isPlaying())
        m_player->pause();
    else
        m_player->play();
}

void VideoView::toggleMute()
{
    m_audio->setMuted(!m_audio->isMuted());
}

bool VideoView::isPlaying() const
{
    return m_player->playbackState() == QMediaPlayer::PlayingState;
}

bool VideoView::isMuted() const
{
    return m_audio->isMuted();
}

qint64 VideoView::position() const
{
    return m_player->position();
}

qint64 VideoView::duration() const
{
    return m_player->duration();
}

QString VideoView::errorText() const
{
    return m_player->error() == QMediaPlayer::NoError ? QString() : m_player->errorString();
}

void VideoView::updateButtons()
{
    m_play->setIcon(style()->standardIcon(isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(isPlaying() ? tr("Pause") : tr("Play"));
    m_mute->setChecked(isMuted());
    m_mute->setIcon(style()->standardIcon(isMuted() ? QStyle::SP_MediaVolumeMuted : QStyle::SP_MediaVolume));
    m_mute->setToolTip(isMuted() ? tr("Unmute") : tr("Mute"));
}

void VideoView::updateTime()
{
    m_time->setText(clock(m_player->position()) + QStringLiteral(" / ") + clock(m_player->duration()));
}

void VideoView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateButtons();
    QWidget::changeEvent(event);
}

} // namespace shoebox
