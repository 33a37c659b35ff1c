package io.sideline.protocol;

/**
 * Where on the pitch an event took place, on a 0–100 × 0–100 pitch seen with the event's side attacking left to
 * right: {@code x} from its own goal line (0) to the opponent's (100), {@code y} from the left touchline (0) to
 * the right (100). On the wire: {@code "location": {"x": 88.5, "y": 40}}. Since protocol 1.3.
 *
 * @param x along the pitch, 0 to 100
 * @param y across the pitch, 0 to 100
 */
public record Location(double x, double y) {

    /** the largest coordinate */
    public static final double MAX = 100;

    public Location {
        if (!(x >= 0 && x <= MAX) || !(y >= 0 && y <= MAX)) {
            throw new IllegalArgumentException("a location is within 0 to 100 on both axes: " + x + ", " + y);
        }
    }

    /** @return "x, y" with at most one decimal, as the feed and exports show it */
    @Override
    public String toString() {
        return format(x) + ", " + format(y);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
