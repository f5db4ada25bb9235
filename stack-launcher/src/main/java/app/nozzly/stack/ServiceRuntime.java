package app.nozzly.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK the stack runs its services on, and the class archive that makes them start fast.
 * <p>
 * On a JDK 25 or later the stack keeps an AOT cache per service (JEP 483: classes loaded and linked ahead of time),
 * recorded by one training start of the service against the stack's Postgres and Kafka and used by every start
 * after it: a service is ready in about two thirds of the time it takes with Quarkus' class archive. The services
 * are built for Java 17 and run the same on either. Without a JDK 25 the stack runs them on its own JDK with the
 * class archive Quarkus packages ({@code app-cds.jsa}).
 * <p>
 * The JDK is the newest of the stack's own, {@code $JAVA_HOME} and those installed under {@code /usr/lib/jvm};
 * {@code $STACK_SERVICE_JAVA_HOME} names one instead.
 */
final class ServiceRuntime {

    /** The first feature release whose AOT cache holds linked classes (JEP 483) and is made in one step (JEP 514). */
    static final int AOT_CACHE_RELEASE = 25;
    /** The option naming the AOT cache a start uses. */
    static final String AOT_CACHE_OPTION = "-XX:AOTCache=";
    private static final String CLASS_ARCHIVE = "app-cds.jsa";
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    /** A cache and the configuration file its training start writes before it. */
    private static final Pattern CACHE_FILE = Pattern.compile("app-[0-9a-f]{8}\\.aot(\\.config)?");
    private static final Pattern RUNTIME_VERSION = Pattern.compile("(?m)^JAVA_RUNTIME_VERSION=\"([^\"]+)\"");

    private final Path javaHome;
    private final int feature;

    ServiceRuntime(Path javaHome, int feature) {
        this.javaHome = javaHome;
        this.feature = feature;
    }

    static ServiceRuntime detect() {
        String chosen = System.getenv("STACK_SERVICE_JAVA_HOME");
        if (chosen != null && !chosen.isBlank()) {
            Path home = Path.of(chosen);
            return new ServiceRuntime(home, feature(home).orElseThrow(() -> new IllegalStateException(
                    "STACK_SERVICE_JAVA_HOME=" + chosen + " is not a JDK (no release file naming its version)")));
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        Optional.ofNullable(System.getenv("JAVA_HOME")).filter(home -> !home.isBlank()).map(Path::of)
                .ifPresent(candidates::add);
        Path installed = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> homes = Files.list(installed)) {
                homes.sorted().forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ServiceRuntime newest = null;
        for (Path home : candidates) {
            if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
                continue;
            }
            Optional<Integer> feature = feature(home);
            if (feature.isPresent() && (newest == null || feature.get() > newest.feature)) {
                newest = new ServiceRuntime(home, feature.get());
            }
        }
        return newest != null ? newest
                : new ServiceRuntime(Path.of(System.getProperty("java.home")), Runtime.version().feature());
    }

    /** The feature release a JDK's {@code release} file names. */
    static Optional<Integer> feature(Path javaHome) {
        return release(javaHome, VERSION).map(Integer::parseInt);
    }

    private Optional<String> release(Pattern key) {
        return release(javaHome, key);
    }

    private static Optional<String> release(Path javaHome, Pattern key) {
        try {
            Matcher matcher = key.matcher(Files.readString(javaHome.resolve("release")));
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    String java() {
        return javaHome.resolve("bin").resolve("java").toString();
    }

    boolean usesAotCache() {
        return feature >= AOT_CACHE_RELEASE;
    }

    /**
     * The file name of the AOT cache of a start with {@code jvmOptions} on this JDK. A cache serves only the JDK
     * build and the options it was recorded with (the JVM refuses another's, with an {@code [aot]} error, and starts
     * without it), so a new JDK or other options make a new name, and a training start.
     */
    String aotCache(List<String> jvmOptions) {
        String key = release(RUNTIME_VERSION).orElse(String.valueOf(feature)) + " " + String.join(" ", jvmOptions);
        return String.format("app-%08x.aot", key.hashCode());
    }

    /** Whether a start with {@code jvmOptions} in {@code appDirectory} needs a training start first. */
    boolean needsTraining(Path appDirectory, List<String> jvmOptions) {
        if (!usesAotCache()) {
            return false;
        }
        Path cache = appDirectory.resolve(aotCache(jvmOptions));
        if (!Files.exists(cache) || size(cache) == 0) {
            return true;
        }
        try (Stream<Path> files = Files.walk(appDirectory)) {
            FileTime made = Files.getLastModifiedTime(cache);
            return files.filter(file -> file.toString().endsWith(".jar")).map(ServiceRuntime::modified)
                    .max(Comparator.naturalOrder()).map(newest -> newest.compareTo(made) > 0).orElse(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The archive options of a start with {@code jvmOptions} in {@code appDirectory} (its working directory). */
    List<String> archiveOptions(Path appDirectory, List<String> jvmOptions) {
        if (usesAotCache()) {
            String cache = aotCache(jvmOptions);
            return Files.exists(appDirectory.resolve(cache)) ? List.of(AOT_CACHE_OPTION + cache) : List.of();
        }
        return Files.exists(appDirectory.resolve(CLASS_ARCHIVE)) ? List.of("-XX:SharedArchiveFile=" + CLASS_ARCHIVE)
                : List.of();
    }

    /**
     * The options of a training start: the JVM writes the cache of what it loaded and linked when it exits. Its
     * warnings about each class it leaves out (generated proxies, classes that fail verification and never load) would
     * fill the service's log; errors still show.
     */
    List<String> trainingOptions(List<String> jvmOptions) {
        return List.of("-XX:AOTCacheOutput=" + aotCache(jvmOptions), "-Xlog:aot=error");
    }

    /** Deletes every AOT cache in {@code appDirectory}: those of other JDKs or options, and an unfinished one. */
    void dropCaches(Path appDirectory) {
        try (Stream<Path> files = Files.list(appDirectory)) {
            List<Path> caches = files.filter(file -> CACHE_FILE.matcher(file.getFileName().toString()).matches())
                    .toList();
            for (Path cache : caches) {
                Files.delete(cache);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "JDK " + feature + " (" + javaHome + ")" + (usesAotCache() ? " with an AOT cache per service" : "");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
