package io.sideline.sport.declarative.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;

import io.sideline.sport.api.Sport;
import io.sideline.sport.declarative.SportFile;
import io.sideline.sport.declarative.SportFileException;

/**
 * Turns sport files into sports: those a bundle names in its {@code Sideline-Sport} manifest header (while
 * the bundle is started) and those dropped into the installation's {@code sports} folder (looked at every
 * few seconds). A bad file is reported, naming the file, the line and the problem, and the other sports
 * keep working.
 */
@Component(service = DeclarativeSports.class, immediate = true)
public final class DeclarativeSports {

    /** the manifest header that lists a bundle's sport files, comma-separated paths inside the bundle */
    public static final String HEADER = "Sideline-Sport";
    /** the system property that names the sports folder instead of {@code <installation>/sports} */
    public static final String DIR_PROPERTY = "sideline.sports.dir";
    /** the service property that says where a sport came from */
    public static final String SOURCE_PROPERTY = "sideline.sport.source";

    private static final System.Logger LOG = System.getLogger(DeclarativeSports.class.getName());

    private BundleContext context;
    private BundleTracker<List<ServiceRegistration<Sport>>> bundles;
    private ScheduledExecutorService folderWatch;
    private Path folder;
    private final Map<Path, Long> seen = new HashMap<>();
    private final Map<Path, ServiceRegistration<Sport>> fromFolder = new HashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
        bundles = new BundleTracker<>(ctx, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public List<ServiceRegistration<Sport>> addingBundle(Bundle bundle, BundleEvent event) {
                String header = bundle.getHeaders("").get(HEADER);
                return header == null ? null : register(bundle, header);
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<Sport>> regs) {
                regs.forEach(DeclarativeSports::unregister);
            }
        };
        bundles.open();
        folder = folder(ctx);
        folderWatch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sideline-sports-folder");
            t.setDaemon(true);
            return t;
        });
        folderWatch.scheduleWithFixedDelay(this::scanFolder, 0, 2, TimeUnit.SECONDS);
    }

    @Deactivate
    synchronized void deactivate() {
        folderWatch.shutdownNow();
        bundles.close();
        fromFolder.values().forEach(DeclarativeSports::unregister);
        fromFolder.clear();
    }

    /** @return where dropped sport files are looked for */
    public Path folder() {
        return folder;
    }

    /** @return the problems of sport files now, by file, each a line: "handball.json:12: …" */
    public Map<String, String> problems() {
        return new TreeMap<>(problems);
    }

    /** Looks at the sports folder now rather than within two seconds. */
    public void rescan() {
        scanFolder();
    }

    private static Path folder(BundleContext ctx) {
        String dir = ctx.getProperty(DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String area = ctx.getProperty("osgi.install.area");
        try {
            if (area != null) {
                return Path.of(new URI(area.replace(" ", "%20"))).resolve("sports");
            }
        } catch (Exception e) {
            // fall through
        }
        return Path.of(System.getProperty("user.home"), ".sideline", "sports");
    }

    private List<ServiceRegistration<Sport>> register(Bundle bundle, String header) {
        List<ServiceRegistration<Sport>> regs = new ArrayList<>();
        for (String entry : header.split(",")) {
            String path = entry.strip();
            if (path.isEmpty()) {
                continue;
            }
            String source = bundle.getSymbolicName() + "/" + path;
            URL url = bundle.getEntry(path);
            try {
                if (url == null) {
                    throw new SportFileException(source, 0, "the bundle has no such file");
                }
                byte[] bytes;
                try (InputStream in = url.openStream()) {
                    bytes = in.readNBytes(SportFile.MAX_BYTES + 1);
                }
                if (bytes.length > SportFile.MAX_BYTES) {
                    throw new SportFileException(source, 0, "the file is larger than " + SportFile.MAX_BYTES / 1024
                            + " KiB");
                }
                Sport sport = SportFile.parse(source, SportFile.decode(source, bytes));
                regs.add(publish(sport, source));
                problems.remove(source);
            } catch (SportFileException e) {
                report(source, e.getMessage());
            } catch (IOException e) {
                report(source, source + ": cannot be read: " + e.getMessage());
            }
        }
        return regs;
    }

    private synchronized void scanFolder() {
        Map<Path, Long> now = new HashMap<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
                for (Path f : files) {
                    now.put(f, Files.getLastModifiedTime(f).toMillis() ^ Files.size(f));
                }
            } catch (IOException e) {
                report(folder.toString(), folder + ": cannot be listed: " + e.getMessage());
            }
        }
        for (Path gone : new ArrayList<>(seen.keySet())) {
            if (!now.containsKey(gone)) {
                seen.remove(gone);
                unregister(fromFolder.remove(gone));
                problems.remove(gone.toString());
            }
        }
        for (Map.Entry<Path, Long> f : now.entrySet()) {
            if (f.getValue().equals(seen.get(f.getKey()))) {
                continue;
            }
            seen.put(f.getKey(), f.getValue());
            unregister(fromFolder.remove(f.getKey()));
            String source = f.getKey().toString();
            try {
                Sport sport = SportFile.read(f.getKey());
                fromFolder.put(f.getKey(), publish(sport, source));
                problems.remove(source);
            } catch (SportFileException e) {
                report(source, e.getMessage());
            }
        }
    }

    /** registers a sport unless one with its id is installed already */
    private ServiceRegistration<Sport> publish(Sport sport, String source) throws SportFileException {
        try {
            for (ServiceReference<Sport> r : context.getServiceReferences(Sport.class, null)) {
                Sport other = context.getService(r);
                try {
                    if (other != null && other.id().equals(sport.id())) {
                        Object from = r.getProperty(SOURCE_PROPERTY);
                        throw new SportFileException(source, 0, "a sport with id \"" + sport.id() + "\" is installed already"
                                + (from != null ? " (from " + from + ")" : " (" + other.name() + ")"));
                    }
                } finally {
                    context.ungetService(r);
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(SOURCE_PROPERTY, source);
        return context.registerService(Sport.class, sport, props);
    }

    private void report(String source, String message) {
        problems.put(source, message);
        LOG.log(System.Logger.Level.WARNING, "sport not installed: {0}", message);
    }

    private static void unregister(ServiceRegistration<Sport> reg) {
        if (reg == null) {
            return;
        }
        try {
            reg.unregister();
        } catch (IllegalStateException e) {
            // already gone with its bundle
        }
    }
}
