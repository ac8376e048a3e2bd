# Sourced by the benchmark scripts: without a display, start Xvfb on the
# first display number no X server is using, and add its killing to the
# caller's cleanup array (run by the caller's EXIT trap).
if [ -z "${DISPLAY:-}" ]; then
	n=97
	while [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ]; do n=$((n + 1)); done
	Xvfb :$n -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
	cleanup+=("kill $!")
	export DISPLAY=:$n
	for _ in $(seq 100); do [ -S /tmp/.X11-unix/X$n ] && break; sleep 0.1; done
fi
