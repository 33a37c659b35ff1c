package io.sideline.ui.internal.keys;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;

/**
 * The shirt number an analyst is typing before an action key: {@code 1} {@code 0} then Shift+S reports an
 * away shot on target by #10. The digits are kept until an action takes them or Esc clears them. <b>UI thread
 * only</b>; listeners hear every change there.
 */
@Component(service = ShirtNumber.class)
public final class ShirtNumber {

    /** the longest shirt number: three digits (99 is the usual top, rugby and NFL rosters reach 3 digits) */
    public static final int MAX_DIGITS = 3;

    /** Hears that the typed number changed. */
    public interface Listener {
        void changed(ShirtNumber number);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final StringBuilder digits = new StringBuilder();

    /** Adds a digit; a fourth digit starts a new number, as a typo is easier fixed by typing on. */
    public void type(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("not a digit: " + digit);
        }
        if (digits.length() >= MAX_DIGITS) {
            digits.setLength(0);
        }
        digits.append((char) ('0' + digit));
        changed();
    }

    /** Forgets the digits typed (Esc). */
    public void clear() {
        if (!digits.isEmpty()) {
            digits.setLength(0);
            changed();
        }
    }

    /** @return the number typed so far, if any; it stays */
    public OptionalInt typed() {
        return digits.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(digits.toString()));
    }

    /** @return the number typed, if any, and forgets it: an action takes it */
    public OptionalInt take() {
        OptionalInt n = typed();
        clear();
        return n;
    }

    /** @return what the palette shows while digits are typed: "#10 …", or "" */
    public String display() {
        return digits.isEmpty() ? "" : "#" + digits + " …";
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    private void changed() {
        for (Listener l : listeners) {
            l.changed(this);
        }
    }
}
