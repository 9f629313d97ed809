#pragma once
// Plays one video in the viewer (Qt Multimedia): play/pause, a seek slider with the time, mute.
// Prefers Qt's FFmpeg back end, which decodes what Shoebox's scan decodes (Debian ships GStreamer
// without its codec plugins). UI thread only.

#include <QWidget>

class QAudioOutput;
class QLabel;
class QMediaPlayer;
class QSlider;
class QToolButton;
class QVideoWidget;

namespace shoebox {

class VideoView : public QWidget {
    Q_OBJECT
public:
    explicit VideoView(QWidget* parent = nullptr);
    ~VideoView() override;

    // Loads the file and starts playing it; an empty path stops and unloads.
    void setFile(const QString& path);
    void stop();
    void togglePlay();
    void toggleMute();
    bool isPlaying() const;
    bool isMuted() const;
    qint64 position() const;
    qint64 duration() const;
    // The player's last error in words, empty when none.
    QString errorText() const;
    QMediaPlayer* player() const { return m_player; }

    // Must run before the first Qt Multimedia object is made (VideoView does it in its constructor).
    static void preferFfmpegBackend();

Q_SIGNALS:
    void positionChanged(qint64 ms);

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateButtons();
    void updateTime();

    QMediaPlayer* m_player;
    QAudioOutput* m_audio;
    QVideoWidget* m_video;
    QToolButton* m_play;
    QToolButton* m_mute;
    QSlider* m_seek;
    QLabel* m_time;
    bool m_sliderHeld = false;
};

} // namespace shoebox
