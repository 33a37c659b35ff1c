package io.sideline.ui.internal.views;

import java.util.List;

import org.eclipse.swt.graphics.RGB;

/**
 * The one colour of each side, in every view: the charts' series, the pitch's dots and legend. Home blue, away red:
 * both stand out on the pitch's green and on a chart's white, and tell apart for most colour-blind readers by
 * lightness too.
 */
public final class TeamColours {

    private static final RGB[] SIDES = { new RGB(0x15, 0x65, 0xC0), new RGB(0xE5, 0x39, 0x35),
            new RGB(0xEF, 0x6C, 0x00), new RGB(0x6A, 0x1B, 0x9A) };

    private TeamColours() {
    }

    /** @return the colour of the side at this index of the match's origins (home 0, away 1) */
    public static RGB of(int index) {
        return SIDES[Math.floorMod(index, SIDES.length)];
    }

    /** @return the colour of an origin among the match's origins; an unknown origin gets the colour after theirs */
    public static RGB of(List<String> origins, String origin) {
        int i = origins.indexOf(origin);
        return of(i < 0 ? origins.size() : i);
    }

    /** @return the same colour for a chart (AWT) */
    public static java.awt.Color awt(int index) {
        RGB c = of(index);
        return new java.awt.Color(c.red, c.green, c.blue);
    }
}
