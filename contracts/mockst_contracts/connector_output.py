"""What a connector said when it failed: the lines of its standard error worth quoting.

``task-completed`` and an early stop of ``mockst verify`` quote them, so the vendor reads the
connector's own account of the failure in the report instead of whatever it logged last.
"""

from __future__ import annotations

import re

# A line that names an error: Python's "ValueError: …", Node's "TypeError …", Go's "panic: …",
# or any line saying error, exception or failed.
_ERROR_LINE = re.compile(
    r"^(?:[\w.]+(?:Error|Exception|Exit|Interrupt)\b|panic:|fatal\b|Error\b)"
    r"|\b(?:error|exception|failed|fatal)\b",
    re.IGNORECASE,
)


def error_lines(stderr: str, at_most: int = 3) -> str:
    """The connector's own account of its failure: the last stderr lines that name an error
    (a traceback's final line, with the line of the connector's code it points to), else the
    last line written. Log lines printed after the error do not hide it."""
    lines = [line.rstrip() for line in stderr.splitlines() if line.strip()]
    if not lines:
        return ""
    for index in range(len(lines) - 1, -1, -1):
        if _ERROR_LINE.search(lines[index].strip()):
            found = [lines[index].strip()]
            # A Python traceback: the frame just above names the file and line.
            frames = [ln.strip() for ln in lines[:index] if ln.strip().startswith('File "')]
            if frames and any(ln.startswith("Traceback") for ln in lines[:index]):
                found.append(f"at {frames[-1]}")
            return " ".join(found[:at_most])
    return lines[-1].strip()
