package io.sideline.protocol;

/**
 * The documented limits a {@link ProtocolCodec} enforces.
 *
 * @param maxMessageBytes        the largest message, in UTF-8 bytes
 * @param maxTextLength          the longest title, origin, player, name, reason or qualifier, in characters
 * @param maxTokenLength         the longest token or id, in characters
 * @param maxListSize            the most origins, actions or qualifiers in one message
 * @param maxReportQualifiers    the most qualifiers of the event of a report ({@code event}) or an amendment
 *                               ({@code correction}): what a peer may ask the host to keep
 * @param maxQualifierNameLength the longest qualifier name of a report or an amendment, in characters
 * @param maxQualifierBytes      the most UTF-8 bytes of all qualifier names and values of one report's or
 *                               amendment's event together
 */
public record ProtocolLimits(int maxMessageBytes, int maxTextLength, int maxTokenLength, int maxListSize,
        int maxReportQualifiers, int maxQualifierNameLength, int maxQualifierBytes) {

    /**
     * 64 KiB messages, 200-character texts, 512-character tokens, 256-entry lists; a report's event carries at
     * most 16 qualifiers, with names of at most 40 characters, 2 KiB of names and values together.
     */
    public static final ProtocolLimits STANDARD = new ProtocolLimits(64 * 1024, 200, 512, 256, 16, 40, 2048);

    public ProtocolLimits {
        if (maxMessageBytes < 1 || maxTextLength < 1 || maxTokenLength < 1 || maxListSize < 1 || maxReportQualifiers < 0
                || maxQualifierNameLength < 1 || maxQualifierBytes < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * Limits with the {@link #STANDARD} qualifier limits of reports.
     *
     * @param maxMessageBytes the largest message, in UTF-8 bytes
     * @param maxTextLength   the longest text, in characters
     * @param maxTokenLength  the longest token or id, in characters
     * @param maxListSize     the most entries of a list
     */
    public ProtocolLimits(int maxMessageBytes, int maxTextLength, int maxTokenLength, int maxListSize) {
        this(maxMessageBytes, maxTextLength, maxTokenLength, maxListSize, STANDARD.maxReportQualifiers(),
                STANDARD.maxQualifierNameLength(), STANDARD.maxQualifierBytes());
    }
}
