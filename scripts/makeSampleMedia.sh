#!/usr/bin/env bash
# Makes the simulator's sample clips: one small H.264/AAC MP4 and one JPEG poster per aspect
# ratio, 2 s at 320 px on the long side, so the whole set stays far under 1 MB in git.
# The bitexact flags keep the output identical from run to run, so re-running it is a no-op
# in git unless ffmpeg itself changes.
set -euo pipefail

out="$(cd "$(dirname "$0")/.." && pwd)/src/simulator/media"
mkdir -p "$out"

make_clip() {
  local name="$1" size="$2" hue="$3"
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "testsrc2=size=${size}:rate=24:duration=2,hue=h=${hue}" \
    -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=2" \
    -c:v libx264 -preset veryslow -crf 32 -pix_fmt yuv420p -profile:v main \
    -c:a aac -b:a 32k -ac 1 \
    -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
    -movflags +faststart -shortest "$out/${name}.mp4"
  ffmpeg -hide_banner -loglevel error -y -ss 1 -i "$out/${name}.mp4" \
    -frames:v 1 -q:v 6 -map_metadata -1 -fflags +bitexact -flags:v +bitexact "$out/${name}.jpg"
}

make_clip 16x9 320x180 0
make_clip 9x16 180x320 90
make_clip 1x1 320x320 180
make_clip 4x3 320x240 270

du -b "$out"/*.mp4 "$out"/*.jpg
