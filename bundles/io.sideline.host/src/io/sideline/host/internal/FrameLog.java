package io.sideline.host.internal;

/**
 * The timeline as the frames peers receive: the encoded {@code accepted} messages, seq 1 at index 0.
 * One writer (the host's core thread) appends; any thread reads. Each frame is encoded once and the same
 * string is sent to every peer; a peer is only a cursor into this log.
 */
public final class FrameLog {

    private volatile String[] frames = new String[1024];
    private volatile int size;

    /** appends the next frame; the core thread only */
    public void append(String frame) {
        String[] a = frames;
        if (size == a.length) {
            String[] grown = new String[a.length * 2];
            System.arraycopy(a, 0, grown, 0, size);
            frames = grown; // published before the size that covers the new element
            a = grown;
        }
        a[size] = frame;
        size = size + 1;
    }

    /** @return the number of frames, which is the newest seq */
    public int size() {
        return size;
    }

    /** @return the frame of a seq, 1 to {@link #size()} */
    public String get(long seq) {
        int n = size;
        if (seq < 1 || seq > n) {
            throw new IndexOutOfBoundsException("seq " + seq + " of " + n);
        }
        return frames[(int) (seq - 1)];
    }
}
