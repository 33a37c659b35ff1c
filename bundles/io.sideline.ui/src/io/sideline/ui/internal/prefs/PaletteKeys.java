package io.sideline.ui.internal.prefs;

import java.util.Locale;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;
import io.sideline.ui.SidelineUi;

/**
 * The palette's keys: each action's key comes from its sport, unless the user changed it in the
 * preferences (Window › Preferences › Sideline Palette Keys). Kept per sport and action id.
 */
public final class PaletteKeys {

    private PaletteKeys() {
    }

    /** @return the preference node the keys live in */
    public static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(SidelineUi.PLUGIN_ID);
    }

    /** @return the preference key of an action's key */
    public static String preference(Sport sport, SportAction action) {
        return "palette.key." + sport.id() + "." + action.id();
    }

    /** @return the key of an action: the user's choice, else the sport's; 0 for none */
    public static char keyOf(Sport sport, SportAction action) {
        String chosen = node().get(preference(sport, action), null);
        String key = chosen != null ? chosen : action.hotkey();
        return key == null || key.isEmpty() ? 0 : Character.toLowerCase(key.charAt(0));
    }

    /** @return what is wrong with a key a user typed, or {@code null} */
    public static String problem(String key) {
        if (key.isEmpty()) {
            return null; // no key: the button is clicked
        }
        if (key.length() != 1 || !Character.isLetterOrDigit(key.charAt(0))) {
            return "\"" + key + "\" is not one letter or digit";
        }
        return null;
    }

    static String display(char c) {
        return c == 0 ? "" : String.valueOf(c).toUpperCase(Locale.ROOT);
    }
}
