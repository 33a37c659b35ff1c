package io.sideline.replay;

import java.time.Duration;

/**
 * How the simulated peers behave.
 *
 * @param reporters   how many peers report
 * @param miss        the chance an honest peer does not report an event
 * @param wrongOrigin the chance a peer credits the other team
 * @param jitter      reported times are off by up to this much, either way
 * @param liars       the share of peers who also report coordinated fake goals and red cards
 * @param minVotes    the quorum's k
 * @param fraction    the quorum's share of active reporters' weight
 * @param speed       match seconds per real second, over WebSockets
 * @param seed        the random seed: the same seed gives the same run
 */
public record ReplayOptions(int reporters, double miss, double wrongOrigin, Duration jitter, double liars, int minVotes,
        double fraction, double speed, long seed) {

    /** 10 reporters, 20 % missed, 5 % wrong team, ±5 s, no liars, k 2 and 40 % of the active weight, 60× speed */
    public static ReplayOptions defaults() {
        return new ReplayOptions(10, 0.2, 0.05, Duration.ofSeconds(5), 0, 2, 0.4, 60, 2021);
    }

    public ReplayOptions {
        if (reporters < 1) {
            throw new IllegalArgumentException("--reporters must be at least 1");
        }
        for (double p : new double[] { miss, wrongOrigin, liars, fraction }) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities and shares are between 0 and 1");
            }
        }
        if (speed <= 0) {
            throw new IllegalArgumentException("--speed must be positive");
        }
    }

    /** @return how many of the reporters lie */
    public int liarCount() {
        return (int) Math.round(liars * reporters);
    }
}
