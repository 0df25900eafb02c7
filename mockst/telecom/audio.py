"""The audio a call's recording and voicemail answer: a short, valid WAV made on first use.

Real recordings are not something a test can hold; what a client needs is bytes that any audio
library opens (a RIFF/WAVE header, 8 kHz mono 16-bit PCM, as phone audio is), so a connector that
stores or transcribes them gets past its parser.
"""

from __future__ import annotations

import io
import math
import struct
import wave
from functools import cache

RATE = 8000  # telephone audio


@cache
def tone(hertz: int, seconds: float) -> bytes:
    """A WAV file of a sine tone: one for recordings, another for voicemails."""
    frames = int(RATE * seconds)
    samples = (int(8000 * math.sin(2 * math.pi * hertz * i / RATE)) for i in range(frames))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{frames}h", *samples))
    return buffer.getvalue()


def recording() -> bytes:
    return tone(440, 0.5)


def voicemail() -> bytes:
    return tone(660, 0.5)
