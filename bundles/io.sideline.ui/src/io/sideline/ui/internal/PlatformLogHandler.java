package io.sideline.ui.internal;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

import io.sideline.ui.SidelineUi;

/**
 * Brings the headless bundles' warnings and errors into the workbench's platform log. Headless bundles log
 * through {@link System.Logger}, which the JDK routes to {@code java.util.logging}; in the workbench this
 * handler, on the root logger, passes each warning and error on to {@link ILog}, so they appear in the Error
 * Log and the workspace's {@code .metadata/.log} beside the workbench's own.
 */
final class PlatformLogHandler extends Handler {

    private final ILog log;

    private PlatformLogHandler(ILog log) {
        this.log = log;
        setLevel(Level.WARNING);
    }

    /** Installs the handler on the root logger, once. */
    static void install() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof PlatformLogHandler) {
                return;
            }
        }
        root.addHandler(new PlatformLogHandler(ILog.of(PlatformLogHandler.class)));
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) {
            return;
        }
        int severity = record.getLevel().intValue() >= Level.SEVERE.intValue() ? IStatus.ERROR : IStatus.WARNING;
        String message = record.getMessage();
        if (record.getParameters() != null && message != null) {
            message = java.text.MessageFormat.format(message, record.getParameters());
        }
        log.log(new Status(severity, SidelineUi.PLUGIN_ID, record.getLoggerName() + ": " + message,
                record.getThrown()));
    }

    @Override
    public void flush() {
        // ILog writes as it goes
    }

    @Override
    public void close() {
        // nothing held
    }
}
