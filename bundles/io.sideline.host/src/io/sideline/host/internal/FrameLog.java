package io.sideline.host.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The timeline as the frames peers receive: the encoded {@code accepted} messages as UTF-8, seq 1 at index 0.
 * One writer (the host's core thread) appends; any thread reads. Each frame is encoded once, and every peer is
 * sent a view of the same bytes: no per-peer encoding or copy. A peer is only a cursor into this log.
 */
public final class FrameLog {

    private volatile byte[][] frames = new byte[1024][];
    private volatile int size;

    /** appends the next frame; the core thread only */
    public void append(String frame) {
        append(frame.getBytes(StandardCharsets.UTF_8));
    }

    /** appends the next frame, its UTF-8 bytes, which the log keeps and must not change; the core thread only */
    public void append(byte[] bytes) {
        byte[][] a = frames;
        if (size == a.length) {
            byte[][] grown = new byte[a.length * 2][];
            System.arraycopy(a, 0, grown, 0, size);
            frames = grown; // published before the size that covers the new element
            a = grown;
        }
        a[size] = bytes;
        size = size + 1;
    }

    /** @return the number of frames, which is the newest seq */
    public int size() {
        return size;
    }

    /** @return the frame of a seq, 1 to {@link #size()}, as text */
    public String get(long seq) {
        return new String(bytes(seq), StandardCharsets.UTF_8);
    }

    /** @return a view of the frame's UTF-8 bytes, of its own position and limit, for one send */
    public ByteBuffer buffer(long seq) {
        return ByteBuffer.wrap(bytes(seq)).asReadOnlyBuffer();
    }

    private byte[] bytes(long seq) {
        int n = size;
        if (seq < 1 || seq > n) {
            throw new IndexOutOfBoundsException("seq " + seq + " of " + n);
        }
        return frames[(int) (seq - 1)];
    }
}
