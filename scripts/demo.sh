#!/usr/bin/env bash
# The nightly batch over the bundled sample inbox (the 2026 review, Fixtures/demo-2026) with the default pipeline.yml.
# Fixtures are never moved: the sample inbox is copied into a fresh demo workspace first.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(swift build -c release --show-bin-path)/kiemdiem
rm -rf workspace
mkdir -p workspace/inbox
cp Fixtures/demo-2026/inbox/* workspace/inbox/
# The copies are "uploads that finished earlier": older than intake.settle_seconds.
touch -d '-10 minutes' workspace/inbox/*
set +e
"$bin" run --config pipeline.yml
status=$?
set -e
case $status in
  0) echo "Mọi bản kiểm điểm hợp lệ." ;;
  3) echo "Có bản bị từ chối: xem workspace/logs/rejections.jsonl và trang 'Bị từ chối'." ;;
  *) echo "kiemdiem run kết thúc với mã $status" >&2; exit "$status" ;;
esac
echo "Sổ tổng hợp: $(pwd)/workspace/reports/tong-hop-2026.xlsx"
echo "Phiếu trả lại:"
find workspace/reports/tra-lai-2026 -name '*.docx' | sort | sed "s|^|  $(pwd)/|"
