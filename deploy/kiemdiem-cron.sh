#!/bin/sh
# The nightly run under cron (README, "Scheduling"): `kiemdiem run` with its stderr appended to
# the log (each line carries its date and time), and on stdout, which cron mails to MAILTO=,
# nothing on a normal night, one line with the reason when the night failed, and, with
# KIEMDIEM_REFUSALS=1, one line with the count of refused files on a night with refusals.
#
#   install -m 755 deploy/kiemdiem-cron.sh /usr/local/bin/kiemdiem-cron
#   MAILTO=bancanbo@example.vn
#   30 1 * * * cd /srv/kiemdiem && KIEMDIEM_REFUSALS=1 /usr/local/bin/kiemdiem-cron --config pipeline.yml
#
# Arguments are passed to `kiemdiem run`. KIEMDIEM: the binary (default /usr/local/bin/kiemdiem);
# KIEMDIEM_LOG: the log (default workspace/logs/cron.log, relative to the current folder);
# KIEMDIEM_TIMEOUT: how long a night may take (default 2h, as TimeoutStartSec= in
# kiemdiem.service), then it is stopped with SIGTERM and, a minute later, SIGKILL. A hung run
# (a stalled network share; a crash whose backtrace never ends) would otherwise hold the lock
# and every later night would stop at 75. Killing loses nothing: the next night finishes the
# work. The exit status is kiemdiem's, 124 when the night was stopped (137 if it
# also needed the SIGKILL).
set -u
bin=${KIEMDIEM:-/usr/local/bin/kiemdiem}
log=${KIEMDIEM_LOG:-workspace/logs/cron.log}
err=$(mktemp "${TMPDIR:-/tmp}/kiemdiem-cron.XXXXXX") || { echo "kiemdiem: không tạo được tệp tạm trong ${TMPDIR:-/tmp}"; exit 70; }
trap 'rm -f "$err"' EXIT

limit=${KIEMDIEM_TIMEOUT:-2h}
timeout --kill-after=60 "$limit" "$bin" run "$@" 2>"$err"
status=$?

mkdir -p "$(dirname "$log")" 2>/dev/null
cat "$err" >>"$log" 2>/dev/null || echo "kiemdiem: không ghi được nhật ký $log"

# The reason is the last line that is not the pointer to --help, without its date and time;
# on a summary line, what follows its last " · ".
last=$(grep -v -- '--help$' "$err" | tail -n 1 | sed 's/^[0-9-]* [0-9:]* //; s/^kiemdiem: //')
reason=$(printf '%s\n' "$last" | awk -F ' · ' '{ print $NF }')

case $status in
0) ;;
124)
    echo "kiemdiem run bị dừng sau $limit (mã thoát 124): đêm chạy quá lâu; đêm sau làm tiếp phần còn lại, không mất gì; xem $log"
    ;;
3)
    if [ "${KIEMDIEM_REFUSALS:-0}" = 1 ]; then
        refused=$(printf '%s\n' "$last" | sed -n 's/.*từ chối \([0-9][0-9]*\).*/\1/p')
        echo "kiemdiem: đêm nay ${refused:-một số} tệp bị từ chối; xem $log hoặc trang Bị từ chối của sổ tổng hợp"
    fi
    ;;
*)
    echo "kiemdiem run thất bại (mã thoát $status): ${reason:-không có thông báo}; xem $log và bảng mã thoát trong README"
    ;;
esac
exit $status
