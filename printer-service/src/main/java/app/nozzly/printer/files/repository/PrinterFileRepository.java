package app.nozzly.printer.files.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.nozzly.printer.files.FileStatus;
import app.nozzly.printer.files.PrinterFile;
import app.nozzly.printer.jobs.PrintJob;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Files of the tenant in scope: on printers, downloaded from them, or local only. */
@ApplicationScoped
public class PrinterFileRepository implements PanacheRepositoryBase<PrinterFile, String> {

    /** specs/003 GET /files filters; null means any. */
    public record Filter(String printerId, FileStatus status, String fileType, String search) {

        String where(Map<String, Object> parameters) {
            StringBuilder where = new StringBuilder("1 = 1");
            if (printerId != null) {
                where.append(" and printerId = :printer");
                parameters.put("printer", printerId);
            }
            if (status != null) {
                where.append(" and status = :status");
                parameters.put("status", status);
            }
            if (fileType != null) {
                where.append(" and fileType = :type");
                parameters.put("type", (fileType.startsWith(".") ? fileType : "." + fileType).toLowerCase(Locale.ROOT));
            }
            if (search != null && !search.isBlank()) {
                where.append(" and lower(filename) like :search escape '!'");
                parameters.put("search", "%" + search.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                        .replace("_", "!_") + "%");
            }
            return where.toString();
        }
    }

    /** The counts and sizes of specs/003 GET /files "summary", over all the tenant's files. */
    public record Totals(Map<FileStatus, Long> byStatus, long localBytes) {

        public long count(FileStatus status) {
            return byStatus.getOrDefault(status, 0L);
        }

        public long total() {
            return byStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public Optional<PrinterFile> byId(String id) {
        return find("id", id).firstResultOptional();
    }

    public List<PrinterFile> byIds(List<String> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    public Optional<PrinterFile> onPrinter(String printerId, String printerPath) {
        return find("printerId = ?1 and printerPath = ?2", printerId, printerPath).firstResultOptional();
    }

    public Optional<PrinterFile> onPrinterNamed(String printerId, String filename) {
        return find("printerId = ?1 and filename = ?2", Sort.by("createdAt").descending(), printerId, filename)
                .firstResultOptional();
    }

    public List<PrinterFile> page(Filter filter, int offset, int limit) {
        Map<String, Object> parameters = new HashMap<String, Object>();
        String where = filter.where(parameters);
        return find(where, Sort.by("createdAt").descending().and("id"), parameters).range(offset, offset + limit - 1)
                .list();
    }

    public long count(Filter filter) {
        Map<String, Object> parameters = new HashMap<String, Object>();
        return count(filter.where(parameters), parameters);
    }

    public Totals totals() {
        Map<FileStatus, Long> byStatus = new EnumMap<>(FileStatus.class);
        for (Object[] row : getEntityManager()
                .createQuery("select f.status, count(f) from PrinterFile f group by f.status", Object[].class)
                .getResultList()) {
            byStatus.put((FileStatus) row[0], (Long) row[1]);
        }
        Long bytes = getEntityManager()
                .createQuery("select coalesce(sum(f.fileSize), 0) from PrinterFile f where f.localPath is not null",
                        Long.class)
                .getSingleResult();
        return new Totals(byStatus, bytes);
    }

    public long countLocalOnly() {
        return count("printerId is null");
    }

    /** Files with a local copy that cleanup may remove, biggest first. */
    public List<PrinterFile> cleanupCandidates(Integer olderThanDays, Integer minSizeMb, boolean unusedOnly) {
        StringBuilder where = new StringBuilder("localPath is not null");
        Map<String, Object> parameters = new HashMap<String, Object>();
        if (olderThanDays != null) {
            where.append(" and coalesce(downloadedAt, createdAt) < :before");
            parameters.put("before", Instant.now().minus(Duration.ofDays(olderThanDays)));
        }
        if (minSizeMb != null) {
            where.append(" and fileSize >= :size");
            parameters.put("size", minSizeMb * 1024L * 1024L);
        }
        if (unusedOnly) {
            where.append(" and (lastAccessed is null or lastAccessed < :unused)");
            parameters.put("unused", Instant.now().minus(Duration.ofDays(7)));
        }
        return find(where.toString(), Sort.by("fileSize").descending().and("id"), parameters).list();
    }

    /** The printer file a printer names as the one it prints (its path, else its name), with its metadata. */
    public Optional<PrinterFile> printedAs(String printerId, String file) {
        return find("printerId = ?1 and (printerPath = ?2 or filename = ?3) and metadata is not null",
                Sort.by("createdAt").descending(), printerId, file, nameOf(file)).firstResultOptional();
    }

    /** The printer file each job printed (same printer, same path or else same name), in one query. */
    public Map<Long, PrinterFile> printedBy(Collection<PrintJob> jobs) {
        Map<Long, PrinterFile> printed = new HashMap<>();
        List<PrintJob> withFile = jobs.stream().filter(j -> j.fileName != null).toList();
        if (withFile.isEmpty()) {
            return printed;
        }
        List<PrinterFile> candidates = list("printerId in ?1 and filename in ?2",
                withFile.stream().map(j -> j.printerId).distinct().toList(),
                withFile.stream().map(j -> nameOf(j.fileName)).distinct().toList());
        for (PrintJob job : withFile) {
            candidates.stream().filter(f -> f.printerId.equals(job.printerId))
                    .filter(f -> job.fileName.equals(f.printerPath) || nameOf(job.fileName).equals(f.filename))
                    .max(Comparator.comparing((PrinterFile f) -> job.fileName.equals(f.printerPath))
                            .thenComparing(f -> f.createdAt))
                    .ifPresent(f -> printed.put(job.id, f));
        }
        return printed;
    }

    private static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A printer's files whose metadata was not read yet (new, or changed since). */
    public List<PrinterFile> unread(String printerId) {
        return list("printerId = ?1 and metadataReadAt is null", Sort.by("createdAt"), printerId);
    }
}
