#!/usr/bin/env bash
# Installs every Debian package Shoebox needs to build, test and benchmark (Debian 12).
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends \
  build-essential cmake pkg-config ccache git ca-certificates clang-format \
  clang libclang-rt-dev llvm \
  qt6-base-dev libqt6sql6-sqlite qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools \
  qt6-translations-l10n libgl-dev \
  libtorch-dev libopencv-dev libopencv-contrib-dev libexif-dev libexiv2-dev libsqlite3-dev \
  libfaiss-dev libopenblas0-serial libxxhash-dev libdeflate-dev zlib1g-dev \
  libheif-dev libraw-dev libtiff-dev libavformat-dev libavcodec-dev libswscale-dev libavutil-dev \
  qt6-multimedia-dev libqt6multimediawidgets6 ffmpeg \
  libicu-dev libnanoflann-dev libgeonames-common opencc python3 openssl \
  xvfb xauth fonts-noto-cjk \
  findimagedupes jdupes dupeguru rsync restic \
  desktop-file-utils appstream librsvg2-bin dpkg-dev file man-db
# npm fetches the model weights; the machine image usually ships Node.js with npm already.
command -v npm >/dev/null 2>&1 || $SUDO apt-get install -y -q --no-install-recommends nodejs npm
