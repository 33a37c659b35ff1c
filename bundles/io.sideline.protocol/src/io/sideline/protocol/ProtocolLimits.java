package io.sideline.protocol;

/**
 * The documented limits a {@link ProtocolCodec} enforces.
 *
 * @param maxMessageBytes the largest message, in UTF-8 bytes
 * @param maxTextLength   the longest title, origin, player, name, reason or qualifier, in characters
 * @param maxTokenLength  the longest token or id, in characters
 * @param maxListSize     the most origins, actions or qualifiers in one message
 */
public record ProtocolLimits(int maxMessageBytes, int maxTextLength, int maxTokenLength, int maxListSize) {

    /** 64 KiB messages, 200-character texts, 512-character tokens, 256-entry lists. */
    public static final ProtocolLimits STANDARD = new ProtocolLimits(64 * 1024, 200, 512, 256);

    public ProtocolLimits {
        if (maxMessageBytes < 1 || maxTextLength < 1 || maxTokenLength < 1 || maxListSize < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
