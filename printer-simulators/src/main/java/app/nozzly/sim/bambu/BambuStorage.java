package app.nozzly.sim.bambu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import app.nozzly.sim.StoredFile;

/** The printer's SD card: the files FTPS serves and project_file prints from. Thread-safe. */
final class BambuStorage {

    /** Directories every Bambu printer's SD card has. */
    static final List<String> STANDARD_DIRECTORIES = List.of("/cache", "/timelapse", "/image", "/logger");

    /** One entry of a directory listing. */
    record Entry(String name, boolean directory, long size, Instant modified) {
    }

    private final NavigableMap<String, StoredFile> files = new TreeMap<>();
    private final Set<String> directories = new TreeSet<>();
    private final Instant created = Instant.now();

    BambuStorage() {
        directories.add("/");
        directories.addAll(STANDARD_DIRECTORIES);
    }

    /** Normalizes a path against a working directory: absolute, no "." or "..", no trailing slash. */
    static String resolve(String workingDirectory, String path) {
        String combined = path == null || path.isEmpty() ? workingDirectory
                : path.startsWith("/") ? path : workingDirectory + "/" + path;
        List<String> parts = new ArrayList<>();
        for (String part : combined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    synchronized void put(String path, byte[] content) {
        String normalized = resolve("/", Objects.requireNonNull(path, "path"));
        if (normalized.equals("/") || directories.contains(normalized)) {
            throw new IllegalArgumentException("not a file path: " + path);
        }
        addParents(normalized);
        files.put(normalized, new StoredFile(normalized, content, Instant.now()));
    }

    synchronized Optional<StoredFile> get(String path) {
        return Optional.ofNullable(files.get(resolve("/", path)));
    }

    synchronized boolean delete(String path) {
        return files.remove(resolve("/", path)) != null;
    }

    synchronized boolean isDirectory(String path) {
        return directories.contains(resolve("/", path));
    }

    synchronized boolean makeDirectory(String path) {
        String normalized = resolve("/", path);
        if (files.containsKey(normalized)) {
            return false;
        }
        addParents(normalized + "/x");
        return true;
    }

    synchronized boolean removeDirectory(String path) {
        String normalized = resolve("/", path);
        if (normalized.equals("/") || !directories.contains(normalized) || !list(normalized).isEmpty()) {
            return false;
        }
        return directories.remove(normalized);
    }

    /** The direct children of a directory, directories first. */
    synchronized List<Entry> list(String directory) {
        String normalized = resolve("/", directory);
        String prefix = normalized.equals("/") ? "/" : normalized + "/";
        List<Entry> entries = new ArrayList<>();
        for (String candidate : directories) {
            if (candidate.startsWith(prefix) && candidate.length() > prefix.length()
                    && candidate.indexOf('/', prefix.length()) < 0) {
                entries.add(new Entry(candidate.substring(prefix.length()), true, 0, created));
            }
        }
        for (Map.Entry<String, StoredFile> file : files.tailMap(prefix, true).entrySet()) {
            if (!file.getKey().startsWith(prefix)) {
                break;
            }
            if (file.getKey().indexOf('/', prefix.length()) < 0) {
                StoredFile stored = file.getValue();
                entries.add(new Entry(stored.name(), false, stored.size(), stored.modified()));
            }
        }
        return entries;
    }

    /** All files, for assertions and the farm. */
    synchronized List<StoredFile> all() {
        return List.copyOf(files.values());
    }

    private void addParents(String path) {
        int slash = path.lastIndexOf('/');
        while (slash > 0) {
            directories.add(path.substring(0, slash));
            slash = path.lastIndexOf('/', slash - 1);
        }
    }
}
