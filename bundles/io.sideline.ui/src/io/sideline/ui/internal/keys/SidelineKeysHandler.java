package io.sideline.ui.internal.keys;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** Help › Sideline Keys: the keys of the open match's sport. */
public final class SidelineKeysHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        new SidelineKeysDialog(HandlerUtil.getActiveShell(event)).open();
        return null;
    }
}
