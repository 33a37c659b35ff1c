package io.sideline.ui.internal.session;

import java.util.List;

import io.sideline.protocol.Location;

/**
 * The Pitch view's one picture of the pitch and the protocol's per-side locations, kept apart in one place.
 * <p>
 * The Pitch view draws the pitch as a broadcast shows one half: the first origin (home) attacks left to right,
 * the second (away) right to left. A location on the wire is seen from its event's side attacking left to right
 * ({@link Location}): for the home side it is the point as drawn; for the away side it is the point turned half a
 * turn ({@code 100 − x}, {@code 100 − y}). Any further origin is treated as home.
 * <p>
 * The numeric keypad lays its nine keys over the pitch as drawn: 7 8 9 the top third (the home side's left wing,
 * y near 0), 4 5 6 the middle, 1 2 3 the bottom third; the left column the home side's own third, the right column
 * the third it attacks. A key stands for its zone's centre, on a 0–100 grid cut in thirds.
 */
public final class PitchSides {

    /** the centres of the thirds, to one decimal: 16.7, 50, 83.3 */
    private static final double[] THIRDS = { 16.7, 50, 83.3 };

    private PitchSides() {
    }

    /** @return whether the events of this origin are drawn attacking right to left: the match's second origin */
    public static boolean mirrored(String origin, List<String> origins) {
        return origins.size() > 1 && origins.get(1).equals(origin);
    }

    /** @return the location an event of {@code origin} carries when it took place at {@code drawn} on the picture */
    public static Location forOrigin(Location drawn, String origin, List<String> origins) {
        return mirrored(origin, origins) ? turn(drawn) : drawn;
    }

    /** @return where an event of {@code origin} located at {@code location} is drawn on the picture */
    public static Location drawn(Location location, String origin, List<String> origins) {
        return mirrored(origin, origins) ? turn(location) : location;
    }

    /**
     * @param digit a key of the numeric keypad, 1 to 9
     * @return the centre of its zone on the picture
     */
    public static Location zone(int digit) {
        if (digit < 1 || digit > 9) {
            throw new IllegalArgumentException("the keypad's zones are 1 to 9: " + digit);
        }
        int column = (digit - 1) % 3;
        int row = 2 - (digit - 1) / 3; // 7 8 9 on top
        return new Location(THIRDS[column], THIRDS[row]);
    }

    private static Location turn(Location l) {
        return new Location(tenth(Location.MAX - l.x()), tenth(Location.MAX - l.y()));
    }

    /** @return v to one decimal: 100 − 16.7 is 83.3, not 83.30000000000001 */
    static double tenth(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
