#!/usr/bin/env python3
"""Time from starting `rlfe` in a pseudo-terminal to its first prompt (the REPL on the
demo catalog), over N runs: python3 benches/first_prompt.py [N] [path/to/rlfe]."""

import os
import pty
import statistics
import sys
import tempfile
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 30
RLFE = sys.argv[2] if len(sys.argv) > 2 else "target/release/rlfe"
home = tempfile.mkdtemp()
times = []
for _ in range(N):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"HOME": home, "XDG_DATA_HOME": home, "TERM": "xterm", "NO_COLOR": "1"})
        os.execv(RLFE, [RLFE])
    seen = b""
    while b"rlfe:demo> " not in seen:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    times.append(time.perf_counter() - start)
    os.write(fd, b"\\q\r")
    os.waitpid(pid, 0)
    os.close(fd)
ms = sorted(t * 1000 for t in times)
print(f"first prompt over {N} runs: median {statistics.median(ms):.1f} ms, min {ms[0]:.1f} ms, max {ms[-1]:.1f} ms")
