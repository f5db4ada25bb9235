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

import app.nozzly.platform.persistence.Where;
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

        Where where() {
            String type = fileType == null ? null
                    : (fileType.startsWith(".") ? fileType : "." + fileType).toLowerCase(Locale.ROOT);
            String like = search == null || search.isBlank() ? null
                    : "%" + search.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
                            + "%";
            return new Where()
                    .and("printerId = :printer", "printer", printerId)
                    .and("status = :status", "status", status)
                    .and("fileType = :type", "type", type)
                    .and("lower(filename) like :search escape '!'", "search", like);
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
        Where where = filter.where();
        return find(where.clause(), Sort.by("createdAt").descending().and("id"), where.parameters())
                .range(offset, offset + limit - 1).list();
    }

    public long count(Filter filter) {
        Where where = filter.where();
        return count(where.clause(), where.parameters());
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
        Instant now = Instant.now();
        Where where = new Where()
                .and("localPath is not null", true)
                .and("coalesce(downloadedAt, createdAt) < :before", "before",
                        olderThanDays == null ? null : now.minus(Duration.ofDays(olderThanDays)))
                .and("fileSize >= :size", "size", minSizeMb == null ? null : minSizeMb * 1024L * 1024L)
                .and("(lastAccessed is null or lastAccessed < :unused)", "unused",
                        unusedOnly ? now.minus(Duration.ofDays(7)) : null);
        return find(where.clause(), Sort.by("fileSize").descending().and("id"), where.parameters()).list();
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
