package io.sideline.lookup;

/**
 * When a match's host accepts a report: once at least {@code minVotes} distinct peers sent matching
 * reports, and at least {@code fraction} of the peers currently reporting. {@code (1, 0)} lets a lone
 * analyst report alone.
 *
 * @param minVotes the absolute minimum of distinct reporters, 1 or more
 * @param fraction the share of active reporters that must agree, from 0 (not used) to 1
 */
public record QuorumPolicy(int minVotes, double fraction) {

    /** two peers, whatever the number of reporters */
    public static final QuorumPolicy DEFAULT = new QuorumPolicy(2, 0);
    /** a lone analyst */
    public static final QuorumPolicy SOLO = new QuorumPolicy(1, 0);
    /** the most reporters a minimum may ask for */
    public static final int MAX_MIN_VOTES = 1000;

    public QuorumPolicy {
        if (minVotes < 1 || minVotes > MAX_MIN_VOTES) {
            throw new IllegalArgumentException("minVotes must be between 1 and " + MAX_MIN_VOTES + ", not " + minVotes);
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be between 0 and 1, not " + fraction);
        }
    }

    /**
     * @param activeReporters how many peers are currently reporting
     * @return how many distinct votes a report needs now
     */
    public int votesNeeded(int activeReporters) {
        int share = (int) Math.ceil(fraction * Math.max(0, activeReporters) - 1e-9);
        return Math.max(minVotes, share);
    }
}
