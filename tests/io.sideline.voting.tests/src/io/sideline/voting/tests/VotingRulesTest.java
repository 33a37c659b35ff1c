package io.sideline.voting.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.sideline.voting.VotingRules;

/** The parameters: the defaults docs/voting.md documents, and the combinations the engine refuses. */
class VotingRulesTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        VotingRules r = VotingRules.of(2, 0.5);

        // if one of these changes, update the table in docs/voting.md
        assertEquals(2, r.minVotes());
        assertEquals(0.5, r.fraction());
        assertEquals(Map.of(), r.windows());
        assertEquals(Duration.ofSeconds(15), r.defaultWindow());
        assertEquals(Duration.ofSeconds(45), r.decisionTimeout());
        assertEquals(Duration.ofMinutes(30), r.activeWindow());
        assertEquals(1.0, r.initialWeight());
        assertEquals(0.25, r.minWeight());
        assertEquals(2.0, r.maxWeight());
        assertEquals(0.05, r.gain());
        assertEquals(0.2, r.loss());
    }

    @Test
    void aTitleHasItsOwnWindowOrTheFallback() {
        VotingRules r = VotingRules.of(1, 0).withWindows(Map.of("Goal", Duration.ofSeconds(60)), Duration.ofSeconds(8));

        assertEquals(Duration.ofSeconds(60), r.windowFor("Goal"));
        assertEquals(Duration.ofSeconds(8), r.windowFor("Corner"));
        assertEquals(Duration.ofSeconds(60), r.windowFunction().apply("Goal"));
        assertEquals(1, r.minVotes(), "withWindows keeps the quorum");
    }

    @Test
    void impossibleRulesAreRefused() {
        refused(() -> VotingRules.of(0, 0), "minVotes");
        refused(() -> VotingRules.of(1, 1.5), "fraction");
        refused(() -> VotingRules.of(1, -0.1), "fraction");
        refused(() -> VotingRules.of(1, Double.NaN), "fraction");
        refused(() -> rules(1.0, 1.5, 2.0, 0.05, 0.2), "weights");
        refused(() -> rules(3.0, 0.25, 2.0, 0.05, 0.2), "weights");
        refused(() -> rules(1.0, 0.0, 2.0, 0.05, 0.2), "weights");
        refused(() -> rules(1.0, 0.25, 2.0, -0.05, 0.2), "gain");
        refused(() -> rules(1.0, 0.25, 2.0, 0.05, -0.2), "loss");
    }

    private static VotingRules rules(double initial, double min, double max, double gain, double loss) {
        return new VotingRules(2, 0.5, Map.of(), Duration.ofSeconds(15), Duration.ofSeconds(45),
                Duration.ofMinutes(10), initial, min, max, gain, loss);
    }

    private static void refused(Executable e, String word) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        org.junit.jupiter.api.Assertions.assertTrue(x.getMessage().contains(word), x.getMessage());
    }
}
